#!/usr/bin/env python3
"""Independent reference numbers for Gevinst's unit-level inference on weekly gap series.

Run:  /usr/bin/python3 make_unit_level_vectors.py > unit_level_vectors.json
(Debian: apt-get install python3-numpy python3-scipy python3-statsmodels). Not a runtime dependency:
the JSON is committed and UnitLevelVectorsTest pins the Java code to it.

Each case simulates a weekly series y = X b + d + n (seeded): d is AR(1) team drift, n is sampling noise
with a known, week-varying variance; weeks may be missing (a ramp-up left out), so time is the week index.
It records
- REML for (sigma2, rho) of the drift with the noise variance known, maximised here with scipy's L-BFGS-B
  from several starts (Gevinst uses average-information Newton steps: a different algorithm);
  the restricted log-likelihood is -1/2 (log|S| + log|X'S^-1 X| + r'S^-1 r), without constants;
- the variance c'S c of the weighted least squares contrast c (weights w) at the REML estimate, and its
  Satterthwaite degrees of freedom 2 v^2 / (g' H^-1 g), g the gradient of v and H the numerical Hessian of
  the negative restricted log-likelihood (statsmodels' approx_hess), as lmerTest computes them;
- the Newey-West HAC standard error of the post coefficient from statsmodels
  WLS(y, X, weights=w).fit(cov_type='HAC', cov_kwds={'maxlags': ceil(1.3 sqrt(T)), 'use_correction': True}).
"""
import json
import math

import numpy as np
import statsmodels.api as sm
from scipy import optimize
from statsmodels.tools.numdiff import approx_hess, approx_fprime


def simulate(seed, pre, ramp, post, sigma_d, rho, noise_sd, design):
    rng = np.random.default_rng(seed)
    weeks = list(range(pre)) + list(range(pre + ramp, pre + ramp + post))
    total = pre + ramp + post
    d = np.zeros(total)
    d[0] = rng.normal(0, sigma_d)
    for w in range(1, total):
        d[w] = rho * d[w - 1] + rng.normal(0, sigma_d * math.sqrt(1 - rho * rho))
    t = np.array(weeks, dtype=float)
    is_post = (t >= pre).astype(float)
    noise = (noise_sd * rng.uniform(0.6, 1.6, len(t))) ** 2
    y = 3.0 + d[weeks] + rng.normal(0, np.sqrt(noise)) + 0.5 * is_post
    weights = 1 / noise
    if design == "intercept":
        x = np.ones((len(t), 1))
    else:
        x = np.column_stack([np.ones(len(t)), is_post])
    return t, x, y, noise, weights


def neg_reml(params, t, x, y, noise):
    s2, rho = params
    lag = np.abs(t[:, None] - t[None, :])
    s = np.diag(noise) + s2 * rho ** lag
    sign, logdet = np.linalg.slogdet(s)
    if sign <= 0:
        return 1e100
    si = np.linalg.inv(s)
    xsx = x.T @ si @ x
    b = np.linalg.solve(xsx, x.T @ si @ y)
    r = y - x @ b
    return 0.5 * (logdet + np.linalg.slogdet(xsx)[1] + r @ si @ r)


def reml(t, x, y, noise):
    best = None
    scale = np.var(y)
    for s0 in (0.05, 0.3, 1.0, 3.0):
        for r0 in (0.1, 0.5, 0.85):
            res = optimize.minimize(neg_reml, [s0 * scale, r0], args=(t, x, y, noise), method="L-BFGS-B",
                                    bounds=[(0, None), (0, 0.99)], options={"ftol": 1e-15, "gtol": 1e-11, "maxiter": 5000})
            if best is None or res.fun < best.fun:
                best = res
    return best.x, -best.fun


def case(name, seed, pre, ramp, post, sigma_d, rho, noise_sd, design="did"):
    t, x, y, noise, w = simulate(seed, pre, ramp, post, sigma_d, rho, noise_sd, design)
    (s2, r), loglik = reml(t, x, y, noise)
    k = x.shape[1] - 1
    xw = x * w[:, None]
    c = np.linalg.solve(x.T @ xw, xw.T)[k]
    lag = np.abs(t[:, None] - t[None, :])

    def v(p):
        return c @ (np.diag(noise) + p[0] * p[1] ** lag) @ c

    vh = v([s2, r])
    h = approx_hess(np.array([s2, r]), neg_reml, args=(t, x, y, noise))
    g = approx_fprime(np.array([s2, r]), v)
    dof = 2 * vh * vh / (g @ np.linalg.solve(h, g))
    maxlags = int(math.ceil(1.3 * math.sqrt(len(y))))
    hac = sm.WLS(y, x, weights=w).fit(cov_type="HAC", cov_kwds={"maxlags": maxlags, "use_correction": True})
    return {"name": name, "seed": seed, "time": t.tolist(), "post": x[:, -1].tolist() if design != "intercept" else None,
            "design": design, "y": y.tolist(), "noise": noise.tolist(), "weights": w.tolist(),
            "reml": {"sigma2": float(s2), "rho": float(r), "log_lik": float(loglik)},
            "contrast": {"estimate": float(c @ y), "variance": float(vh), "dof": float(dof)},
            "hac": {"maxlags": maxlags, "estimate": float(hac.params[k]), "se": float(hac.bse[k])}}


CASES = [
    case("strong persistent drift, 17 + 26 weeks, 2-week ramp-up", 1, 17, 2, 26, 1.0, 0.8, 0.7),
    case("moderate drift, 30 + 12 weeks", 2, 30, 1, 12, 0.6, 0.5, 0.8),
    case("weak drift, long series", 3, 52, 3, 40, 0.4, 0.6, 1.0),
    case("independent shocks, short", 4, 12, 0, 10, 0.7, 0.05, 0.5),
    case("drift dominates, 20 + 20", 5, 20, 1, 20, 2.0, 0.9, 0.3),
    case("one period, intercept only", 6, 0, 0, 30, 1.0, 0.6, 0.6, design="intercept"),
]

print(json.dumps({"generated_by": "make_unit_level_vectors.py", "cases": CASES}, indent=1))

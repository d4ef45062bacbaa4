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
  WLS(y, X, weights=w).fit(cov_type='HAC', cov_kwds={'maxlags': ceil(1.3 sqrt(T)), 'use_correction': True});
- the drift-integrated critical value Gevinst decides with: h with sum_k w_k P(N(0, v_k) > h) = tail, the
  weights being the restricted likelihood on a fine grid over sigma in [0, 45] and rho in [0, 0.99] (flat
  priors on sigma and rho; trapezoid rule, 991 x 2831 points), for the series scaled to unit residual
  variance; and the mean of v over the same weights. Here the likelihood is evaluated with a vectorised
  Kalman filter (cross-checked against the dense formula above at the REML point), not Gevinst's code.
  Satterthwaite's dof is recorded only where the REML estimate is inside its bounds.
"""
import json
import math

import numpy as np
import statsmodels.api as sm
from scipy import optimize
from scipy import special
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


def kf_loglik(ys, x, t, ns, s2, rho):
    """The restricted log-likelihood on arrays of (s2, rho) at once, by the innovations of a scalar Kalman filter."""
    p = x.shape[1]
    cols = [x[:, j] for j in range(p)] + [ys]
    a = [np.zeros_like(s2) for _ in cols]
    pv = s2.copy(); pu = np.zeros_like(s2); logdet = np.zeros_like(s2)
    cross = [[np.zeros_like(s2) for _ in cols] for _ in cols]
    for i in range(len(ys)):
        if i > 0:
            phi = rho ** (t[i] - t[i - 1]); a = [phi * v for v in a]; pv = phi * phi * pu + s2 * (1 - phi * phi)
        f = pv + ns[i]; logdet += np.log(f); g = pv / f
        e = [cols[k][i] - a[k] for k in range(len(cols))]
        a = [a[k] + g * e[k] for k in range(len(cols))]
        for u in range(len(cols)):
            for v in range(len(cols)):
                cross[u][v] = cross[u][v] + e[u] * e[v] / f
        pu = pv * ns[i] / f
    if p == 1:
        det = cross[0][0]; fit = cross[0][1] ** 2 / cross[0][0]
    else:
        det = cross[0][0] * cross[1][1] - cross[0][1] ** 2
        fit = (cross[1][1] * cross[0][2] ** 2 - 2 * cross[0][1] * cross[0][2] * cross[1][2] + cross[0][0] * cross[1][2] ** 2) / det
    return -0.5 * (logdet + np.log(det) + cross[p][p] - fit)


def integrated(t, x, y, noise, c, tails):
    r = y - x @ np.linalg.lstsq(x, y, rcond=None)[0]
    scale = r @ r / (len(y) - x.shape[1])
    ys, ns = y / math.sqrt(scale), noise / scale
    rhos = np.linspace(0, 0.99, 991)
    sig = np.concatenate([np.linspace(0, 4, 1601), np.linspace(4, 45, 1231)[1:]])
    rr, ss = np.meshgrid(rhos, sig, indexing="ij")
    ll = kf_loglik(ys, x, t, ns, ss ** 2, rr)
    w = np.exp(ll - ll.max())
    wr = np.full(len(rhos), rhos[1] - rhos[0]); wr[[0, -1]] /= 2
    ws = np.zeros(len(sig)); dd = np.diff(sig); ws[:-1] += dd / 2; ws[1:] += dd / 2
    w = w * wr[:, None] * ws[None, :]
    w /= w.sum()
    lag = np.abs(t[:, None] - t[None, :])
    q = np.array([c @ (rh ** lag) @ c for rh in rhos])
    v = (c @ (c * ns) + ss ** 2 * q[:, None]) * scale
    sd = np.sqrt(v)
    crit = {}
    for tail in tails:
        crit[str(tail)] = float(optimize.brentq(lambda h: (w * 0.5 * special.erfc(h / (np.sqrt(2) * sd))).sum() - tail, 1e-9, 1e4, xtol=1e-13))
    return {"critical": crit, "mean_variance": float((w * v).sum())}


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
    dof = 2 * vh * vh / (g @ np.linalg.solve(h, g)) if 0 < r < 0.99 and s2 > 0 else None
    maxlags = int(math.ceil(1.3 * math.sqrt(len(y))))
    hac = sm.WLS(y, x, weights=w).fit(cov_type="HAC", cov_kwds={"maxlags": maxlags, "use_correction": True})
    return {"name": name, "seed": seed, "time": t.tolist(), "post": x[:, -1].tolist() if design != "intercept" else None,
            "design": design, "y": y.tolist(), "noise": noise.tolist(), "weights": w.tolist(),
            "reml": {"sigma2": float(s2), "rho": float(r), "log_lik": float(loglik)},
            "contrast": {"estimate": float(c @ y), "variance": float(vh), "dof": None if dof is None else float(dof)},
            "integrated": integrated(t, x, y, noise, c, (0.0125, 0.005)),
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

#!/usr/bin/env python3
"""Independent reference numbers for Gevinst's relative intervals (Fieller), computed with numpy and scipy.

Run:  python3 make_fieller_vectors.py > fieller_vectors.json   (Debian: apt-get install python3-scipy)
Not a runtime dependency: the JSON is committed and FiellerVectorsTest pins the Java code to it.

Each case draws four independent cells of raw observations (seeded). The difference-in-differences effect e,
the counterfactual c = pilot_pre + control_post - control_pre, their variances and covariance come from the raw
draws; the relative interval for e/c at multiplier q (Welch's t quantile) is found by inverting the test
(e - r*c)^2 <= q^2 * (Ve - 2 r Cov + r^2 Vc) with scipy's brentq on each side of e/c, not by the closed form.
The delta method's interval is recorded too, to show where it and the absolute interval disagree on zero.
Case 6 has a negative counterfactual (e/|c|), case 7 a multiplier widened as a team-level interval widens it.
"""
import json
import math

import numpy as np
from scipy import optimize, stats

CELLS = ["pilot_pre", "pilot_post", "control_pre", "control_post"]


def case(seed, sizes, means, sds, alpha, widen=1.0):
    rng = np.random.default_rng(seed)
    data, cells = {}, {}
    for name, n, mu, sd in zip(CELLS, sizes, means, sds):
        x = rng.normal(mu, sd, n)
        data[name] = x
        cells[name] = {"n": int(n), "sum": float(x.sum()), "sum_sq": float((x * x).sum())}
    m = {k: data[k].mean() for k in CELLS}
    vn = {k: data[k].var(ddof=1) / len(data[k]) for k in CELLS}
    e = (m["pilot_post"] - m["pilot_pre"]) - (m["control_post"] - m["control_pre"])
    c = m["pilot_pre"] + m["control_post"] - m["control_pre"]
    ve = sum(vn.values())
    vc = vn["pilot_pre"] + vn["control_post"] + vn["control_pre"]
    cov = -vc  # e = pilot_post - c, and pilot_post is independent of c
    dof = ve ** 2 / sum(v * v / (len(data[k]) - 1) for k, v in vn.items())
    # widen > 1 stands for a team-level half-width: Gevinst passes q = half-width / SE_case.
    q = stats.t(dof).ppf(1 - alpha / 2) * widen

    def f(r):
        return (e - r * c) ** 2 - q * q * (ve - 2 * r * cov + r * r * vc)

    r0 = e / c
    step = 1.0
    while f(r0 - step) <= 0:
        step *= 2
    low = optimize.brentq(f, r0 - step, r0, xtol=1e-15, rtol=1e-14)
    step = 1.0
    while f(r0 + step) <= 0:
        step *= 2
    high = optimize.brentq(f, r0, r0 + step, xtol=1e-15, rtol=1e-14)
    g_e, g_c = 1 / c, -e / (c * c)
    se_delta = math.sqrt(g_e * g_e * ve + 2 * g_e * g_c * cov + g_c * g_c * vc)
    # Gevinst reads the change relative to |c|: for c < 0, e/|c| = -e/c, so the interval is negated and turned round.
    if c < 0:
        low, high, r0 = -high, -low, -r0
    return {
        "seed": seed, "alpha": alpha, "widen": widen, "cells": cells,
        "expected": {"effect": e, "counterfactual": c, "effect_variance": ve, "counterfactual_variance": vc, "covariance": cov,
                     "q": q, "abs_ci_low": e - q * math.sqrt(ve), "abs_ci_high": e + q * math.sqrt(ve),
                     "relative_ci_low": low, "relative_ci_high": high,
                     "delta_ci_low": r0 - q * se_delta, "delta_ci_high": r0 + q * se_delta},
    }


def main():
    cases = [
        case(1, [300, 400, 900, 1200], [52, 47, 63, 65], [27, 25, 35, 36], 0.025),
        case(2, [600, 1100, 1300, 2200], [60, 52, 58, 58.5], [18, 16, 19, 18], 0.0125),
        case(3, [25, 40, 31, 52], [3.1, 3.9, 3.0, 3.2], [0.8, 0.7, 0.9, 0.6], 0.025),
        case(4, [120, 160, 400, 500], [54, 49.8, 63, 65.4], [27, 25, 35, 36], 0.025),
        case(5, [12, 9, 14, 11], [70, 58, 65, 64], [14, 20, 9, 12], 0.05),
        case(6, [200, 300, 500, 700], [-40, -46, -55, -57], [20, 22, 25, 26], 0.025),
        case(7, [300, 400, 900, 1200], [52, 44, 63, 65], [27, 25, 35, 36], 0.025, widen=3.2),
    ]
    print(json.dumps({"generator": "numpy " + np.__version__ + ", scipy " + __import__("scipy").__version__,
                      "cases": cases}, indent=2))


if __name__ == "__main__":
    main()

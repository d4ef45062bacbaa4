#!/usr/bin/env python3
"""Independent reference numbers for Gevinst's statistics, computed with numpy and scipy from raw data.

Run:  python3 make_four_cell_vectors.py > four_cell_vectors.json   (Debian: apt-get install python3-scipy)
Not a runtime dependency: the JSON is committed and StatisticsVectorsTest pins the Java code to it.

Each case draws four independent cells of raw observations (seeded), gives Java only their sufficient
statistics (n, sum, sum of squares), and records what scipy says about the difference-in-differences
(pilot_post - pilot_pre) - (control_post - control_pre): the Welch t interval and two-sided p-value with
Welch-Satterthwaite degrees of freedom, and the asymptotic confidence sequence of Waudby-Smith et al.
"""
import json
import math

import numpy as np
from scipy import stats

CELLS = ["pilot_pre", "pilot_post", "control_pre", "control_post"]
WEIGHTS = {"pilot_pre": -1.0, "pilot_post": 1.0, "control_pre": 1.0, "control_post": -1.0}


def case(seed, sizes, means, sds, alpha, n_star):
    rng = np.random.default_rng(seed)
    cells = {}
    data = {}
    for name, n, mu, sd in zip(CELLS, sizes, means, sds):
        x = rng.normal(mu, sd, n)
        data[name] = x
        cells[name] = {"n": int(n), "sum": float(x.sum()), "sum_sq": float((x * x).sum())}
    est = sum(WEIGHTS[c] * data[c].mean() for c in CELLS)
    vn = {c: data[c].var(ddof=1) / len(data[c]) for c in CELLS}
    se = math.sqrt(sum(vn.values()))
    dof = sum(vn.values()) ** 2 / sum(v * v / (len(data[c]) - 1) for c, v in vn.items())
    t = stats.t(dof)
    q = t.ppf(1 - alpha / 2)
    p = 2 * t.sf(abs(est / se))
    n_total = sum(len(data[c]) for c in CELLS)
    rho2 = (-2 * math.log(alpha) + math.log(1 - 2 * math.log(alpha))) / n_star
    half = se * math.sqrt(n_total) * math.sqrt(2 * (n_total * rho2 + 1) / (n_total ** 2 * rho2)
                                               * math.log(math.sqrt(n_total * rho2 + 1) / alpha))
    return {
        "seed": seed, "alpha": alpha, "n_star": n_star, "cells": cells,
        "expected": {"estimate": est, "se": se, "dof": dof, "fixed_ci_low": est - q * se, "fixed_ci_high": est + q * se,
                     "p_value": p, "cs_ci_low": est - half, "cs_ci_high": est + half},
    }


def main():
    cases = [
        case(1, [77, 77, 321, 319], [23.3, 21.2, 20.4, 21.0], [11.8, 8.3, 9.1, 9.3], 0.05, 5000),
        case(2, [600, 1100, 1300, 2200], [60, 52, 58, 58.5], [18, 16, 19, 18], 0.0125, 5000),
        case(3, [25, 40, 31, 52], [3.1, 3.9, 3.0, 3.2], [0.8, 0.7, 0.9, 0.6], 0.025, 1000),
        case(4, [5000, 9000, 11000, 20000], [0.12, 0.08, 0.11, 0.11], [0.32, 0.27, 0.31, 0.31], 0.0125, 20000),
        case(5, [12, 9, 14, 11], [70, 78, 65, 64], [14, 20, 9, 12], 0.05, 5000),
    ]
    print(json.dumps({"generator": "numpy " + np.__version__ + ", scipy " + __import__("scipy").__version__,
                      "cases": cases}, indent=2))


if __name__ == "__main__":
    main()

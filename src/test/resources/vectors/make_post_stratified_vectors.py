#!/usr/bin/env python3
"""Reference numbers for Gevinst's case-mix adjustment (post-stratification), from a regression on raw cases.

Run:  /usr/bin/python3 make_post_stratified_vectors.py > post_stratified_vectors.json
      (Debian: apt-get install python3-statsmodels python3-numpy)
Not a runtime dependency: the JSON is committed and PostStratifiedVectorsTest pins the Java code to it.

Each case draws raw observations (seeded) per case type x arm x period, gives Java only the cells' sufficient
statistics (n, sum, sum of squares), and records what statsmodels says. The estimate is computed independently
of Gevinst's sums: an OLS of the outcome on one dummy per (stratum, arm, period) cell, with HC2 standard errors
(on such a saturated model HC2 gives each cell mean the variance s^2/n), and the adjusted effect as the linear
combination sum_s w_s * (design contrast within s), tested with statsmodels' t_test. Weights w_s are the
stratum's share of the pilot arm's post-period cases. Thin strata are pooled by the documented rule
(docs/method.md): a stratum stands alone if every used cell holds >= MIN cases; strata without pilot post cases
are left out; the thin rest are pooled, and a pool that is itself thin joins the stratum with the most pilot
post cases; if nothing stands alone, all cases are one stratum.
"""
import json

import numpy as np
import statsmodels.api as sm

MIN = 20
DESIGNS = {"did": (True, True), "parallel": (False, True), "prepost": (True, False)}
CELLS = [("pilot", "pre"), ("pilot", "post"), ("control", "pre"), ("control", "post")]


def used(design):
    base, ctrl = DESIGNS[design]
    out = [("pilot", "post")]
    if base:
        out.append(("pilot", "pre"))
    if ctrl:
        out.append(("control", "post"))
    if base and ctrl:
        out.append(("control", "pre"))
    return out


def signs(design):
    base, ctrl = DESIGNS[design]
    s = {("pilot", "post"): 1.0}
    if base:
        s[("pilot", "pre")] = -1.0
    if ctrl:
        s[("control", "post")] = -1.0
    if base and ctrl:
        s[("control", "pre")] = 1.0
    return s


def pooling(sizes, design):
    """stratum -> label it is estimated under (None: left out)."""
    names = sorted(sizes)
    label = {}
    full, thin = [], []
    for s in names:
        if sizes[s][("pilot", "post")] == 0:
            label[s] = None
        elif min(sizes[s][c] for c in used(design)) < MIN:
            thin.append(s)
        else:
            full.append(s)
    if not full:
        return {s: "*" for s in names}, names
    for s in full:
        label[s] = s
    if thin:
        pool = {c: sum(sizes[s][c] for s in thin) for c in CELLS}
        if min(pool[c] for c in used(design)) >= MIN:
            target = "*"
        else:
            target = max(full, key=lambda s: (sizes[s][("pilot", "post")], -full.index(s)))
        for s in thin:
            label[s] = target
    return label, thin


def regression(y, labels, design, weights_by_label):
    """The linear combination of saturated cell means and its HC2 standard error."""
    keys = sorted(set(labels))
    x = np.zeros((len(y), len(keys)))
    index = {k: i for i, k in enumerate(keys)}
    for row, k in enumerate(labels):
        x[row, index[k]] = 1.0
    fit = sm.OLS(y, x).fit(cov_type="HC2")
    contrast = np.zeros(len(keys))
    for stratum, w in weights_by_label.items():
        for cell, sign in signs(design).items():
            contrast[index[(stratum,) + cell]] += sign * w
    t = fit.t_test(contrast.reshape(1, -1))
    return float(np.squeeze(t.effect)), float(np.squeeze(t.sd)), fit.params, index


def welch_dof(groups, coefficients):
    vn = [c * c * g.var(ddof=1) / len(g) for g, c in zip(groups, coefficients)]
    return sum(vn) ** 2 / sum(v * v / (len(g) - 1) for v, g in zip(vn, groups))


def case(name, seed, design, spec):
    """spec: stratum -> {cell: (n, mean, sd)}; cells a design does not use may be absent."""
    rng = np.random.default_rng(seed)
    raw = {}
    cells = {}
    for stratum, by_cell in spec.items():
        cells[stratum] = {}
        for cell in CELLS:
            n, mu, sd = by_cell.get(cell, (0, 0.0, 1.0))
            x = np.round(rng.normal(mu, sd, n), 3)
            raw[(stratum,) + cell] = x
            cells[stratum]["_".join(cell)] = {"n": int(n), "sum": float(x.sum()), "sum_sq": float((x * x).sum())}
    sizes = {s: {c: len(raw[(s,) + c]) for c in CELLS} for s in spec}
    label, pooled = pooling(sizes, design)
    y, labels = [], []
    for (stratum, arm, period), x in raw.items():
        if label[stratum] is None or (arm, period) not in used(design):
            continue
        y.extend(x)
        labels.extend([(label[stratum], arm, period)] * len(x))
    y = np.array(y)
    post = {}
    for s, lab in label.items():
        if lab is not None:
            post[lab] = post.get(lab, 0) + sizes[s][("pilot", "post")]
    total = sum(post.values())
    weights = {lab: n / total for lab, n in post.items()}
    estimate, se, params, index = regression(y, labels, design, weights)
    groups, coefficients = [], []
    for lab, w in sorted(weights.items()):
        for cell, sign in signs(design).items():
            groups.append(y[[i for i, l in enumerate(labels) if l == (lab,) + cell]])
            coefficients.append(sign * w)
    counterfactual = 0.0
    for lab, w in weights.items():
        m = {cell: params[index[(lab,) + cell]] for cell in used(design)}
        base, ctrl = DESIGNS[design]
        if base and ctrl:
            cf = m[("pilot", "pre")] + m[("control", "post")] - m[("control", "pre")]
        elif ctrl:
            cf = m[("control", "post")]
        else:
            cf = m[("pilot", "pre")]
        counterfactual += w * cf
    all_labels = [("all",) + l[1:] for l in labels]
    # The unadjusted effect: every case of the strata used, of every type, in one stratum.
    y_all, lab_all = [], []
    for (stratum, arm, period), x in raw.items():
        if (arm, period) in used(design):
            y_all.extend(x)
            lab_all.extend([("all", arm, period)] * len(x))
    unadjusted, unadjusted_se, _, _ = regression(np.array(y_all), lab_all, design, {"all": 1.0})
    return {
        "name": name, "seed": seed, "design": design, "min_cases": MIN, "cells": cells,
        "expected": {
            "estimate": estimate, "se": se, "dof": welch_dof(groups, coefficients), "counterfactual": counterfactual,
            "weights": {lab: w for lab, w in sorted(weights.items())},
            "pooled": sorted(pooled), "left_out": sorted(s for s, l in label.items() if l is None),
            "unadjusted": unadjusted, "unadjusted_se": unadjusted_se,
        },
    }


def main():
    P, C = "pilot", "control"
    cases = [
        # The pilot team gets 30 % more of the easy type after the start, and no real effect: the
        # unadjusted difference-in-differences shows a gain that the adjusted one does not.
        case("case mix shift, no effect", 11, "did", {
            "easy": {(P, "pre"): (300, 30, 8), (P, "post"): (390, 30, 8), (C, "pre"): (300, 30, 8), (C, "post"): (300, 30, 8)},
            "hard": {(P, "pre"): (300, 90, 20), (P, "post"): (210, 90, 20), (C, "pre"): (300, 90, 20), (C, "post"): (300, 90, 20)},
            "mid": {(P, "pre"): (100, 60, 15), (P, "post"): (100, 60, 15), (C, "pre"): (100, 60, 15), (C, "post"): (100, 60, 15)},
        }),
        # A real effect in one case type only, with different spreads per type.
        case("effect in one type", 12, "did", {
            "A": {(P, "pre"): (250, 40, 10), (P, "post"): (260, 34, 9), (C, "pre"): (400, 41, 11), (C, "post"): (380, 42, 11)},
            "B": {(P, "pre"): (120, 75, 25), (P, "post"): (110, 76, 24), (C, "pre"): (200, 73, 22), (C, "post"): (210, 74, 23)},
        }),
        # Parallel design; two thin strata whose pool stands alone.
        case("parallel, thin strata pooled", 13, "parallel", {
            "A": {(P, "post"): (200, 50, 12), (C, "post"): (300, 55, 12)},
            "B": {(P, "post"): (150, 80, 20), (C, "post"): (120, 85, 20)},
            "C": {(P, "post"): (12, 60, 10), (C, "post"): (30, 62, 10)},
            "D": {(P, "post"): (15, 65, 10), (C, "post"): (8, 66, 10)},
        }),
        # Before and after; a thin stratum whose pool is thin joins the largest; a type the pilot no longer has.
        case("prepost, thin pool joins the largest", 14, "prepost", {
            "A": {(P, "pre"): (200, 30, 6), (P, "post"): (220, 27, 6)},
            "B": {(P, "pre"): (90, 45, 9), (P, "post"): (80, 44, 9)},
            "C": {(P, "pre"): (5, 70, 9), (P, "post"): (6, 69, 9)},
            "gone": {(P, "pre"): (40, 20, 5)},
        }),
        # Too few cases per type anywhere: one stratum, the unadjusted estimate.
        case("nothing stands alone", 15, "did", {
            "A": {(P, "pre"): (15, 30, 5), (P, "post"): (15, 28, 5), (C, "pre"): (15, 31, 5), (C, "post"): (15, 30, 5)},
            "B": {(P, "pre"): (10, 60, 8), (P, "post"): (12, 55, 8), (C, "pre"): (10, 61, 8), (C, "post"): (10, 60, 8)},
        }),
    ]
    print(json.dumps({"generator": "make_post_stratified_vectors.py", "cases": cases}, indent=1))


if __name__ == "__main__":
    main()

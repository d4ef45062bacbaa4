#!/usr/bin/env python3
"""Reference numbers for Gevinst's clustered share (the employees' preference with respondents in teams).

Run:  /usr/bin/python3 make_clustered_share_vectors.py > clustered_share_vectors.json
      (Debian: apt-get install python3-statsmodels python3-numpy)
Not a runtime dependency: the JSON is committed and ClusteredShareVectorsTest pins the Java code to it.

Each case draws 0/1 answers (seeded) per team. The intra-team correlation comes from statsmodels' one-way
ANOVA table (anova_lm of an OLS of the answer on the team) on the raw answers, by the ANOVA estimator
rho = (MSB - MSW) / (MSB + (n0 - 1) MSW), n0 = (N - sum n_i^2 / N) / (k - 1), floored at 0 (0 with one team).
The design effect is 1 + (N/k - 1) rho, and the interval is statsmodels' Wilson interval
(proportion_confint, method="wilson") at the effective sample size N / deff. Java sees only each team's
n and number of yes answers.
"""
import json

import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from statsmodels.stats.anova import anova_lm
from statsmodels.stats.proportion import proportion_confint

CASES = [
    ("one team", [(0.7, 12)], 0.05),
    ("two alike teams", [(0.6, 14), (0.6, 12)], 0.025),
    ("two different teams", [(0.9, 13), (0.3, 12)], 0.025),
    ("three teams, unequal sizes", [(0.8, 20), (0.5, 8), (0.65, 15)], 0.05),
    ("four teams", [(0.75, 10), (0.7, 11), (0.2, 12), (0.85, 9)], 0.0125),
]


def case(name, teams, alpha, rng):
    rows = []
    for t, (p, n) in enumerate(teams):
        rows += [(f"t{t}", int(v)) for v in rng.random(n) < p]
    df = pd.DataFrame(rows, columns=["team", "y"])
    N, k = len(df), df.team.nunique()
    p = df.y.mean()
    if k > 1:
        table = anova_lm(smf.ols("y ~ C(team)", data=df).fit())
        msb, msw = table["mean_sq"].iloc[0], table["mean_sq"].iloc[1]
        sizes = df.groupby("team").size().to_numpy()
        n0 = (N - (sizes ** 2).sum() / N) / (k - 1)
        rho = max(0.0, (msb - msw) / (msb + (n0 - 1) * msw))
    else:
        rho = 0.0
    deff = 1 + (N / k - 1) * rho
    neff = N / deff
    low, high = proportion_confint(p * neff, neff, alpha=alpha, method="wilson")
    counts = {t: {"n": int(g.y.size), "yes": int(g.y.sum())} for t, g in df.groupby("team")}
    return {"name": name, "alpha": alpha, "teams": counts,
            "expected": {"share": p, "n": N, "teams": k, "rho": rho, "design_effect": deff, "ci_low": low, "ci_high": high}}


def main():
    rng = np.random.default_rng(20261129)
    print(json.dumps({"cases": [case(n, t, a, rng) for n, t, a in CASES]}, indent=1))


if __name__ == "__main__":
    main()

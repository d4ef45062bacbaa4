package dk.gevinst.stats;

import java.util.List;

/**
 * A share of respondents (e.g. those preferring a candidate), with a Wilson interval made honest for
 * respondents who cluster in teams: colleagues in one team share a manager, a workload and a first week with
 * the system, so their answers are alike, and n answers from k teams carry less information than n
 * independent ones. The interval uses Kish's effective sample size n / deff, with the design effect
 * deff = 1 + (m − 1)·ρ (m the mean team size, ρ the intra-team correlation by the one-way ANOVA estimator
 * over the teams' answers, floored at 0). With one team, ρ cannot be estimated: deff is 1 and the interval
 * describes that team's employees only, which the pages say ({@link #teams()}).
 *
 * @param share        the share over every respondent (each counts once)
 * @param n            respondents
 * @param teams        teams with respondents
 * @param designEffect deff ≥ 1 (1 with a single team)
 * @param interval     the Wilson interval at the effective sample size n / deff
 */
public record ClusteredShare(double share, long n, int teams, double designEffect, Interval interval) {

    /** @param perTeam each team's answers as moments of 0/1 values (n, Σx = those saying yes) */
    public static ClusteredShare of(List<Moments> perTeam, double alpha) {
        List<Moments> teams = perTeam.stream().filter(m -> m.n() > 0).toList();
        long n = teams.stream().mapToLong(Moments::n).sum();
        double yes = teams.stream().mapToDouble(Moments::sum).sum();
        if (n == 0) return new ClusteredShare(Double.NaN, 0, 0, 1, new Interval(Double.NaN, Double.NaN, alpha));
        double p = yes / n;
        double deff = 1 + (n / (double) teams.size() - 1) * correlation(teams, n, p);
        double effective = n / deff;
        return new ClusteredShare(p, n, teams.size(), deff, WilsonInterval.of(p * effective, effective, alpha));
    }

    /** The one-way ANOVA estimate of the intra-team correlation of 0/1 answers, floored at 0; 0 with one team. */
    static double correlation(List<Moments> teams, long n, double p) {
        int k = teams.size();
        if (k < 2 || n <= k) return 0;
        double between = 0, within = 0, sumSquares = 0;
        for (Moments t : teams) {
            double pt = t.sum() / t.n();
            between += t.n() * (pt - p) * (pt - p);
            within += t.n() * pt * (1 - pt);
            sumSquares += (double) t.n() * t.n();
        }
        double msb = between / (k - 1), msw = within / (n - k);
        double n0 = (n - sumSquares / n) / (k - 1);
        double denominator = msb + (n0 - 1) * msw;
        return denominator <= 0 ? 0 : Math.max(0, (msb - msw) / denominator);
    }
}

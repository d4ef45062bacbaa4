package dk.gevinst.decision;

import dk.gevinst.config.PilotSpec;
import dk.gevinst.indicator.Role;
import dk.gevinst.stats.ConfidenceSequence;
import dk.gevinst.stats.Contrast;
import dk.gevinst.stats.Moments;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * How many more weeks, at the current daily volume and variance of the post cells and assuming the
 * estimates stay where they are, until the rule can decide. Two ways out exist: GO needs one success
 * indicator shown better and every guardrail shown non-inferior; STOP (futile) needs every success
 * indicator shown futile or worse. The answer is the nearer of the two, naming the indicator that
 * holds it up, capped at max_extension_weeks.
 */
public final class ExtensionEstimate {
    private static final int NEVER = Integer.MAX_VALUE;

    private ExtensionEstimate() {}

    public record Estimate(IndicatorResult indicator, int weeks) {}

    public static Estimate of(PilotSpec spec, List<IndicatorResult> results, LocalDate asOf) {
        int cap = spec.decision().maxExtensionWeeks();
        long postDays = Math.max(1, ChronoUnit.DAYS.between(spec.postStart(), asOf) + 1);
        List<IndicatorResult> success = estimable(results, Role.SUCCESS);
        List<IndicatorResult> guardrails = estimable(results, Role.GUARDRAIL);

        Estimate go = null;
        for (IndicatorResult r : success) {
            int w = r.verdict() == Verdict.BETTER ? 0 : r.goodEffect() > 0 ? weeksUntil(spec, r, r.goodEffect(), postDays, cap) : NEVER;
            if (go == null || w < go.weeks()) go = new Estimate(r, w);
        }
        if (go != null && go.weeks() != NEVER) {
            for (IndicatorResult g : guardrails) {
                if (g.verdict() == Verdict.NON_INFERIOR) continue;
                double room = g.goodEffect() + (Double.isNaN(g.marginAbs()) ? 0 : g.marginAbs());
                int w = room > 0 ? weeksUntil(spec, g, room, postDays, cap) : NEVER;
                if (w > go.weeks()) go = new Estimate(g, w);
            }
        }
        Estimate stop = null;
        for (IndicatorResult r : success) {
            if (r.verdict() == Verdict.FUTILE || r.verdict() == Verdict.WORSE) continue;
            double room = Math.max(-r.goodEffect(), Double.isNaN(r.mdeAbs()) ? -r.goodEffect() : r.mdeAbs() - r.goodEffect());
            int w = room > 0 ? weeksUntil(spec, r, room, postDays, cap) : NEVER;
            if (stop == null || w > stop.weeks()) stop = new Estimate(r, w);
        }
        Estimate best = go;
        if (stop != null && (best == null || stop.weeks() < best.weeks())) best = stop;
        if (best == null) return new Estimate(null, cap);
        return new Estimate(best.indicator(), Math.max(1, Math.min(cap, best.weeks())));
    }

    private static List<IndicatorResult> estimable(List<IndicatorResult> results, Role role) {
        return results.stream().filter(r -> r.indicator().role() == role && r.design() != Design.NONE && !Double.isNaN(r.effect())).toList();
    }

    /** The first week at which the sequential half-width falls below {@code needed}; NEVER within the cap. */
    static int weeksUntil(PilotSpec spec, IndicatorResult r, double needed, long postDays, int cap) {
        double a = r.sequential().alpha();
        int minimum = r.indicator().definition().source().countsPersons() ? spec.decision().minResponses() : spec.decision().minCases();
        for (int w = 1; w <= cap; w++) {
            double growth = 7.0 * w / postDays;
            PeriodCells c = r.cells();
            PeriodCells future = new PeriodCells(c.pilotPre(), scale(c.pilotPost(), growth), c.controlPre(), scale(c.controlPost(), growth));
            if (future.used(r.design()).stream().anyMatch(m -> m.n() < minimum)) continue;
            Contrast contrast = future.contrast(r.design());
            double half = ConfidenceSequence.halfWidth(contrast.standardError(), contrast.totalN(), a, r.sequential().nStar());
            if (half < needed) return w;
        }
        return NEVER;
    }

    /** The cell after {@code growth} times its current volume more, with the same mean and variance. */
    static Moments scale(Moments m, double growth) {
        if (m.n() < 2) return m;
        long n = Math.round(m.n() * (1 + growth));
        double mean = m.mean();
        double var = m.variance();
        return new Moments(n, mean * n, var * (n - 1) + mean * mean * n);
    }
}

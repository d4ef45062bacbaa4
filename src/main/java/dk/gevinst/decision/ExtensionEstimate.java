package dk.gevinst.decision;

import dk.gevinst.config.PilotSpec;
import dk.gevinst.indicator.Role;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * How many more weeks until the rule can decide, assuming the estimates stay where they are: the nearer of
 * GO (one success indicator better and every guardrail non-inferior) and STOP (every success indicator
 * futile or worse). Each interval is projected with its own model ({@link Projection}): future weeks at
 * the recent volume, the drift as the data describe it, so team-level uncertainty shrinks only as far as
 * drift allows. Maturity is in the data already: an indicator's weeks end at as_of − maturity.
 *
 * <p>The answer is not the cap: when neither way out is reachable within max_extension_weeks, the estimate
 * says so ({@code weeks == null}), and what limits it: the team-to-team variation or the number of cases.
 */
public final class ExtensionEstimate {
    private static final int NEVER = Integer.MAX_VALUE;

    private ExtensionEstimate() {}

    /**
     * @param indicator the indicator that holds the decision up
     * @param weeks     the weeks until the rule can decide, or null when not within the cap
     * @param teamLimited true when team-level uncertainty (or its absence) is what keeps it undecidable
     */
    public record Estimate(IndicatorResult indicator, Integer weeks, boolean teamLimited) {
        public boolean decidable() {
            return weeks != null;
        }
    }

    private record Way(IndicatorResult indicator, int weeks, boolean teamLimited) {}

    public static Estimate of(PilotSpec spec, List<IndicatorResult> results, LocalDate asOf) {
        int cap = weeksLeft(spec, asOf);
        List<IndicatorResult> success = estimable(results, Role.SUCCESS);
        List<IndicatorResult> guardrails = estimable(results, Role.GUARDRAIL);

        Way go = null;
        for (IndicatorResult r : success) {
            Way w = r.verdict() == Verdict.BETTER ? new Way(r, 0, false) : goodRead(r) > 0 ? until(r, goodRead(r), cap, true) : new Way(r, NEVER, false);
            if (go == null || w.weeks < go.weeks) go = w;
        }
        if (go != null && go.weeks != NEVER) {
            for (IndicatorResult g : guardrails) {
                if (g.verdict() == Verdict.NON_INFERIOR) continue;
                double room = g.goodEffect() + (Double.isNaN(g.marginAbs()) ? 0 : g.marginAbs());
                Way w = room > 0 ? until(g, room, cap, true) : new Way(g, NEVER, false);
                if (w.weeks > go.weeks) go = w;
            }
        }
        Way stop = null;
        for (IndicatorResult r : success) {
            if (r.verdict() == Verdict.FUTILE || r.verdict() == Verdict.WORSE) continue;
            double mde = r.relative() ? r.mdeAbs() / Math.abs(r.counterfactual()) : r.mdeAbs();
            double room = Math.max(-goodRead(r), Double.isNaN(mde) ? -goodRead(r) : mde - goodRead(r));
            Way w = room > 0 ? until(r, room, cap, false) : new Way(r, NEVER, false);
            if (stop == null || w.weeks > stop.weeks) stop = w;
        }
        Way best = go;
        if (stop != null && (best == null || stop.weeks < best.weeks)) best = stop;
        if (best == null) return new Estimate(null, null, false);
        if (best.weeks == NEVER) return new Estimate(best.indicator, null, go != null && go.teamLimited);
        return new Estimate(best.indicator, Math.max(1, best.weeks), best.teamLimited);
    }

    /**
     * The whole weeks from as_of that an extension can still promise: max_extension_weeks, and after the end only
     * those left before the deadline (end + max_extension_weeks), where the rule stops a pilot it cannot decide.
     * Without it a night after the end promised a decision weeks past its own STOP date.
     */
    public static int weeksLeft(PilotSpec spec, LocalDate asOf) {
        int cap = spec.decision().maxExtensionWeeks();
        long days = ChronoUnit.DAYS.between(asOf, spec.deadline());
        return (int) Math.max(0, Math.min(cap, days / 7));
    }

    /** The good-side effect on the scale the indicator is read. */
    static double goodRead(IndicatorResult r) {
        return r.sign() * (r.relative() ? r.relativeEffect() : r.effect());
    }

    private static List<IndicatorResult> estimable(List<IndicatorResult> results, Role role) {
        return results.stream().filter(r -> r.indicator().role() == role && r.sequential() != null && r.projection() != null).toList();
    }

    /**
     * The first week at which the projected half-width, on the read scale, falls below {@code needed}. Every way out
     * needs team-level inference, as every verdict but a breached guardrail does (Verdicts): none reachable means never.
     * Without it on the way to STOP, a pilot that could never be stopped as futile was promised a STOP in a week.
     *
     * @param fromZero true when the way asks when the interval leaves zero (GO), false when it asks about the MDE's side (STOP)
     */
    private static Way until(IndicatorResult r, double needed, int cap, boolean fromZero) {
        Projection p = r.projection();
        if (!p.teamLevelReachable()) return new Way(r, NEVER, true);
        double a = r.bound().alpha();
        Analysis s = r.sequential();
        // From absolute to read half-widths, not from tonight's bound: a bound clipped to its scale (ScaleClip) is narrower
        // than its width says, and would project too few weeks. The way to GO asks when the interval leaves zero, which
        // the relative (Fieller) interval does exactly when the absolute one does: its half-width over the counterfactual.
        // The way to STOP asks about the MDE's side, where the delta method's scale is the nearer guide.
        double scale = !r.relative() ? 1 : fromZero || s.seCase() <= 0 ? 1 / Math.abs(s.counterfactual()) : s.seRelativeCase() / s.seCase();
        int first = p.weeksUntilTeamLevel();
        Way atFinal = finalLook(r, needed, cap, a, scale);
        for (int w = Math.max(1, first); w <= cap; w++) {
            if (atFinal != null && atFinal.weeks <= w) return atFinal;
            Analysis.Bound b = p.after(w, a);
            if (b == null) break;
            if (b.high() * scale < needed) return new Way(r, w, Analysis.UNIT.equals(b.decidedBy()));
        }
        if (atFinal != null) return atFinal;
        Analysis.Bound atCap = p.after(cap, a);
        return new Way(r, NEVER, atCap == null || Analysis.UNIT.equals(atCap.decidedBy()));
    }

    /**
     * The final look, when it is still to come within the cap and its projected fixed-horizon interval is
     * narrow enough; null otherwise. A final look made already (frozen) is in the verdict tonight.
     */
    private static Way finalLook(IndicatorResult r, double needed, int cap, double a, double scale) {
        if (r.fixed() != null) return null;
        int weeks = r.projection().weeksUntilFinal();
        if (weeks < 1 || weeks > cap) return null;
        Analysis.Bound b = r.projection().atFinal(a, true);
        if (b == null || !(b.high() * scale < needed)) return null;
        return new Way(r, weeks, Analysis.UNIT.equals(b.decidedBy()));
    }

    /** The weeks until the net present value's interval no longer straddles zero, or null when not within the cap. */
    public static Integer untilValueIsClear(PilotSpec spec, List<IndicatorResult> results, LocalDate asOf, double npv, double npvLow, double npvHigh) {
        List<IndicatorResult> benefit = estimable(results, Role.SUCCESS).stream().filter(r -> r.verdict() == Verdict.BETTER).toList();
        if (benefit.isEmpty()) return null;
        double spread = npv < 0 ? npvHigh - npv : npv - npvLow, distance = Math.abs(npv);
        for (int w = 1; w <= weeksLeft(spec, asOf); w++) {
            double ratio = 0;
            for (IndicatorResult r : benefit) {
                Analysis.Bound b = r.projection().after(w, r.bound().alpha());
                if (b == null) return null;
                ratio = Math.max(ratio, b.high() / r.sequential().at(r.bound().alpha()).absolute().halfWidth());
            }
            if (spread * ratio < distance) return w;
        }
        return null;
    }
}

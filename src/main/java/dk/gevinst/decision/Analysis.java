package dk.gevinst.decision;

import dk.gevinst.stats.Interval;
import java.time.LocalDate;
import java.util.List;

/**
 * One look at one indicator: tonight's sequential look, or the frozen fixed-horizon look at the planned
 * end. Every number published about the indicator comes from one such analysis: the estimate, the level
 * without the pilot, the relative change, their intervals and the verdict.
 *
 * @param kind           {@link #SEQUENTIAL} (the confidence sequence, valid at every night's look) or {@link #FINAL}
 * @param through        the last day of data it used
 * @param seCase         the case-level standard error: every case independent
 * @param dofCase        Welch–Satterthwaite's ν of the case-level standard error
 * @param seRelativeCase the case-level standard error of the relative change, by the delta method with the
 *                       level without the pilot as an estimate too
 * @param n              observations behind the estimate (the confidence sequence's N)
 * @param unitLevel      the team-level inference; {@code method = none} when the data allow none
 * @param bounds         the interval at each level the indicator is judged at (one, or two for a guardrail)
 * @param gaps           the weekly series the estimate and the weekly-gap inference rest on, for the page to draw
 */
public record Analysis(String kind, LocalDate through, double estimate, double counterfactual, double relativeEstimate, double seCase,
                       double dofCase, double seRelativeCase, long n, int weeks, UnitLevel unitLevel, List<Bound> bounds, double nStar,
                       List<GapWeek> gaps) {
    public static final String SEQUENTIAL = "sequential";
    public static final String FINAL = "final";
    public static final String CASE = "case";
    public static final String UNIT = "unit";

    /**
     * The interval at one level: which standard error decided it (the wider interval wins), that standard
     * error and its degrees of freedom, the effective sample size the confidence sequence used, and the
     * absolute and relative bounds (relative: NaN when the level without the pilot is 0). On a bounded scale
     * (a share, a score) the bounds are already within the changes the scale allows, and {@code saysNothing} is
     * true when the data exclude no change the scale allows: too few data for an interval (see {@link ScaleClip}).
     */
    public record Bound(double alpha, String decidedBy, double se, double dof, double nEff, double low, double high,
                        double relativeLow, double relativeHigh, boolean saysNothing) {
        public Interval absolute() {
            return new Interval(low, high, alpha);
        }

        public Interval relative() {
            return Double.isNaN(relativeLow) ? null : new Interval(relativeLow, relativeHigh, alpha);
        }
    }

    /**
     * One week of the series: pilot minus control mean (a prepost design: the pilot's mean), the standard
     * error of its sampling noise, which side of the start it is on, whether the week was complete (only
     * complete weeks enter the team-level fit), and the cases behind each arm (for small-cell suppression).
     */
    public record GapWeek(LocalDate week, double gap, double noiseSe, boolean post, boolean complete, long pilotN, long controlN) {}

    public Analysis {
        bounds = List.copyOf(bounds);
        gaps = gaps == null ? List.of() : List.copyOf(gaps); // analyses frozen before the series was kept have none
    }

    /** The bound at a level; the closest one if that level was not computed (never happens in the rule). */
    public Bound at(double alpha) {
        Bound best = bounds.get(0);
        for (Bound b : bounds) if (Math.abs(b.alpha() - alpha) < Math.abs(best.alpha() - alpha)) best = b;
        return best;
    }

    public boolean unitLevelAvailable() {
        return unitLevel != null && unitLevel.available();
    }
}

package dk.gevinst.decision;

import dk.gevinst.config.PilotIndicator;
import dk.gevinst.stats.Interval;

/**
 * One indicator's evidence for one pilot. Effects are in the indicator's own units, pilot minus the level
 * it would have had without the pilot (the counterfactual); {@link #goodSide} turns them so that above zero
 * is an improvement.
 *
 * <p>Every published number comes from one analysis, {@link #published}: tonight's sequential look or the
 * frozen final one, whichever gave the verdict (issue 9, item 11). {@link #bound} is that analysis's
 * interval at the level the verdict was judged at, and the verdict follows from the interval a reader
 * reads: the relative one ({@link #relative} true: "fell 14 % (10 to 19 %)") or, for guardrails, shares
 * and levels near zero, the absolute one.
 *
 * @param withheld  true when the interval showed better, worse, futile or non-inferior but no team-level inference was
 *                  possible: evidence that cannot be told apart from team noise counts for nothing
 * @param preTrend  the pre-trend check, or null when the design has no baseline or too few weeks
 * @param projection tonight's sequential analysis projected forward, for the extension estimate; not published
 */
public record IndicatorResult(
        PilotIndicator indicator,
        Design design,
        PeriodCells cells,
        Analysis sequential,
        Analysis fixed,
        Analysis published,
        Analysis.Bound bound,
        boolean relative,
        double mdeAbs,
        double marginAbs,
        Verdict verdict,
        boolean withheld,
        PreTrend preTrend,
        Interval share,
        Projection projection) {

    public String id() {
        return indicator.id();
    }

    public double sign() {
        return indicator.definition().direction().sign();
    }

    public double effect() {
        return published == null ? Double.NaN : published.estimate();
    }

    public double goodEffect() {
        return sign() * effect();
    }

    public double counterfactual() {
        return published == null ? Double.NaN : published.counterfactual();
    }

    public double relativeEffect() {
        return published == null ? Double.NaN : published.relativeEstimate();
    }

    /** The standard error behind the decision interval (case-level or unit-level, whichever was wider). */
    public double standardError() {
        return bound == null ? Double.NaN : bound.se();
    }

    public double dof() {
        return bound == null ? Double.NaN : bound.dof();
    }

    public long n() {
        return published == null ? cells.pilotPost().n() : published.n();
    }

    /** The interval the verdict was judged on, in the indicator's own units. */
    public Interval decisionInterval() {
        return bound == null ? null : bound.absolute();
    }

    /** The same interval relative to the level without the pilot; null when that level is 0. */
    public Interval relativeInterval() {
        return bound == null ? null : bound.relative();
    }

    /** The interval a reader reads and the verdict follows from: the relative one where the change is read relatively. */
    public Interval readInterval() {
        return relative ? relativeInterval() : decisionInterval();
    }

    /** The decision interval seen from the good side, in the indicator's own units. */
    public Interval goodSide() {
        Interval chosen = decisionInterval();
        if (chosen == null) return null;
        return sign() > 0 ? chosen : chosen.negate();
    }

    /**
     * The interval of the good-side effect in the indicator's own units as a reader reads it: the relative
     * interval times the level without the pilot where the change is read relatively. The business case
     * values this, so its low and high match the interval in the reasons.
     */
    public Interval goodSideRead() {
        Interval read = readInterval();
        if (read == null) return null;
        Interval own = relative ? new Interval(read.low() * Math.abs(counterfactual()), read.high() * Math.abs(counterfactual()), read.alpha()) : read;
        return sign() > 0 ? own : own.negate();
    }

    public boolean preTrendFound() {
        return preTrend != null && preTrend.driftFound();
    }
}

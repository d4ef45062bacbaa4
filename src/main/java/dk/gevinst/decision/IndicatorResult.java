package dk.gevinst.decision;

import dk.gevinst.config.PilotIndicator;
import dk.gevinst.stats.Interval;

/**
 * One indicator's evidence for one pilot. Effects are in the indicator's own units, pilot minus
 * counterfactual; {@link #goodSide} turns them so that above zero is an improvement.
 */
public record IndicatorResult(
        PilotIndicator indicator,
        Design design,
        PeriodCells cells,
        double effect,
        double standardError,
        double dof,
        double counterfactual,
        double relativeEffect,
        long n,
        SequentialAnalysis sequential,
        FixedAnalysis fixed,
        double mdeAbs,
        double marginAbs,
        Verdict verdict,
        Interval share) {

    public String id() {
        return indicator.id();
    }

    public double sign() {
        return indicator.definition().direction().sign();
    }

    public double goodEffect() {
        return sign() * effect;
    }

    /** The interval reported for the effect: the fixed one when it exists and is the narrower, else the sequential one. */
    public Interval decisionInterval() {
        Interval s = sequential == null ? null : new Interval(sequential.ciLow(), sequential.ciHigh(), sequential.alpha());
        Interval f = fixed == null ? null : new Interval(fixed.ciLow(), fixed.ciHigh(), fixed.alpha());
        return f != null && (s == null || f.halfWidth() <= s.halfWidth()) ? f : s;
    }

    /** The decision interval seen from the good side. */
    public Interval goodSide() {
        Interval chosen = decisionInterval();
        if (chosen == null) return null;
        return sign() > 0 ? chosen : chosen.negate();
    }
}

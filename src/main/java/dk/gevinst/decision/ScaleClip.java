package dk.gevinst.decision;

import dk.gevinst.indicator.Scale;

/**
 * Keeps an interval on a bounded scale within the changes the scale allows (issue 10). The level with the pilot,
 * p = counterfactual + estimate, is the pilot's own observed mean; the level without the pilot is what the design
 * estimates, and it lies on the scale [lo, hi] like every level. So the change p − c lies in [p − hi, p − lo],
 * and the relative change (p − c)/c in [p/hi − 1, p/lo − 1] (unbounded above when lo is 0). The interval is
 * intersected with that range: a rate's change never reads below −100 % of its own level, a SUS change never
 * takes the level off 0–100. When the data exclude no change the scale allows (both ends clipped), the interval
 * says nothing and is published as such ("too few data for an interval"); the verdict reads the same clipped
 * interval, and an interval that says nothing decides nothing (see {@link Verdicts}).
 *
 * <p>This conditions on the pilot's observed level, which is a mean of at least min_cases cases or responses;
 * its sampling error is already in the interval's width. docs/method.md says so.
 */
final class ScaleClip {
    private ScaleClip() {}

    static Analysis.Bound clip(Analysis.Bound b, Scale scale, double estimate, double counterfactual) {
        double p = counterfactual + estimate;
        if (scale == null || !Double.isFinite(p)) return b;
        double lowest = p - scale.high(), highest = p - scale.low();
        // A design whose counterfactual lies off the scale can put the whole interval outside the range; it is kept as computed.
        if (b.high() < lowest || b.low() > highest) return b;
        boolean clipsLow = b.low() < lowest, clipsHigh = b.high() > highest;
        double relLow = b.relativeLow(), relHigh = b.relativeHigh();
        if (!Double.isNaN(relLow) && counterfactual > 0) {
            relLow = Math.max(relLow, p / scale.high() - 1);
            if (scale.low() > 0) relHigh = Math.min(relHigh, p / scale.low() - 1);
        }
        return new Analysis.Bound(b.alpha(), b.decidedBy(), b.se(), b.dof(), b.nEff(), Math.max(b.low(), lowest), Math.min(b.high(), highest),
            relLow, relHigh, clipsLow && clipsHigh);
    }
}

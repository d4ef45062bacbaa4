package dk.gevinst.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/** A fixed-horizon Welch t analysis of one contrast: valid for one look at the data, not for peeking. */
public final class FixedHorizon {
    private FixedHorizon() {}

    public record Result(double estimate, double standardError, double dof, Interval interval, double pValue) {}

    /** The quantile solver's accuracy: the default 1e-9 would show in interval bounds pinned at 1e-9. */
    private static final double QUANTILE_ACCURACY = 1e-14;

    public static Result analyse(Contrast contrast, double alpha) {
        return around(contrast.estimate(), contrast.standardError(), contrast.degreesOfFreedom(), alpha);
    }

    /** estimate ± t(1 − α/2, ν)·SE with its two-sided p-value; for contrasts and for delta-method ratios alike. */
    public static Result around(double est, double se, double dof, double alpha) {
        double quantile = quantile(1 - alpha / 2, dof);
        double p = se == 0 ? (est == 0 ? 1.0 : 0.0) : 2 * upperTail(Math.abs(est / se), dof);
        return new Result(est, se, dof, new Interval(est - quantile * se, est + quantile * se, alpha), p);
    }

    /** The t quantile with ν degrees of freedom; the normal one for ν infinite or above 10⁷. */
    public static double quantile(double probability, double dof) {
        if (Double.isInfinite(dof) || dof > 1e7) return new NormalDistribution().inverseCumulativeProbability(probability);
        return new TDistribution(null, dof, QUANTILE_ACCURACY).inverseCumulativeProbability(probability);
    }

    /** P(T > x), computed by symmetry from the lower tail so small p-values keep their precision. */
    public static double upperTail(double x, double dof) {
        if (Double.isInfinite(dof) || dof > 1e7) return new NormalDistribution().cumulativeProbability(-x);
        return new TDistribution(null, dof, QUANTILE_ACCURACY).cumulativeProbability(-x);
    }
}

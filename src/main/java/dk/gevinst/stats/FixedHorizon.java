package dk.gevinst.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/** A fixed-horizon Welch t analysis of one contrast: valid for one look at the data, not for peeking. */
public final class FixedHorizon {
    private FixedHorizon() {}

    public record Result(double estimate, double standardError, double dof, Interval interval, double pValue) {}

    public static Result analyse(Contrast contrast, double alpha) {
        double est = contrast.estimate();
        double se = contrast.standardError();
        double dof = contrast.degreesOfFreedom();
        double quantile = quantile(1 - alpha / 2, dof);
        double p = se == 0 ? (est == 0 ? 1.0 : 0.0) : 2 * (1 - cdf(Math.abs(est / se), dof));
        return new Result(est, se, dof, new Interval(est - quantile * se, est + quantile * se, alpha), p);
    }

    static double quantile(double probability, double dof) {
        if (Double.isInfinite(dof) || dof > 1e7) return new NormalDistribution().inverseCumulativeProbability(probability);
        return new TDistribution(null, dof).inverseCumulativeProbability(probability);
    }

    static double cdf(double x, double dof) {
        if (Double.isInfinite(dof) || dof > 1e7) return new NormalDistribution().cumulativeProbability(x);
        return new TDistribution(null, dof).cumulativeProbability(x);
    }
}

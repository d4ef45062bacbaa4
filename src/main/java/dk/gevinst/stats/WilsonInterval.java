package dk.gevinst.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/** The Wilson score interval for a share: well behaved for small n and shares near 0 or 1. */
public final class WilsonInterval {
    private WilsonInterval() {}

    public static Interval of(long successes, long n, double alpha) {
        return of((double) successes, (double) n, alpha);
    }

    /** At an effective sample size that need not be whole (a count divided by a design effect). */
    public static Interval of(double successes, double n, double alpha) {
        if (n <= 0) return new Interval(Double.NaN, Double.NaN, alpha);
        double z = new NormalDistribution().inverseCumulativeProbability(1 - alpha / 2);
        double p = successes / n;
        double z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z2n);
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half), alpha);
    }
}

package dk.gevinst.stats;

/**
 * Fieller's interval for the ratio of two correlated, normally distributed estimates: the relative change
 * effect / |counterfactual|. It is the set of ratios ρ that a test of effect − ρ·counterfactual = 0 does not reject,
 *
 * <pre>(e − ρc)² ≤ q²·(Ve − 2ρ·Cov + ρ²·Vc)</pre>
 *
 * so at ρ = 0 it is the test of the effect itself: the relative interval holds 0 exactly when the absolute
 * interval e ± q·√Ve does. The delta method's interval, centred on e/|c| with the variance taken at the
 * estimate, could disagree: a stranger's pilot went GO on a relative interval of −18.8 to −0.4 % while its own
 * absolute interval, −10.6 to +0.2 minutes, held no change. {@code q} is the multiplier the absolute interval
 * used (its half-width over √Ve), so a sequential or team-level interval carries over as it is.
 */
public final class FiellerInterval {
    private FiellerInterval() {}

    /**
     * @return {low, high} of e/|c|, or null when the counterfactual itself is not clearly away from zero at this
     *         multiplier (c² ≤ q²·Vc): the set is then unbounded, and no relative interval can be given
     */
    public static double[] of(double e, double c, double ve, double vc, double cov, double q) {
        double q2 = q * q;
        double a = c * c - q2 * vc, b = e * c - q2 * cov, k = e * e - q2 * ve;
        if (!(a > 0)) return null;
        // The estimate e/c always satisfies the inequality, so the discriminant is not negative but for rounding.
        double root = Math.sqrt(Math.max(0, b * b - a * k));
        double low = (b - root) / a, high = (b + root) / a;
        return c > 0 ? new double[] {low, high} : new double[] {-high, -low};
    }
}

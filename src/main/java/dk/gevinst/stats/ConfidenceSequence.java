package dk.gevinst.stats;

/**
 * The asymptotic confidence sequence of Waudby-Smith et al. (as GrowthBook and Eppo use it): an interval
 * that stays valid although the evaluation looks at the data every night. {@code nStar} tunes where it is
 * tightest (the N at which it is narrowest relative to a fixed interval).
 */
public final class ConfidenceSequence {
    public static final double DEFAULT_N_STAR = 5000;

    private ConfidenceSequence() {}

    /** ρ = sqrt((−2 ln a + ln(1 − 2 ln a)) / N*). */
    public static double rho(double alpha, double nStar) {
        double la = Math.log(alpha);
        return Math.sqrt((-2 * la + Math.log(1 - 2 * la)) / nStar);
    }

    /** half-width = SE·√N·sqrt(2(Nρ²+1)/(N²ρ²) · ln(√(Nρ²+1)/a)). */
    public static double halfWidth(double standardError, long n, double alpha, double nStar) {
        return halfWidth(standardError, (double) n, alpha, nStar);
    }

    /** The same with a fractional N: the effective sample size when team-level uncertainty decides. */
    public static double halfWidth(double standardError, double n, double alpha, double nStar) {
        double rho2 = Math.pow(rho(alpha, nStar), 2);
        double nr = n * rho2;
        double radicand = 2 * (nr + 1) / (n * n * rho2) * Math.log(Math.sqrt(nr + 1) / alpha);
        return standardError * Math.sqrt(n) * Math.sqrt(radicand);
    }

    public static Interval around(double estimate, double standardError, long n, double alpha, double nStar) {
        double h = halfWidth(standardError, n, alpha, nStar);
        return new Interval(estimate - h, estimate + h, alpha);
    }

    public static Interval of(Contrast contrast, double alpha, double nStar) {
        return around(contrast.estimate(), contrast.standardError(), contrast.totalN(), alpha, nStar);
    }
}

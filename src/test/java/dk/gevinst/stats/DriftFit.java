package dk.gevinst.stats;

/**
 * A fitted drift model: AR(1) team drift with variance σ² and week-to-week correlation ρ, on top of known
 * sampling noise, and the inverse observed REML information of (σ², ρ) for Satterthwaite's degrees of
 * freedom. {@code drift == false} when the fit found no drift (σ² at its bound 0).
 */
public record DriftFit(boolean drift, double sigma2, double rho, double logLik, double varSigma2, double covSigma2Rho, double varRho) {

    public static final DriftFit NONE = new DriftFit(false, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** @param inverseInformation the 2×2 inverse observed information of (σ², ρ), or null when it is not positive definite */
    static DriftFit of(double sigma2, double rho, double logLik, double[][] inverseInformation) {
        boolean known = inverseInformation != null;
        return new DriftFit(true, sigma2, rho, logLik, known ? inverseInformation[0][0] : Double.NaN,
            known ? inverseInformation[0][1] : Double.NaN, known ? inverseInformation[1][1] : Double.NaN);
    }

    /** Var(Σ c_i y_i) = Σ c_i² noise_i + σ² Σ_ij c_i c_j ρ^|t_i − t_j|, for any weeks (also ones the fit did not see). */
    public double variance(double[] c, double[] time, double[] noise) {
        double v = 0;
        for (int i = 0; i < c.length; i++) v += c[i] * c[i] * noise[i];
        return v + sigma2 * driftQuadratic(c, time, 0);
    }

    /**
     * Satterthwaite's degrees of freedom of that variance: ν = 2v² / Var(v̂), with Var(v̂) = g'A g by the delta
     * method, g the gradient of v in (σ², ρ) and A the inverse observed information (as lmerTest does for mixed
     * models). Infinite without drift: then the variance is the known noise alone. NaN when the information
     * could not be inverted.
     */
    public double degreesOfFreedom(double[] c, double[] time, double[] noise) {
        if (!drift) return Double.POSITIVE_INFINITY;
        if (Double.isNaN(varSigma2)) return Double.NaN;
        double v = variance(c, time, noise);
        double g0 = driftQuadratic(c, time, 0), g1 = sigma2 * driftQuadratic(c, time, 1);
        double varV = g0 * g0 * varSigma2 + 2 * g0 * g1 * covSigma2Rho + g1 * g1 * varRho;
        return varV > 0 ? 2 * v * v / varV : Double.POSITIVE_INFINITY;
    }

    /** Σ_ij c_i c_j ∂^order ρ^|t_i − t_j| / ∂ρ^order. */
    private double driftQuadratic(double[] c, double[] time, int order) {
        double s = 0;
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c.length; j++) s += c[i] * c[j] * DriftReml.powerDerivative(rho, Math.abs(time[i] - time[j]), order);
        }
        return s;
    }
}

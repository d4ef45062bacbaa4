package dk.gevinst.stats;

/**
 * The relative lift (B − A)/|A| of two independent cells, with its standard error by the delta method
 * (the form GrowthBook publishes test vectors for); and the general form for an effect over the level
 * without the pilot, both estimated and correlated, which is what the published relative intervals use.
 */
public final class RelativeEffect {
    private RelativeEffect() {}

    public static double estimate(Moments a, Moments b) {
        return (b.mean() - a.mean()) / Math.abs(a.mean());
    }

    /**
     * The standard error of effect/|counterfactual| by the delta method when both are estimates: with
     * gradient (1/|c|, −e·sign(c)/c²), Var = g'[[Var e, Cov], [Cov, Var c]]g.
     */
    public static double standardError(double effect, double effectVariance, double counterfactual, double counterfactualVariance,
                                       double covariance) {
        double ge = 1 / Math.abs(counterfactual);
        double gc = -effect * Math.signum(counterfactual) / (counterfactual * counterfactual);
        return Math.sqrt(Math.max(0, ge * ge * effectVariance + 2 * ge * gc * covariance + gc * gc * counterfactualVariance));
    }

    public static double standardError(Moments a, Moments b) {
        double ma = a.mean(), mb = b.mean();
        double var = b.varianceOfMean() / (ma * ma) + mb * mb * a.varianceOfMean() / Math.pow(ma, 4);
        return Math.sqrt(var);
    }
}

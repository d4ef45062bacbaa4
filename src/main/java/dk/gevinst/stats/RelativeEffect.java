package dk.gevinst.stats;

/**
 * The relative lift (B − A)/|A| of two independent cells, with its standard error by the delta method
 * (the form GrowthBook publishes test vectors for).
 */
public final class RelativeEffect {
    private RelativeEffect() {}

    public static double estimate(Moments a, Moments b) {
        return (b.mean() - a.mean()) / Math.abs(a.mean());
    }

    public static double standardError(Moments a, Moments b) {
        double ma = a.mean(), mb = b.mean();
        double var = b.varianceOfMean() / (ma * ma) + mb * mb * a.varianceOfMean() / Math.pow(ma, 4);
        return Math.sqrt(var);
    }
}

package dk.gevinst.stats;

/**
 * Sufficient statistics of one cell: count, sum and sum of squares. Cells combine by addition, which is
 * what lets Spark summarise per day once and the driver regroup days into periods without rescanning.
 */
public record Moments(long n, double sum, double sumSq) {
    public static final Moments EMPTY = new Moments(0, 0, 0);

    public static Moments of(double... values) {
        double s = 0, s2 = 0;
        for (double v : values) {
            s += v;
            s2 += v * v;
        }
        return new Moments(values.length, s, s2);
    }

    public Moments plus(Moments other) {
        return new Moments(n + other.n, sum + other.sum, sumSq + other.sumSq);
    }

    public double mean() {
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Sample variance with n − 1; clamped at zero because Σx² − (Σx)²/n can dip below it by rounding. */
    public double variance() {
        if (n < 2) return Double.NaN;
        return Math.max(0.0, (sumSq - sum * sum / n) / (n - 1));
    }

    /** The squared standard error of the mean, v/n. */
    public double varianceOfMean() {
        return variance() / n;
    }
}

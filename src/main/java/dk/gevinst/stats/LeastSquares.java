package dk.gevinst.stats;

/**
 * Weighted least squares for the tiny designs of a weekly series (an intercept and a post indicator): the
 * coefficients, the contrast weights that give one coefficient as a weighted sum of the weeks, residuals.
 * p is 1 or 2, so the p×p algebra is written out rather than borrowed from a matrix library.
 */
public final class LeastSquares {
    private LeastSquares() {}

    /** (X'WX)⁻¹X'W: row k holds the weights c with β̂_k = Σ c_i y_i. */
    public static double[][] coefficientWeights(double[][] x, double[] w) {
        int n = x.length, p = x[0].length;
        double[][] xwx = new double[p][p];
        for (int i = 0; i < n; i++) for (int a = 0; a < p; a++) for (int b = 0; b < p; b++) xwx[a][b] += w[i] * x[i][a] * x[i][b];
        double[][] inv = invert(xwx);
        if (inv == null) throw new IllegalArgumentException("the design is singular (a period without weeks?)");
        double[][] out = new double[p][n];
        for (int k = 0; k < p; k++) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int a = 0; a < p; a++) s += inv[k][a] * x[i][a];
                out[k][i] = s * w[i];
            }
        }
        return out;
    }

    public static double[] coefficients(double[] y, double[][] x, double[] w) {
        double[][] c = coefficientWeights(x, w);
        double[] beta = new double[c.length];
        for (int k = 0; k < c.length; k++) beta[k] = dot(c[k], y);
        return beta;
    }

    /** Ordinary (unweighted) least squares residuals. */
    public static double[] residuals(double[] y, double[][] x) {
        double[] w = new double[y.length];
        java.util.Arrays.fill(w, 1);
        return residuals(y, x, w);
    }

    public static double[] residuals(double[] y, double[][] x, double[] w) {
        double[] beta = coefficients(y, x, w);
        double[] r = new double[y.length];
        for (int i = 0; i < y.length; i++) r[i] = y[i] - dot(x[i], beta);
        return r;
    }

    /** The ordinary least squares residual variance, Σ r²/(n − p): a series' scale. */
    public static double residualVariance(double[] y, double[][] x) {
        double[] r = residuals(y, x);
        double ss = 0;
        for (double v : r) ss += v * v;
        return ss / (y.length - x[0].length);
    }

    /** The inverse of a 1×1 or 2×2 matrix, or null when it is singular. */
    static double[][] invert(double[][] m) {
        if (m.length == 1) return m[0][0] == 0 ? null : new double[][] {{1 / m[0][0]}};
        if (m.length != 2) throw new IllegalArgumentException("only 1×1 and 2×2 designs");
        double det = determinant(m);
        if (!(Math.abs(det) > 1e-300)) return null;
        return new double[][] {{m[1][1] / det, -m[0][1] / det}, {-m[1][0] / det, m[0][0] / det}};
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static double determinant(double[][] m) {
        return m.length == 1 ? m[0][0] : m[0][0] * m[1][1] - m[0][1] * m[1][0];
    }
}

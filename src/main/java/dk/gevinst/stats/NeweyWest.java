package dk.gevinst.stats;

/**
 * The Newey–West (1987) heteroskedasticity- and autocorrelation-consistent standard error of one weighted
 * least squares coefficient, with the Bartlett kernel, lag L = ⌈1.3·√T⌉ (Lazarus, Lewis, Stock and Watson
 * 2018) and the small-sample factor T/(T − p), as statsmodels computes it with
 * {@code WLS(...).fit(cov_type='HAC', cov_kwds={'maxlags': L, 'use_correction': True})}. It is biased
 * downward with few weeks, so Gevinst publishes it as a diagnostic and uses it only as a floor under the
 * REML standard error.
 */
public final class NeweyWest {
    private NeweyWest() {}

    public static int lag(int weeks) {
        return Math.max(1, Math.min(weeks - 1, (int) Math.ceil(1.3 * Math.sqrt(weeks))));
    }

    /** The HAC standard error of coefficient {@code k} of y on x with weights w, at the given lag. */
    public static double standardError(double[] y, double[][] x, double[] w, int k, int lag) {
        int n = y.length, p = x[0].length;
        double[] e = LeastSquares.residuals(y, x, w);
        double[][] u = new double[n][p];
        for (int i = 0; i < n; i++) for (int a = 0; a < p; a++) u[i][a] = w[i] * x[i][a] * e[i];
        double[][] s = new double[p][p];
        for (int l = 0; l <= lag; l++) {
            double kernel = l == 0 ? 1 : 1 - l / (lag + 1.0);
            for (int i = l; i < n; i++) {
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        double g = u[i][a] * u[i - l][b];
                        s[a][b] += kernel * (l == 0 ? g : g + u[i - l][a] * u[i][b]);
                    }
                }
            }
        }
        double[][] xwx = new double[p][p];
        for (int i = 0; i < n; i++) for (int a = 0; a < p; a++) for (int b = 0; b < p; b++) xwx[a][b] += w[i] * x[i][a] * x[i][b];
        double[][] bread = LeastSquares.invert(xwx);
        double v = 0;
        for (int a = 0; a < p; a++) for (int b = 0; b < p; b++) v += bread[k][a] * s[a][b] * bread[b][k];
        return Math.sqrt(v * n / (n - p));
    }
}

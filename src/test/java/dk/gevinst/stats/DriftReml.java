package dk.gevinst.stats;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The plug-in analysis Gevinst does not use, kept in the tests to show why (PlugInRemlTest): restricted
 * maximum likelihood for a weekly series y = Xβ + d + n: d is team drift, a stationary AR(1)
 * process with variance σ² and correlation ρ per week, and n is sampling noise whose variance per week is
 * known from the cases (Σ over arms of s²/n). So Σ(θ) = diag(noise) + σ²·ρ^|t_i − t_j|.
 *
 * <p>REML, because the mean parameters β are profiled out of the likelihood: with few weeks, maximum
 * likelihood would understate the drift. The fit uses average-information Newton steps (Gilmour, Thompson
 * and Cullis 1995) from moment start values, with step halving and the bounds σ² ≥ 0, 0 ≤ ρ ≤ 0.99. Time
 * is the week index, so weeks left out (the ramp-up) keep their distance. The series is scaled to unit
 * variance first, so the numerics do not depend on the indicator's unit.
 */
public final class DriftReml {
    public static final double RHO_MAX = DriftPosterior.RHO_MAX;
    /** σ² below this share of the series' variance is treated as no drift at all. */
    private static final double NEGLIGIBLE = 1e-8;
    private static final int MAX_ITERATIONS = 60;


    private DriftReml() {}

    /**
     * @param y the weekly series
     * @param x its design, one row per week (e.g. [1, post])
     * @param time each week's position in weeks
     * @param noise each week's known sampling variance (0 when unknown)
     */
    public static DriftFit fit(double[] y, double[][] x, double[] time, double[] noise) {
        return fit(y, x, time, noise, null);
    }

    /** The same, starting from an earlier fit (last week's, say) instead of the moment estimates. */
    public static DriftFit fit(double[] y, double[][] x, double[] time, double[] noise, DriftFit start) {
        int t = y.length, p = x[0].length;
        if (t <= p + 2) throw new IllegalArgumentException("REML needs more than " + (p + 2) + " weeks; got " + t);
        double scale = residualVariance(y, x);
        if (!(scale > 0)) return DriftFit.NONE;
        Problem pr = new Problem(scaled(y, Math.sqrt(scale)), x, time, scaled(noise, scale));
        double[] theta = start == null || !start.drift() ? pr.start() : new double[] {start.sigma2() / scale, start.rho()};
        Eval e = pr.eval(theta[0], theta[1]);
        if (e == null) {
            theta = pr.start();
            e = pr.eval(theta[0], theta[1]);
        }
        Eval best = e;
        for (int it = 0; it < MAX_ITERATIONS && e != null; it++) {
            double[] step = pr.step(e);
            if (Math.abs(step[0]) < 1e-9 * (1 + e.s2) && Math.abs(step[1]) < 1e-9) break;
            double shrink = 1;
            Eval next = null;
            for (int h = 0; h < 12; h++) {
                double s2 = Math.max(0, e.s2 + shrink * step[0]);
                double rho = Math.min(RHO_MAX, Math.max(0, e.rho + shrink * step[1]));
                Eval cand = pr.eval(s2, rho);
                if (cand != null && cand.logLik >= e.logLik - 1e-12) {
                    next = cand;
                    break;
                }
                shrink /= 2;
            }
            if (next == null) break;
            boolean done = next.logLik - e.logLik < 1e-10 && Math.abs(next.s2 - e.s2) < 1e-6 * (1 + e.s2) && Math.abs(next.rho - e.rho) < 1e-6;
            e = next;
            if (e.logLik > best.logLik) best = e;
            if (done) break;
        }
        Eval boundary = pr.eval(0, 0);
        if (boundary != null && boundary.logLik >= best.logLik - 1e-9) best = boundary;
        if (best.s2 < NEGLIGIBLE) return DriftFit.NONE;
        double[][] info = pr.observedInformation(best);
        return DriftFit.of(best.s2 * scale, best.rho, best.logLik - 0.5 * (y.length - x[0].length) * Math.log(scale), inverseScaled(info, scale));
    }

    private static double[] scaled(double[] v, double by) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] / by;
        return out;
    }

    /** The inverse information on the σ² (unscaled) and ρ scale; null when it is not positive definite. */
    private static double[][] inverseScaled(double[][] info, double scale) {
        double det = info[0][0] * info[1][1] - info[0][1] * info[1][0];
        if (!(info[0][0] > 0) || !(det > 0)) return null;
        double[][] inv = {{info[1][1] / det, -info[0][1] / det}, {-info[1][0] / det, info[0][0] / det}};
        // σ² = scale·s2: Var(σ²) = scale²·Var(s2), Cov(σ², ρ) = scale·Cov(s2, ρ).
        return new double[][] {{inv[0][0] * scale * scale, inv[0][1] * scale}, {inv[1][0] * scale, inv[1][1]}};
    }

    static double residualVariance(double[] y, double[][] x) {
        return LeastSquares.residualVariance(y, x);
    }

    /** One evaluation of the restricted likelihood and the pieces its derivatives need. */
    private record Eval(double s2, double rho, double logLik, double[][] p, double[] py, double[][] r, double[][] dr) {}

    private static final class Problem {
        private final double[] y, time, noise;
        private final double[][] x, lag;
        private final int t, p;

        Problem(double[] y, double[][] x, double[] time, double[] noise) {
            this.y = y;
            this.x = x;
            this.time = time;
            this.noise = noise;
            this.t = y.length;
            this.p = x[0].length;
            this.lag = new double[t][t];
            for (int i = 0; i < t; i++) for (int j = 0; j < t; j++) lag[i][j] = Math.abs(time[i] - time[j]);
        }

        /** Moment start values: excess variance over the known noise, and the lag-one autocorrelation of the residuals. */
        double[] start() {
            double[] r = LeastSquares.residuals(y, x);
            double g0 = 0, g1 = 0, meanNoise = 0;
            int pairs = 0;
            for (int i = 0; i < t; i++) {
                g0 += r[i] * r[i];
                meanNoise += noise[i];
                if (i > 0 && Math.abs(time[i] - time[i - 1] - 1) < 1e-9) {
                    g1 += r[i] * r[i - 1];
                    pairs++;
                }
            }
            g0 /= t - p;
            meanNoise /= t;
            double s2 = Math.max(g0 - meanNoise, 0.1 * g0);
            double rho = pairs == 0 ? 0.3 : Math.min(0.9, Math.max(0.05, g1 / pairs / s2));
            return new double[] {s2, rho};
        }

        Eval eval(double s2, double rho) {
            double[][] r = new double[t][t], dr = new double[t][t];
            double[][] sigma = new double[t][t];
            for (int i = 0; i < t; i++) {
                for (int j = 0; j <= i; j++) {
                    double l = lag[i][j];
                    r[i][j] = r[j][i] = powerDerivative(rho, l, 0);
                    dr[i][j] = dr[j][i] = powerDerivative(rho, l, 1);
                    sigma[i][j] = sigma[j][i] = s2 * r[i][j];
                }
                sigma[i][i] += noise[i];
            }
            CholeskyDecomposition chol;
            try {
                chol = new CholeskyDecomposition(new Array2DRowRealMatrix(sigma, false), 1e-9, 1e-300);
            } catch (NonPositiveDefiniteMatrixException ex) {
                return null;
            }
            RealMatrix lower = chol.getL();
            double logDet = 0;
            for (int i = 0; i < t; i++) logDet += 2 * Math.log(lower.getEntry(i, i));
            double[][] inv = chol.getSolver().getInverse().getData();
            double[][] sx = multiply(inv, x);
            double[][] xsx = crossProduct(x, sx);
            double[][] xsxInv = LeastSquares.invert(xsx);
            if (xsxInv == null) return null;
            double[][] pm = new double[t][t];
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < t; j++) {
                    double c = 0;
                    for (int a = 0; a < p; a++) for (int b = 0; b < p; b++) c += sx[i][a] * xsxInv[a][b] * sx[j][b];
                    pm[i][j] = inv[i][j] - c;
                }
            }
            double[] py = times(pm, y);
            double ypy = dot(y, py);
            double logLik = -0.5 * (logDet + Math.log(LeastSquares.determinant(xsx)) + ypy);
            return new Eval(s2, rho, logLik, pm, py, r, dr);
        }

        /** The average-information Newton step, holding at its bound any parameter the step would push out. */
        double[] step(Eval e) {
            double[][][] dk = {e.r, scaledMatrix(e.dr, e.s2)};
            double[] score = new double[2];
            double[][] ai = new double[2][2];
            double[][] v = new double[2][];
            for (int k = 0; k < 2; k++) {
                score[k] = -0.5 * traceProduct(e.p, dk[k]) + 0.5 * dot(e.py, times(dk[k], e.py));
                v[k] = times(dk[k], e.py);
            }
            for (int k = 0; k < 2; k++) {
                double[] pv = times(e.p, v[k]);
                for (int l = 0; l < 2; l++) ai[k][l] = 0.5 * dot(v[l], pv);
            }
            // Newton's step on the observed information where it is positive definite (quadratic convergence);
            // the average information otherwise, which always is.
            if (e.s2 > 0) {
                double[][] observed = observedInformation(e);
                if (observed[0][0] > 0 && observed[0][0] * observed[1][1] - observed[0][1] * observed[1][0] > 0) ai = observed;
            }
            boolean[] held = {e.s2 <= 0 && score[0] <= 0, (e.rho <= 0 && score[1] <= 0) || (e.rho >= RHO_MAX && score[1] >= 0)};
            if (e.s2 <= 0) held[1] = true; // without drift, ρ means nothing
            double[] out = new double[2];
            if (!held[0] && !held[1]) {
                double det = ai[0][0] * ai[1][1] - ai[0][1] * ai[1][0];
                if (det > 1e-300) {
                    out[0] = (ai[1][1] * score[0] - ai[0][1] * score[1]) / det;
                    out[1] = (-ai[1][0] * score[0] + ai[0][0] * score[1]) / det;
                    return out;
                }
            }
            for (int k = 0; k < 2; k++) if (!held[k] && ai[k][k] > 0) out[k] = score[k] / ai[k][k];
            return out;
        }

        /** −∂²ℓ/∂θ∂θ' at the optimum, in (σ², ρ) of the scaled series: what lmerTest's Satterthwaite method inverts. */
        double[][] observedInformation(Eval e) {
            double[][][] d1 = {e.r, scaledMatrix(e.dr, e.s2)};
            double[][] drr = new double[t][t];
            for (int i = 0; i < t; i++) for (int j = 0; j < t; j++) drr[i][j] = powerDerivative(e.rho, lag[i][j], 2);
            // Second derivatives of Σ: ∂²/∂σ² = 0, ∂²/∂σ²∂ρ = ∂R/∂ρ, ∂²/∂ρ² = σ²·∂²R/∂ρ².
            double[][][][] d2 = {{null, e.dr}, {e.dr, scaledMatrix(drr, e.s2)}};
            double[][][] pd = {multiply(e.p, d1[0]), multiply(e.p, d1[1])};
            double[][] v = {times(d1[0], e.py), times(d1[1], e.py)};
            double[][] info = new double[2][2];
            for (int k = 0; k < 2; k++) {
                for (int l = 0; l < 2; l++) {
                    double tr = traceOfProduct(pd[k], pd[l]);
                    double quad = dot(v[k], times(e.p, v[l]));
                    double second = 0, secondQuad = 0;
                    if (d2[k][l] != null) {
                        second = traceProduct(e.p, d2[k][l]);
                        secondQuad = dot(e.py, times(d2[k][l], e.py));
                    }
                    info[k][l] = -0.5 * tr + 0.5 * second + quad - 0.5 * secondQuad;
                }
            }
            return info;
        }
    }

    /** The {@code order}-th derivative of ρ^l with respect to ρ (order 0, 1 or 2), finite at ρ = 0 for whole lags. */
    static double powerDerivative(double rho, double l, int order) {
        if (l == 0) return order == 0 ? 1 : 0;
        if (order == 0) return Math.pow(rho, l);
        if (order == 1) return l == 1 ? 1 : rho == 0 ? 0 : l * Math.pow(rho, l - 1);
        if (l == 1) return 0;
        if (rho == 0) return l == 2 ? 2 : 0;
        return l * (l - 1) * Math.pow(rho, l - 2);
    }

    static double[][] scaledMatrix(double[][] m, double by) {
        double[][] out = new double[m.length][m[0].length];
        for (int i = 0; i < m.length; i++) for (int j = 0; j < m[0].length; j++) out[i][j] = m[i][j] * by;
        return out;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length, m = b[0].length, k = b.length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] oi = out[i], ai = a[i];
            for (int l = 0; l < k; l++) {
                double v = ai[l];
                if (v == 0) continue;
                double[] bl = b[l];
                for (int j = 0; j < m; j++) oi[j] += v * bl[j];
            }
        }
        return out;
    }

    /** A'B for A and B with the same rows. */
    static double[][] crossProduct(double[][] a, double[][] b) {
        int n = a.length, p = a[0].length, q = b[0].length;
        double[][] out = new double[p][q];
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) for (int l = 0; l < q; l++) out[j][l] += a[i][j] * b[i][l];
        return out;
    }

    static double[] times(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) out[i] = dot(m[i], v);
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** tr(AB) for symmetric B: Σ A_ij B_ij. */
    static double traceProduct(double[][] a, double[][] symmetricB) {
        double s = 0;
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a.length; j++) s += a[i][j] * symmetricB[i][j];
        return s;
    }

    /** tr(AB) = Σ A_ij B_ji. */
    static double traceOfProduct(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a.length; j++) s += a[i][j] * b[j][i];
        return s;
    }
}

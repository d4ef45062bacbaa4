package dk.gevinst.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.util.Pair;
import org.apache.commons.numbers.gamma.Erfc;

/**
 * How uncertain the team drift is, and what that means for an estimate: the restricted likelihood of the
 * AR(1) drift model ({@link DriftLikelihood}) integrated over the drift's size σ and persistence ρ, with flat
 * priors on σ ≥ 0 and on 0 ≤ ρ ≤ 0.99.
 *
 * <p>Why not plug in the REML estimate: with a few dozen weeks the estimate of ρ is biased towards 0 and
 * often lands on σ² = 0, so a plug-in variance is too small too often; Satterthwaite's degrees of freedom
 * do not repair it (Gevinst's A/A simulation: 2.4 % one-sided false "better" at 1.25 % nominal, with AR(1)
 * drift of 0.8). Averaging the estimate's normal distribution over every drift the data allow, in
 * proportion to how well each explains them, gives a critical value h with P(estimate > h | no effect) =
 * the tail asked for; it stays honest there (0.6 %) at the price of wider intervals when drift is weak.
 *
 * <p>The integral is a product Gauss–Legendre rule (24 nodes per panel) on the region a coarse scan finds
 * within exp(−{@value #DROP}) of the maximum. The series is scaled to unit residual variance first.
 */
public final class DriftPosterior {
    /**
     * Raise when a change here, in DriftLikelihood or in LeastSquares can give a fit other bits: fits kept between
     * nights (decision/KeptDriftFits) made by other arithmetic are then made again. Their fingerprint also covers
     * these classes' bytes and fits of fixed series, but only a person knows every input a change reaches.
     */
    public static final int ARITHMETIC = 1;
    /** The upper end of ρ: beyond it the drift is a level shift that the design's intercept absorbs. */
    public static final double RHO_MAX = 0.99;
    static final double DROP = 18;
    private static final double[] COARSE_RHO = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.88, 0.94, RHO_MAX};
    private static final int COARSE_SIGMA = 18;
    private static final int NODES = 24;
    private static final double SPLIT = 0.9;

    /** The quadrature: per ρ node its value, and per (ρ, σ) node σ² (scaled back) and the normalised weight. */
    private final double[] rho;
    private final double[][] sigma2, weight;
    private final double bestLogLik, modeSigma2, modeRho;

    private DriftPosterior(double[] rho, double[][] sigma2, double[][] weight, double bestLogLik, double modeSigma2, double modeRho) {
        this.rho = rho;
        this.sigma2 = sigma2;
        this.weight = weight;
        this.bestLogLik = bestLogLik;
        this.modeSigma2 = modeSigma2;
        this.modeRho = modeRho;
    }

    public static DriftPosterior of(double[] y, double[][] x, double[] time, double[] noise) {
        double scale = LeastSquares.residualVariance(y, x);
        if (!(scale > 0)) scale = 1;
        double sd = Math.sqrt(scale);
        double[] ys = new double[y.length], ns = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            ys[i] = y[i] / sd;
            ns[i] = noise[i] / scale;
        }
        DriftLikelihood l = new DriftLikelihood(ys, x, time, ns);
        // Coarse scan: σ = 0 and a geometric ladder, at a dozen ρ.
        double[] sigmas = new double[COARSE_SIGMA + 1];
        for (int k = 1; k <= COARSE_SIGMA; k++) sigmas[k] = 0.03 * Math.pow(1.55, k - 1);
        double[][] coarse = new double[COARSE_RHO.length][sigmas.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < COARSE_RHO.length; j++) {
            for (int k = 0; k < sigmas.length; k++) {
                coarse[j][k] = l.logLik(sigmas[k] * sigmas[k], COARSE_RHO[j]);
                max = Math.max(max, coarse[j][k]);
            }
        }
        // The region worth integrating, one coarse step wider on every side.
        int jLo = COARSE_RHO.length, jHi = -1, kHi = 0;
        int[] kLoByRho = new int[COARSE_RHO.length], kHiByRho = new int[COARSE_RHO.length];
        for (int j = 0; j < COARSE_RHO.length; j++) {
            kLoByRho[j] = Integer.MAX_VALUE;
            kHiByRho[j] = -1;
            for (int k = 0; k < sigmas.length; k++) {
                if (coarse[j][k] < max - DROP) continue;
                jLo = Math.min(jLo, j);
                jHi = Math.max(jHi, j);
                kLoByRho[j] = Math.min(kLoByRho[j], k);
                kHiByRho[j] = Math.max(kHiByRho[j], k);
                kHi = Math.max(kHi, k);
            }
        }
        double rhoLo = COARSE_RHO[Math.max(0, jLo - 1)], rhoHi = COARSE_RHO[Math.min(COARSE_RHO.length - 1, jHi + 1)];
        Pair<double[], double[]> rhoRule = rhoRule(rhoLo, rhoHi);
        double[] rhoNodes = rhoRule.getFirst();
        int rn = rhoNodes.length;
        double[][] s2 = new double[rn][NODES], w = new double[rn][NODES], ll = new double[rn][NODES];
        double best = max, modeS2 = 0, modeR = 0;
        for (int j = 0; j < COARSE_RHO.length; j++) {
            for (int k = 0; k < sigmas.length; k++) {
                if (coarse[j][k] < max) continue;
                modeS2 = sigmas[k] * sigmas[k];
                modeR = COARSE_RHO[j];
            }
        }
        for (int j = 0; j < rn; j++) {
            double r = rhoNodes[j];
            int near = nearestCoarse(r);
            int lo = Integer.MAX_VALUE, hi = -1;
            for (int jj = Math.max(0, near - 1); jj <= Math.min(COARSE_RHO.length - 1, near + 1); jj++) {
                lo = Math.min(lo, kLoByRho[jj]);
                hi = Math.max(hi, kHiByRho[jj]);
            }
            if (hi < 0) {
                lo = 0;
                hi = kHi;
            }
            double sLo = lo <= 1 ? 0 : sigmas[lo - 1], sHi = sigmas[Math.min(sigmas.length - 1, hi + 1)];
            if (hi + 1 >= sigmas.length) sHi = sigmas[sigmas.length - 1] * 1.55;
            Pair<double[], double[]> sigmaRule = legendre(sLo, sHi);
            for (int k = 0; k < NODES; k++) {
                double sg = sigmaRule.getFirst()[k];
                ll[j][k] = l.logLik(sg * sg, r);
                if (ll[j][k] > best) {
                    best = ll[j][k];
                    modeS2 = sg * sg;
                    modeR = r;
                }
                s2[j][k] = sg * sg;
                w[j][k] = rhoRule.getSecond()[j] * sigmaRule.getSecond()[k];
            }
        }
        double total = 0;
        for (int j = 0; j < rn; j++) {
            for (int k = 0; k < NODES; k++) {
                w[j][k] *= Math.exp(ll[j][k] - best);
                total += w[j][k];
                s2[j][k] *= scale;
            }
        }
        for (int j = 0; j < rn; j++) for (int k = 0; k < NODES; k++) w[j][k] /= total;
        return new DriftPosterior(rhoNodes, s2, w, best - 0.5 * (y.length - x[0].length) * Math.log(scale), modeS2 * scale, modeR);
    }

    private static int nearestCoarse(double r) {
        int best = 0;
        for (int j = 1; j < COARSE_RHO.length; j++) if (Math.abs(COARSE_RHO[j] - r) < Math.abs(COARSE_RHO[best] - r)) best = j;
        return best;
    }

    /**
     * The ρ nodes: one Gauss–Legendre panel, or two split at 0.9 when the region reaches beyond it, because
     * near ρ = 0.99 the likelihood has a long ridge towards large σ that a single panel samples too thinly.
     */
    private static Pair<double[], double[]> rhoRule(double lo, double hi) {
        if (lo >= SPLIT || hi <= SPLIT) return legendre(lo, hi);
        Pair<double[], double[]> a = legendre(lo, SPLIT), b = legendre(SPLIT, hi);
        double[] points = new double[2 * NODES], weights = new double[2 * NODES];
        System.arraycopy(a.getFirst(), 0, points, 0, NODES);
        System.arraycopy(b.getFirst(), 0, points, NODES, NODES);
        System.arraycopy(a.getSecond(), 0, weights, 0, NODES);
        System.arraycopy(b.getSecond(), 0, weights, NODES, NODES);
        return new Pair<>(points, weights);
    }

    /** Gauss–Legendre nodes and weights on [−1, 1], computed once. */
    private static final Pair<double[], double[]> LEGENDRE = base();

    private static Pair<double[], double[]> base() {
        var rule = new GaussIntegratorFactory().legendre(NODES);
        double[] points = new double[NODES], weights = new double[NODES];
        for (int i = 0; i < NODES; i++) {
            points[i] = rule.getPoint(i);
            weights[i] = rule.getWeight(i);
        }
        return new Pair<>(points, weights);
    }

    private static Pair<double[], double[]> legendre(double lo, double hi) {
        double half = (hi - lo) / 2, mid = (hi + lo) / 2;
        double[] points = new double[NODES], weights = new double[NODES];
        for (int i = 0; i < NODES; i++) {
            points[i] = mid + half * LEGENDRE.getFirst()[i];
            weights[i] = half * LEGENDRE.getSecond()[i];
        }
        return new Pair<>(points, weights);
    }

    /**
     * Writes the fit exactly, every double by its bits, so that {@link #readFrom} gives back a fit whose every
     * answer is the one this fit gives (drift fits kept between nights, DriftFits).
     */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(rho.length);
        out.writeInt(rho.length == 0 ? 0 : sigma2[0].length);
        for (double r : rho) out.writeDouble(r);
        for (int j = 0; j < rho.length; j++) {
            for (int k = 0; k < sigma2[j].length; k++) {
                out.writeDouble(sigma2[j][k]);
                out.writeDouble(weight[j][k]);
            }
        }
        out.writeDouble(bestLogLik);
        out.writeDouble(modeSigma2);
        out.writeDouble(modeRho);
    }

    /** A fit written by {@link #writeTo}; an IOException when the bytes cannot be one. */
    public static DriftPosterior readFrom(DataInput in) throws IOException {
        int rn = in.readInt(), nodes = in.readInt();
        if (rn < 0 || rn > 2 * NODES || nodes < 0 || nodes > NODES) throw new IOException("not a drift fit: " + rn + " × " + nodes + " nodes");
        double[] rho = new double[rn];
        double[][] sigma2 = new double[rn][nodes], weight = new double[rn][nodes];
        for (int j = 0; j < rn; j++) rho[j] = in.readDouble();
        for (int j = 0; j < rn; j++) {
            for (int k = 0; k < nodes; k++) {
                sigma2[j][k] = in.readDouble();
                weight[j][k] = in.readDouble();
                if (!(weight[j][k] >= 0 && weight[j][k] <= 1) || !(sigma2[j][k] >= 0)) throw new IOException("not a drift fit: node weight "
                    + weight[j][k] + ", σ² " + sigma2[j][k]);
            }
        }
        return new DriftPosterior(rho, sigma2, weight, in.readDouble(), in.readDouble(), in.readDouble());
    }

    /** The largest restricted log-likelihood seen (in the series' own units). */
    public double bestLogLik() {
        return bestLogLik;
    }

    /**
     * The h with P(Σ c_i y_i > h) = {@code tail} when the true effect is zero, averaged over the drift:
     * Σ w_k Φ̄(h / √v_k) = tail, v_k = Σ c_i² noise_i + σ²_k Σ_ij c_i c_j ρ_k^|t_i − t_j|. For an interval at
     * two-sided level a, tail = a/2.
     */
    public double critical(double[] c, double[] time, double[] noise, double tail) {
        List<double[]> nodes = nodes(c, time, noise);
        double mean = 0;
        for (double[] n : nodes) mean += n[0] * n[1] * n[1];
        double h = normalQuantile(tail) * Math.sqrt(mean);
        for (int it = 0; it < 100; it++) {
            double f = -tail, df = 0;
            for (double[] n : nodes) {
                double z = h / n[1];
                f += n[0] * upperTail(z);
                df -= n[0] * Math.exp(-0.5 * z * z) / (Math.sqrt(2 * Math.PI) * n[1]);
            }
            double next = h - f / df;
            if (!(next > 0)) next = h / 2;
            if (Math.abs(next - h) < 1e-12 * h) return next;
            h = next;
        }
        return h;
    }

    /** The average of v over the drift: the variance of the estimate with the drift integrated out. */
    public double meanVariance(double[] c, double[] time, double[] noise) {
        double mean = 0;
        for (double[] n : nodes(c, time, noise)) mean += n[0] * n[1] * n[1];
        return mean;
    }

    /**
     * The drift the data describe best: σ² and ρ at the largest restricted likelihood on the quadrature's
     * nodes (about the REML estimate). For planning only: the inference integrates over all of them.
     */
    public double modeSigma2() {
        return modeSigma2;
    }

    public double modeRho() {
        return modeRho;
    }

    /** Var(Σ c_i y_i) if the drift were exactly σ² and ρ. */
    public static double variance(double[] c, double[] time, double[] noise, double sigma2, double rho) {
        double known = 0;
        for (int i = 0; i < c.length; i++) known += c[i] * c[i] * noise[i];
        return known + sigma2 * arQuadratic(c, time, rho);
    }

    /** The posterior mean of the drift's standard deviation σ, in the series' unit. */
    public double meanSigma() {
        double m = 0;
        for (int j = 0; j < rho.length; j++) for (int k = 0; k < sigma2[j].length; k++) m += weight[j][k] * Math.sqrt(sigma2[j][k]);
        return m;
    }

    /** The posterior mean of the drift's week-to-week correlation ρ. */
    public double meanRho() {
        double m = 0;
        for (int j = 0; j < rho.length; j++) for (int k = 0; k < sigma2[j].length; k++) m += weight[j][k] * rho[j];
        return m;
    }

    /** Satterthwaite's degrees of freedom of the drift-integrated variance: 2 E[v]² / Var[v]. */
    public double degreesOfFreedom(double[] c, double[] time, double[] noise) {
        double m1 = 0, m2 = 0;
        for (double[] n : nodes(c, time, noise)) {
            double v = n[1] * n[1];
            m1 += n[0] * v;
            m2 += n[0] * v * v;
        }
        double var = m2 - m1 * m1;
        return var > 0 ? 2 * m1 * m1 / var : Double.POSITIVE_INFINITY;
    }

    /** Per node with weight: {weight, √v}. */
    private List<double[]> nodes(double[] c, double[] time, double[] noise) {
        double known = 0;
        for (int i = 0; i < c.length; i++) known += c[i] * c[i] * noise[i];
        List<double[]> out = new ArrayList<>();
        for (int j = 0; j < rho.length; j++) {
            double q = arQuadratic(c, time, rho[j]);
            for (int k = 0; k < sigma2[j].length; k++) {
                if (weight[j][k] < 1e-14) continue;
                out.add(new double[] {weight[j][k], Math.sqrt(known + sigma2[j][k] * q)});
            }
        }
        return out;
    }

    /** Σ_ij c_i c_j ρ^|t_i − t_j| in O(T): the running sum s_i = c_i + ρ^Δt s_{i−1} carries the earlier weeks. */
    static double arQuadratic(double[] c, double[] time, double rho) {
        double sum = 0, carried = 0;
        for (int i = 0; i < c.length; i++) {
            double phi = i == 0 ? 0 : Math.pow(rho, time[i] - time[i - 1]);
            carried *= phi;
            sum += c[i] * c[i] + 2 * c[i] * carried;
            carried += c[i];
        }
        return sum;
    }

    private static double upperTail(double z) {
        return 0.5 * Erfc.value(z / Math.sqrt(2));
    }

    private static double normalQuantile(double tail) {
        return Math.sqrt(2) * Erf.erfcInv(2 * tail);
    }
}

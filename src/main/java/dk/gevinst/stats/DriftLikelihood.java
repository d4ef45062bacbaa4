package dk.gevinst.stats;

/**
 * The restricted (REML) log-likelihood of a weekly series y = Xβ + d + n, where d is AR(1) team drift
 * (variance σ², correlation ρ per week) and n is sampling noise of known variance per week:
 * ℓ(σ², ρ) = −½ (log|Σ| + log|X'Σ⁻¹X| + r'Σ⁻¹r), r the generalised least squares residual, without constants.
 *
 * <p>Σ is never formed: the drift is a one-dimensional state, so a scalar Kalman filter yields the
 * innovations of y and of each column of X (Σ = L F L' with L unit lower triangular: the innovations are
 * L⁻¹y), and log|Σ| = Σ log F_i. One evaluation is O(T), which lets the inference integrate over the
 * likelihood instead of trusting its maximum alone. Weeks may be missing (the ramp-up): the drift then
 * decays by ρ^Δt over the gap. X has one or two columns.
 */
public final class DriftLikelihood {
    private final double[] y, time, noise, x0, x1;
    private final int t, p;

    public DriftLikelihood(double[] y, double[][] x, double[] time, double[] noise) {
        this.t = y.length;
        this.p = x[0].length;
        if (p < 1 || p > 2) throw new IllegalArgumentException("the design has one or two columns");
        for (int i = 1; i < t; i++) {
            if (!(time[i] > time[i - 1])) throw new IllegalArgumentException("weeks must be in increasing order");
        }
        this.y = y.clone();
        this.time = time.clone();
        this.noise = noise.clone();
        this.x0 = new double[t];
        this.x1 = new double[t];
        for (int i = 0; i < t; i++) {
            x0[i] = x[i][0];
            x1[i] = p == 2 ? x[i][1] : 0;
        }
    }

    public int weeks() {
        return t;
    }

    public int meanParameters() {
        return p;
    }

    /** ℓ at (σ², ρ); −∞ where Σ is singular (no noise and no drift). */
    public double logLik(double sigma2, double rho) {
        double a0 = 0, a1 = 0, ay = 0; // predicted drift component of x0, x1, y
        double s00 = 0, s01 = 0, s11 = 0, s0y = 0, s1y = 0, syy = 0;
        double pVar = sigma2, pUpd = 0, logDet = 0, product = 1;
        double phiUnit = rho; // the common case: consecutive weeks
        for (int i = 0; i < t; i++) {
            if (i > 0) {
                double gap = time[i] - time[i - 1];
                double phi = gap == 1 ? phiUnit : Math.pow(rho, gap);
                a0 *= phi;
                a1 *= phi;
                ay *= phi;
                pVar = phi * phi * pUpd + sigma2 * (1 - phi * phi);
            }
            double f = pVar + noise[i];
            if (!(f > 0)) return Double.NEGATIVE_INFINITY;
            product *= f;
            if (product > 1e250 || product < 1e-250) {
                logDet += Math.log(product);
                product = 1;
            }
            double gain = pVar / f;
            double e0 = x0[i] - a0, e1 = x1[i] - a1, ey = y[i] - ay;
            a0 += gain * e0;
            a1 += gain * e1;
            ay += gain * ey;
            double inv = 1 / f;
            s00 += e0 * e0 * inv;
            s01 += e0 * e1 * inv;
            s11 += e1 * e1 * inv;
            s0y += e0 * ey * inv;
            s1y += e1 * ey * inv;
            syy += ey * ey * inv;
            pUpd = pVar * noise[i] * inv;
        }
        logDet += Math.log(product);
        double det, fitted;
        if (p == 1) {
            det = s00;
            fitted = s0y * s0y / s00;
        } else {
            det = s00 * s11 - s01 * s01;
            fitted = (s11 * s0y * s0y - 2 * s01 * s0y * s1y + s00 * s1y * s1y) / det;
        }
        if (!(det > 0)) return Double.NEGATIVE_INFINITY;
        return -0.5 * (logDet + Math.log(det) + syy - fitted);
    }
}

package dk.gevinst.decision;

import dk.gevinst.stats.DriftPosterior;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The drift fits made during one evaluation, by the complete weeks they were fitted on. A fit changes only
 * when a week completes, so whoever evaluates the same pilot night after night (the A/A simulations) can
 * keep one of these across nights; the nightly run starts a new one each night.
 */
public final class DriftFits {
    private final Map<Key, DriftPosterior> fits = new HashMap<>();

    DriftPosterior of(WeeklySeries complete) {
        double[] y = complete.gaps(), t = complete.times(), noise = complete.noise();
        double[][] x = complete.regressors();
        return fits.computeIfAbsent(new Key(y, t, noise, x), k -> DriftPosterior.of(y, x, t, noise));
    }

    private static final class Key {
        private final double[][] parts;
        private final int hash;

        Key(double[] y, double[] t, double[] noise, double[][] x) {
            double[] post = new double[x.length];
            for (int i = 0; i < x.length; i++) post[i] = x[i][x[i].length - 1] + 2 * x[i].length;
            parts = new double[][] {y, t, noise, post};
            hash = Arrays.deepHashCode(parts);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && Arrays.deepEquals(parts, k.parts);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}

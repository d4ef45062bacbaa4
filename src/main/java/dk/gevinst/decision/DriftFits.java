package dk.gevinst.decision;

import dk.gevinst.stats.DriftPosterior;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The drift fits used during one evaluation, by the complete weeks they were fitted on. A fit changes only
 * when a week completes, so a fit can be kept from an earlier night ({@link KeptDriftFits}): the nightly run
 * seeds each evaluation with the fits of the last one, and the A/A simulations keep one of these across nights.
 */
public final class DriftFits {
    private final Map<Key, DriftPosterior> earlier;
    private final Map<Key, DriftPosterior> used = new LinkedHashMap<>();
    private int made, kept;

    public DriftFits() {
        this(Map.of());
    }

    DriftFits(Map<Key, DriftPosterior> earlier) {
        this.earlier = earlier;
    }

    DriftPosterior of(WeeklySeries complete) {
        double[] y = complete.gaps(), t = complete.times(), noise = complete.noise();
        double[][] x = complete.regressors();
        return used.computeIfAbsent(new Key(y, t, noise, x), k -> {
            DriftPosterior p = earlier.get(k);
            if (p != null) {
                kept++;
                return p;
            }
            p = DriftPosterior.of(y, x, t, noise);
            made++;
            return p;
        });
    }

    /** How many fits this evaluation made itself. */
    public int made() {
        return made;
    }

    /** How many fits this evaluation took from those kept from an earlier night. */
    public int kept() {
        return kept;
    }

    /** Every fit this evaluation asked for, in the order it first asked. */
    Map<Key, DriftPosterior> used() {
        return Collections.unmodifiableMap(used);
    }

    /**
     * Exactly what a fit is made from: the weekly gaps, their weeks, their sampling noise and the design. The
     * arrays are the series' own copies and are never changed once they are a key.
     */
    static final class Key {
        private final double[] y, t, noise;
        private final double[][] x;
        private final int hash;

        Key(double[] y, double[] t, double[] noise, double[][] x) {
            this.y = y;
            this.t = t;
            this.noise = noise;
            this.x = x;
            this.hash = 31 * (31 * (31 * Arrays.hashCode(y) + Arrays.hashCode(t)) + Arrays.hashCode(noise)) + Arrays.deepHashCode(x);
        }

        int weeks() {
            return y.length;
        }

        int columns() {
            return y.length == 0 ? 0 : x[0].length;
        }

        double y(int i) {
            return y[i];
        }

        double t(int i) {
            return t[i];
        }

        double noise(int i) {
            return noise[i];
        }

        double x(int i, int c) {
            return x[i][c];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && Arrays.equals(y, k.y) && Arrays.equals(t, k.t)
                && Arrays.equals(noise, k.noise) && Arrays.deepEquals(x, k.x);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}

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
    private final Map<Key, DriftPosterior> kept;
    private final Map<Key, DriftPosterior> used = new LinkedHashMap<>();
    private int made, taken;

    public DriftFits() {
        this(Map.of());
    }

    DriftFits(Map<Key, DriftPosterior> kept) {
        this.kept = kept;
    }

    DriftPosterior of(WeeklySeries complete) {
        double[] y = complete.gaps(), t = complete.times(), noise = complete.noise();
        double[][] x = complete.regressors();
        return used.computeIfAbsent(new Key(y, t, noise, x), k -> {
            DriftPosterior p = kept.get(k);
            if (p != null) {
                taken++;
                return p;
            }
            made++;
            return DriftPosterior.of(y, x, t, noise);
        });
    }

    /** How many fits this evaluation made itself rather than took from the kept ones. */
    public int made() {
        return made;
    }

    /** How many fits this evaluation took from the kept ones. */
    public int taken() {
        return taken;
    }

    /** Every fit this evaluation asked for, in the order it first asked. */
    Map<Key, DriftPosterior> used() {
        return Collections.unmodifiableMap(used);
    }

    /** Exactly what a fit is made from: the weekly gaps, their weeks, their sampling noise and the design. */
    record Key(double[] y, double[] t, double[] noise, double[][] x, int hash) {
        Key(double[] y, double[] t, double[] noise, double[][] x) {
            this(y, t, noise, x, 31 * (31 * (31 * Arrays.hashCode(y) + Arrays.hashCode(t)) + Arrays.hashCode(noise)) + Arrays.deepHashCode(x));
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

package dk.gevinst.generate;

import java.util.SplittableRandom;

/** The few distributions the simulation needs, on a seeded generator so every sample is reproducible. */
final class Draws {
    private final SplittableRandom random;

    Draws(long seed) {
        this.random = new SplittableRandom(seed);
    }

    double uniform() {
        return random.nextDouble();
    }

    int between(int low, int highInclusive) {
        return random.nextInt(low, highInclusive + 1);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    double normal() {
        double u = 1 - random.nextDouble(), v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Log-normal with the given mean and log-scale spread. */
    double logNormal(double mean, double sigma) {
        return Math.exp(Math.log(mean) - sigma * sigma / 2 + sigma * normal());
    }

    /** Gamma with integer shape k (a sum of k exponentials) and the given mean. */
    double gamma(int k, double mean) {
        double s = 0;
        for (int i = 0; i < k; i++) s += -Math.log(1 - random.nextDouble());
        return s * mean / k;
    }

    int poisson(double lambda) {
        if (lambda > 50) return Math.max(0, (int) Math.round(lambda + Math.sqrt(lambda) * normal()));
        double limit = Math.exp(-lambda), p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > limit);
        return k - 1;
    }

    <T> T pick(java.util.List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** A made-up CPR number with a valid date: synthetic data must look like real exports, CPR included. */
    String cpr() {
        int year = between(1940, 2005);
        int month = between(1, 12);
        int day = between(1, java.time.YearMonth.of(year, month).lengthOfMonth());
        return String.format("%02d%02d%02d-%04d", day, month, year % 100, between(0, 9999));
    }
}

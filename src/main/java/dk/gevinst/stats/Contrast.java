package dk.gevinst.stats;

import java.util.List;

/**
 * A signed sum of independent cell means, e.g. (pilot_post − pilot_pre) − (control_post − control_pre).
 * Its standard error is sqrt(Σ v/n) and its degrees of freedom the Welch–Satterthwaite approximation.
 */
public record Contrast(List<Term> terms) {
    public record Term(double weight, Moments cell) {}

    public Contrast {
        terms = List.copyOf(terms);
        if (terms.isEmpty()) throw new IllegalArgumentException("a contrast needs at least one cell");
    }

    public static Contrast of(Term... terms) {
        return new Contrast(List.of(terms));
    }

    public double estimate() {
        double e = 0;
        for (Term t : terms) e += t.weight() * t.cell().mean();
        return e;
    }

    public double standardError() {
        double s = 0;
        for (Term t : terms) s += t.weight() * t.weight() * t.cell().varianceOfMean();
        return Math.sqrt(s);
    }

    /** ν = (Σ v/n)² / Σ (v/n)²/(n − 1). */
    public double degreesOfFreedom() {
        double num = 0, den = 0;
        for (Term t : terms) {
            double w2 = t.weight() * t.weight();
            double vn = w2 * t.cell().varianceOfMean();
            num += vn;
            den += vn * vn / (t.cell().n() - 1);
        }
        return den == 0 ? Double.POSITIVE_INFINITY : num * num / den;
    }

    /** N, the number of observations over the cells used; the confidence sequence is indexed by it. */
    public long totalN() {
        long n = 0;
        for (Term t : terms) n += t.cell().n();
        return n;
    }

    /** False when a cell has fewer than two observations, so no variance exists. */
    public boolean estimable() {
        for (Term t : terms) if (t.cell().n() < 2) return false;
        return true;
    }
}

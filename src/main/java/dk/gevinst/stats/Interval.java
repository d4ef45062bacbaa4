package dk.gevinst.stats;

/** A two-sided interval for an effect, at level {@code alpha} (the probability it may miss). */
public record Interval(double low, double high, double alpha) {
    /** The same interval seen from the other side: for lower-is-better indicators. */
    public Interval negate() {
        return new Interval(-high, -low, alpha);
    }

    public double halfWidth() {
        return (high - low) / 2;
    }
}

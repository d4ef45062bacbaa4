package dk.gevinst.indicator;

public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER;

    /** +1 or −1: multiplying an effect by it puts the good side above zero. */
    public double sign() {
        return this == HIGHER_IS_BETTER ? 1.0 : -1.0;
    }

    public String key() {
        return name().toLowerCase();
    }

    public static Direction parse(String s) {
        for (Direction d : values()) if (d.key().equals(s)) return d;
        return null;
    }
}

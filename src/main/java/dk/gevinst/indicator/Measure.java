package dk.gevinst.indicator;

/**
 * How one observation of an indicator is valued; {@code argument} names the column, instrument or metric.
 * {@code among}, when set, names a boolean cases column that selects which cases are observed at all: the
 * appeal overturn rate is a share of appealed cases, so a case that was never appealed is no observation
 * (rather than a zero that would dilute the rate).
 */
public record Measure(Kind kind, String argument, String among) {
    public enum Kind {
        COLUMN, ELAPSED_DAYS, FLAG, NOT_FLAG, SUS, ITEM_MEAN, ACTIVE_SHARE, TECH_METRIC;

        public static Kind parse(String s) {
            for (Kind k : values()) if (k.name().equalsIgnoreCase(s)) return k;
            return null;
        }
    }

    /** A measure over every observation of its source. */
    public Measure(Kind kind, String argument) {
        this(kind, argument, null);
    }
}

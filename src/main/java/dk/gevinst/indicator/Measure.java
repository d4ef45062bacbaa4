package dk.gevinst.indicator;

/** How one observation of an indicator is valued; {@code argument} names the column, instrument or metric. */
public record Measure(Kind kind, String argument) {
    public enum Kind {
        COLUMN, ELAPSED_DAYS, FLAG, NOT_FLAG, SUS, ITEM_MEAN, ACTIVE_SHARE, TECH_METRIC;

        public static Kind parse(String s) {
            for (Kind k : values()) if (k.name().equalsIgnoreCase(s)) return k;
            return null;
        }
    }
}

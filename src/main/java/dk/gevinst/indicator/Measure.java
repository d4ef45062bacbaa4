package dk.gevinst.indicator;

/** How one observation of an indicator is valued; {@code argument} names the column, instrument or metric. */
public record Measure(Kind kind, String argument) {
    /**
     * The columns of the source an observation of this measure needs beyond the contract's required ones: a
     * case is observed on the day it was decided, so every case measure needs decided_at, and its value
     * column. A file without one of them gives this measure nothing, which ingest reports per file.
     */
    public java.util.List<String> optionalColumns() {
        return switch (kind) {
            case COLUMN, FLAG, NOT_FLAG -> java.util.List.of(dk.gevinst.source.Columns.DECIDED_AT, argument);
            case ELAPSED_DAYS -> java.util.List.of(dk.gevinst.source.Columns.DECIDED_AT);
            default -> java.util.List.of();
        };
    }

    public enum Kind {
        COLUMN, ELAPSED_DAYS, FLAG, NOT_FLAG, SUS, ITEM_MEAN, ACTIVE_SHARE, TECH_METRIC;

        public static Kind parse(String s) {
            for (Kind k : values()) if (k.name().equalsIgnoreCase(s)) return k;
            return null;
        }
    }
}

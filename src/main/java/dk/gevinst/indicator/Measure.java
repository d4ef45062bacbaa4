package dk.gevinst.indicator;

/**
 * How one observation of an indicator is valued; {@code argument} names the column, instrument or metric.
 * {@code among}, when set, names a boolean cases column that selects which cases are observed at all: the
 * appeal overturn rate is a share of appealed cases, so a case that was never appealed is no observation
 * (rather than a zero that would dilute the rate).
 */
public record Measure(Kind kind, String argument, String among) {
    /**
     * The columns of the source an observation of this measure needs beyond the contract's required ones: a
     * case is observed on the day it was decided, so every case measure needs decided_at, its value column,
     * and the column that selects its cases ({@code among}). A file without one of them gives this measure
     * nothing, which ingest reports per file.
     */
    public java.util.List<String> optionalColumns() {
        java.util.List<String> out = new java.util.ArrayList<>();
        switch (kind) {
            case COLUMN, FLAG, NOT_FLAG -> out.addAll(java.util.List.of(dk.gevinst.source.Columns.DECIDED_AT, argument));
            case ELAPSED_DAYS -> out.add(dk.gevinst.source.Columns.DECIDED_AT);
            default -> {
                return java.util.List.of();
            }
        }
        if (among != null) out.add(among);
        return java.util.List.copyOf(out);
    }

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

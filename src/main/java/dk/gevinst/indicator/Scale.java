package dk.gevinst.indicator;

/**
 * The values one observation of an indicator can take, where the contract bounds them: a share lies in 0 to 1,
 * a SUS score in 0 to 100, a core-task item mean in 1 to 5 (ingest quarantines scores outside them), and the
 * catalogue's times (minutes, days, seconds) are never negative, so a time's relative change never reads below
 * −100 % (a stranger's page said a response time "fell 56 %, interval −184 to 71 %"). Custom columns and metrics
 * (no unit of the catalogue's) have no scale, since they may be negative, and their intervals are not bounded.
 */
public record Scale(double low, double high) {
    private static final java.util.Set<String> TIMES = java.util.Set.of("minutes", "days", "seconds");

    public static Scale of(IndicatorDefinition d) {
        if ("share".equals(d.unit())) return new Scale(0, 1);
        if (d.measure().kind() == Measure.Kind.SUS) return new Scale(0, 100);
        if (d.measure().kind() == Measure.Kind.ITEM_MEAN && "core_task".equals(d.measure().argument())) return new Scale(1, 5);
        if (TIMES.contains(d.unit())) return new Scale(0, Double.POSITIVE_INFINITY);
        return null;
    }
}

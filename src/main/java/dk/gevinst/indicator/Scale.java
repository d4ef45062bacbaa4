package dk.gevinst.indicator;

/**
 * The values one observation of an indicator can take, where the contract bounds them: a share lies in 0 to 1,
 * a SUS score in 0 to 100, a core-task item mean in 1 to 5 (ingest quarantines scores outside them). Other
 * indicators (minutes, days, custom columns and metrics) have no scale, and their intervals are not bounded.
 */
public record Scale(double low, double high) {
    public static Scale of(IndicatorDefinition d) {
        if ("share".equals(d.unit())) return new Scale(0, 1);
        if (d.measure().kind() == Measure.Kind.SUS) return new Scale(0, 100);
        if (d.measure().kind() == Measure.Kind.ITEM_MEAN && "core_task".equals(d.measure().argument())) return new Scale(1, 5);
        return null;
    }
}

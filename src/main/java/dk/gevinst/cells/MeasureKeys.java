package dk.gevinst.cells;

import dk.gevinst.indicator.Measure;

/**
 * The key that joins an observation to the indicators measured the same way, e.g. {@code column:fte}, or
 * {@code flag:appeal_overturned|appealed} for a measure observed only among appealed cases.
 */
public final class MeasureKeys {
    private MeasureKeys() {}

    public static String of(Measure m) {
        String key = m.kind().name().toLowerCase() + ":" + (m.argument() == null ? "" : m.argument());
        return m.among() == null ? key : key + "|" + m.among();
    }
}

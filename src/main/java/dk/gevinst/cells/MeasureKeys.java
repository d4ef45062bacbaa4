package dk.gevinst.cells;

import dk.gevinst.indicator.Measure;

/** The key that joins an observation to the indicators measured the same way, e.g. {@code column:fte}. */
public final class MeasureKeys {
    private MeasureKeys() {}

    public static String of(Measure m) {
        return m.kind().name().toLowerCase() + ":" + (m.argument() == null ? "" : m.argument());
    }
}

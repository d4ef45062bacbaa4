package dk.gevinst.cells;

import dk.gevinst.indicator.Measure;
import dk.gevinst.source.Source;
import java.util.List;

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

    /**
     * Whether the measure reads an extra column of the case exports (a custom {@code column:} indicator). Ingest types
     * and range-checks only the contract's columns, so such a value may be text or a number beyond the exact sums'
     * range; it is then no observation, and counted under {@link #notANumber} or {@link #outOfRange}.
     */
    public static boolean readsExtraColumn(Measure m) {
        return m.kind() == Measure.Kind.COLUMN && Source.CASES.indexOf(m.argument()) < 0;
    }

    /** The cells counting a measure's cases whose value is there but is no number (each adds 0: only n counts). */
    static String notANumber(Measure m) {
        return of(m) + "#not_a_number";
    }

    /** The cells counting a measure's cases whose value is a number beyond ±{@link ExactSums#LIMIT}. */
    static String outOfRange(Measure m) {
        return of(m) + "#out_of_range";
    }

    /** The measure's own key and, for an extra column, the keys counting its values that are no observation. */
    static List<String> withUnobserved(Measure m) {
        return readsExtraColumn(m) ? List.of(of(m), notANumber(m), outOfRange(m)) : List.of(of(m));
    }
}

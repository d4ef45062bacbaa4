package dk.gevinst.cells;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Cells are summed as exact decimals and rounded to a double once: a double sum's last bits follow how Spark splits
 * the rows, and a cluster must decide byte for byte as a laptop does. A decimal holds a bounded value, and under
 * Spark's ANSI mode a sum beyond it fails the night's one aggregation for every pilot; so an observation lies
 * within ±{@link #LIMIT}, and ingest quarantines a summed value beyond it (out_of_range).
 *
 * <p>With 18 decimals a sum holds 20 integer digits: Σx² of just under a million values at the limit (10^14 each),
 * far more than a cell (one unit's cases of one day and case type) holds. The 18 decimals keep the squares of small values
 * (a metric of 10^-6 seconds) exact enough for a variance; a larger limit would cost them.
 */
public final class ExactSums {
    /** The largest magnitude of an observation. */
    public static final double LIMIT = 1e7;
    static final DataType EXACT = DataTypes.createDecimalType(38, 18);

    private ExactSums() {}

    /** True for a value that can be an observation: a number within ±LIMIT (false for NaN, which Spark orders above all). */
    public static Column within(Column value) {
        return value.between(-LIMIT, LIMIT);
    }

    /** The sum of {@code x}, exact, as a double. */
    static Column sum(Column x) {
        return org.apache.spark.sql.functions.sum(x.cast(EXACT)).cast(DataTypes.DoubleType);
    }
}

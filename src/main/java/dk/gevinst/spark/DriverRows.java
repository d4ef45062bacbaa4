package dk.gevinst.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Rows made on the driver as a Dataset, carried to the executors column by column.
 *
 * <p>Not a local relation: that is part of the query plan, which Spark copies and transforms row by row in its
 * planning rules (for 200 pilots' 448,000 cells a tenth of the driver's samples). Not a parallelised list of
 * {@link Row} objects either: Java serialisation of half a million rows, once on the driver's scheduler thread
 * and again in the tasks, was about 40 % of the table write's CPU. A slice is a few primitive arrays and a
 * dictionary of its strings, which serialise as blocks; the rows are made again inside the task.
 *
 * <p>As many slices as a local relation would have (so as many files), and more for many rows: each slice
 * travels inside its task, and a task should stay far below Spark's message limit on a cluster.
 */
public final class DriverRows {
    /** About 2 to 3 MB of columns a task for cell_stats: far below a cluster's RPC message limit (128 MB by default). */
    static final int ROWS_PER_TASK = 50_000;

    private DriverRows() {}

    /** The rows, in their order, as a Dataset of {@code schema}: strings, integers, longs, doubles, booleans and dates. */
    public static Dataset<Row> of(SparkSession spark, List<Row> rows, StructType schema) {
        int n = rows.size();
        int slices = Math.max(1, Math.max(Math.min(n, spark.sparkContext().defaultParallelism()), (n + ROWS_PER_TASK - 1) / ROWS_PER_TASK));
        List<Slice> parts = new ArrayList<>(slices);
        // The cut Spark's own parallelize makes: slice i holds rows [i·n/s, (i+1)·n/s).
        for (int i = 0; i < slices; i++) parts.add(new Slice(rows.subList((int) ((long) i * n / slices), (int) ((long) (i + 1) * n / slices)), schema));
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(parts, slices).flatMap(Slice::rows), schema);
    }

    /** Some rows, column by column: per column a primitive array (strings as codes into a dictionary) and the nulls. */
    static final class Slice implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int size;
        private final Kind[] kinds;
        private final Object[] columns;
        private final String[][] dictionaries;
        private final BitSet[] nulls;

        Slice(List<Row> rows, StructType schema) {
            size = rows.size();
            int width = schema.fields().length;
            kinds = new Kind[width];
            columns = new Object[width];
            dictionaries = new String[width][];
            nulls = new BitSet[width];
            for (int c = 0; c < width; c++) {
                kinds[c] = Kind.of(schema.fields()[c].dataType(), schema.fields()[c].name());
                nulls[c] = new BitSet();
                columns[c] = fill(kinds[c], rows, c);
            }
        }

        private Object fill(Kind kind, List<Row> rows, int c) {
            Object column = switch (kind) {
                case STRING, INT, DATE -> new int[size];
                case LONG -> new long[size];
                case DOUBLE -> new double[size];
                case BOOLEAN -> new boolean[size];
            };
            Map<String, Integer> codes = new HashMap<>();
            List<String> dictionary = new ArrayList<>();
            for (int r = 0; r < size; r++) {
                Object v = rows.get(r).get(c);
                if (v == null) {
                    nulls[c].set(r);
                    continue;
                }
                switch (kind) {
                    case STRING -> ((int[]) column)[r] = codes.computeIfAbsent((String) v, text -> {
                        dictionary.add(text);
                        return dictionary.size() - 1;
                    });
                    case INT -> ((int[]) column)[r] = (Integer) v;
                    case DATE -> ((int[]) column)[r] = Math.toIntExact(epochDay(v));
                    case LONG -> ((long[]) column)[r] = (Long) v;
                    case DOUBLE -> ((double[]) column)[r] = (Double) v;
                    case BOOLEAN -> ((boolean[]) column)[r] = (Boolean) v;
                    default -> throw new AssertionError("no store for " + kind);
                }
            }
            if (kind == Kind.STRING) dictionaries[c] = dictionary.toArray(String[]::new);
            return column;
        }

        private static long epochDay(Object v) {
            return v instanceof java.sql.Date d ? d.toLocalDate().toEpochDay() : ((LocalDate) v).toEpochDay();
        }

        Iterator<Row> rows() {
            return new Iterator<>() {
                private int r;

                @Override
                public boolean hasNext() {
                    return r < size;
                }

                @Override
                public Row next() {
                    if (r >= size) throw new NoSuchElementException();
                    Object[] values = new Object[kinds.length];
                    for (int c = 0; c < kinds.length; c++) values[c] = nulls[c].get(r) ? null : value(c, r);
                    r++;
                    return RowFactory.create(values);
                }
            };
        }

        private Object value(int c, int r) {
            return switch (kinds[c]) {
                case STRING -> dictionaries[c][((int[]) columns[c])[r]];
                case LONG -> ((long[]) columns[c])[r];
                case DOUBLE -> ((double[]) columns[c])[r];
                case BOOLEAN -> ((boolean[]) columns[c])[r];
                case INT -> ((int[]) columns[c])[r];
                case DATE -> LocalDate.ofEpochDay(((int[]) columns[c])[r]);
            };
        }
    }

    private enum Kind {
        STRING, LONG, DOUBLE, BOOLEAN, INT, DATE;

        static Kind of(DataType t, String column) {
            if (t.equals(DataTypes.StringType)) return STRING;
            if (t.equals(DataTypes.LongType)) return LONG;
            if (t.equals(DataTypes.DoubleType)) return DOUBLE;
            if (t.equals(DataTypes.BooleanType)) return BOOLEAN;
            if (t.equals(DataTypes.IntegerType)) return INT;
            if (t.equals(DataTypes.DateType)) return DATE;
            throw new IllegalArgumentException("column " + column + " has type " + t.simpleString()
                + ", which rows made on the driver cannot carry; use string, int, long, double, boolean or date");
        }
    }
}

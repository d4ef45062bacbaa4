package dk.gevinst.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The one way state and published tables are written: Parquet, partitioned so that a run owns whole
 * partitions (its source files, its as_of), replaced by Spark's dynamic partition overwrite. Re-running
 * replaces the same partitions, so runs are idempotent, and Spark's output committer publishes each
 * partition only when its job commits. Tonight's partition of a staged publication is the exception
 * ({@link #writeNewPartition}): its folder appears when the write starts, which no reader can see, because
 * readers reach a publication only after the switch to it (pipeline/StagedPublish).
 *
 * <p>Delta Lake was the first choice for this, but delta-spark 4.1.0 cannot read its own checkpoints on
 * Spark 4.1.2 and later (NoSuchMethodError in ParquetToSparkSchemaConverter; upstream delta-io/delta#6981),
 * which a nightly job reaches after ten commits.
 */
public final class Tables {
    private Tables() {}

    public static void replacePartitions(Dataset<Row> rows, Path table, String... partitionColumns) {
        rows.write().mode("overwrite").option("partitionOverwriteMode", "dynamic")
            .partitionBy(partitionColumns).parquet(table.toString());
    }

    /**
     * Writes the rows of one partition ({@code column = value}, every row's) into a table whose folder for it does
     * not exist yet: tonight's partition of a staged publication, which no reader sees before the publication is
     * switched to. The rows go straight into the partition's folder, without the partition column and without
     * the sort by it that the dynamic writer makes first (a third of the executor samples of writing the day cells
     * of 200 pilots, for a column that has one value). Rows are not checked for their value (that would be a
     * job of its own): every caller builds them with it. A night without rows gets its folder too, with one file
     * of no rows, so a reader sees the night was published. A folder that exists already is an error, never
     * overwritten.
     */
    public static void writeNewPartition(Dataset<Row> rows, Path table, String column, LocalDate value) {
        if (!Arrays.asList(rows.columns()).contains(column)) throw new IllegalArgumentException("the rows have no partition column " + column);
        Path folder = new Path(table, column + "=" + value);
        try {
            rows.drop(column).write().mode("errorifexists").parquet(folder.toString());
        } catch (Exception e) {
            // Spark throws its AnalysisException (checked in Java's eyes) without declaring it; its error condition, not
            // its message's wording, says the folder was there.
            if (!(e instanceof org.apache.spark.SparkThrowable t) || !"PATH_ALREADY_EXISTS".equals(t.getCondition())) throw e;
            throw new IllegalStateException("tonight's partition " + folder + " exists already in a publication being staged, which"
                + " only one run writes; this is a fault in Gevinst, not in the data: report it with the run's log", e);
        }
    }

    /** Writes a whole table into a folder of its own, which nothing else writes (kept state under a fresh name). */
    public static void writeWhole(Dataset<Row> rows, Path table) {
        rows.write().mode("overwrite").parquet(table.toString());
    }

    /**
     * A table exists once it has a committed partition. Dynamic partition overwrite writes no _SUCCESS
     * marker; a partition folder appears only when its job commits (staging folders start with a dot).
     */
    public static boolean exists(SparkSession spark, Path table) {
        try {
            FileSystem fs = table.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(table)) return false;
            for (FileStatus s : fs.listStatus(table)) {
                String name = s.getPath().getName();
                if (s.isDirectory() && name.contains("=") && !name.startsWith(".") && !name.startsWith("_")) return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Dataset<Row> readOrEmpty(SparkSession spark, Path table, StructType schema) {
        if (exists(spark, table)) return spark.read().schema(schema).parquet(table.toString());
        return spark.createDataFrame(List.of(), schema);
    }
}

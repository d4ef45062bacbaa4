import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first_value;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * bench/duckdb-cells.sql ported to Spark SQL, for reference: what a data team could write in an afternoon on the stack
 * Gevinst is built on, with DuckDB's rules (see that file). It reads the raw case exports in their three dialects with
 * Spark's own readers, keeps the latest version of each case as known on the night, and writes n, Σx and Σx² of the
 * four case indicators per unit and day as one CSV. It reads only the columns the statistics need and checks,
 * pseudonymises, masks, quarantines and keeps nothing, so it shows what Spark itself takes for these statistics
 * written plainly, beside DuckDB and Gevinst. One port, not tuned. Benchmark only; the harness compares its cells
 * with DuckDB's.
 *
 * <p>Usage: java [Spark's --add-opens] -cp CLASSES:target/lib/* SparkCellsScript cells|read DATA AS_OF OUT_FOLDER
 * <br>{@code cells} runs the query; {@code read} only reads the same rows, typed, into Spark's noop sink.
 */
public final class SparkCellsScript {
    public static void main(String[] args) throws Exception {
        String mode = args[0], data = args[1], asOf = args[2], out = args[3];
        SparkSession spark = SparkSession.builder().master("local[*]").appName("spark-cells")
            .config("spark.ui.enabled", "false")
            // As jobs/nightly.yaml and Gevinst's own defaults (SparkSettings) set them, so that settings do not make the difference.
            .config("spark.sql.shuffle.partitions", "8")
            .config("spark.sql.artifact.isolation.enabled", "false")
            // Timestamps as written, as DuckDB's TIMESTAMP keeps them: no zone, so no daylight-saving hour in a duration.
            .config("spark.sql.session.timeZone", "UTC")
            // Each file is one partition, so a row's position in its partition is its position in the file: what
            // DuckDB's WITH ORDINALITY gives, for "the first line wins".
            .config("spark.sql.files.maxPartitionBytes", String.valueOf(1L << 40))
            .config("spark.sql.files.openCostInBytes", String.valueOf(1L << 40))
            // With pruning, a short row is padded with nulls when only the columns it has are read, and DROPMALFORMED
            // keeps it; DuckDB's ignore_errors drops it.
            .config("spark.sql.csv.parser.columnPruning.enabled", "false")
            .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        long start = System.nanoTime();
        Dataset<Row> versions = versions(spark, data);
        if (mode.equals("read")) {
            versions.write().format("noop").mode("overwrite").save();
            System.out.println(String.format(Locale.ROOT, "spark_read_seconds %.3f", (System.nanoTime() - start) / 1e9));
        } else {
            cells(versions, asOf).coalesce(1).write().mode("overwrite").option("header", "true").csv(out);
            System.out.println(String.format(Locale.ROOT, "spark_query_seconds %.3f", (System.nanoTime() - start) / 1e9));
        }
        spark.stop();
    }

    /** Every case row of the three systems, typed, with its file and its position in the file. */
    private static Dataset<Row> versions(SparkSession spark, String data) throws IOException {
        Dataset<Row> ydelse = csv(spark).schema("case_id STRING, unit STRING, case_type STRING, opened_at TIMESTAMP,"
                + " decided_at TIMESTAMP, handling_minutes DOUBLE, caseworker_id STRING, citizen_id STRING, reopened BOOLEAN,"
                + " appealed BOOLEAN, appeal_overturned BOOLEAN, updated_at TIMESTAMP, note STRING")
            .csv(files(data, "ydelse-", ".csv"))
            .select(col("case_id"), col("unit"), col("case_type"), col("citizen_id"), col("opened_at"), col("decided_at"),
                col("handling_minutes"), col("reopened"), col("appealed"), col("appeal_overturned"), col("updated_at"),
                col("_metadata.file_path").as("filename"), monotonically_increasing_id().as("ordinality"));
        // Windows-1252 (latin-1 covers every letter the exports use), semicolons, decimal commas, ja/nej. Spark's CSV
        // reader has no decimal comma for doubles: the text is read and cast, and a value that is not such a number
        // drops the row, as DuckDB's ignore_errors does.
        Column text = col("handling_minutes");
        Column minutes = when(text.rlike("^-?[0-9]+(,[0-9]+)?$"), replace(text, lit(","), lit(".")).cast(DataTypes.DoubleType));
        Dataset<Row> jobcenter = csv(spark).option("sep", ";").option("encoding", "ISO-8859-1")
            .option("timestampFormat", "yyyy-MM-dd HH:mm:ss")
            .schema("case_id STRING, unit STRING, case_type STRING, opened_at TIMESTAMP, decided_at TIMESTAMP,"
                + " handling_minutes STRING, caseworker_id STRING, citizen_id STRING, reopened STRING, appealed STRING,"
                + " appeal_overturned STRING, updated_at TIMESTAMP")
            .csv(files(data, "jobcenter-", ".csv"))
            .filter(text.isNull().or(minutes.isNotNull()))
            .select(col("case_id"), col("unit"), col("case_type"), col("citizen_id"), col("opened_at"), col("decided_at"),
                minutes.as("handling_minutes"), col("reopened").equalTo("ja").as("reopened"),
                col("appealed").equalTo("ja").as("appealed"), col("appeal_overturned").equalTo("ja").as("appeal_overturned"),
                col("updated_at"), col("_metadata.file_path").as("filename"), monotonically_increasing_id().as("ordinality"));
        Dataset<Row> borgerservice = spark.read().option("mode", "DROPMALFORMED")
            .schema("case_id STRING, unit STRING, case_type STRING, citizen_id STRING, opened_at STRING, decided_at STRING,"
                + " handling_minutes DOUBLE, reopened BOOLEAN, appealed BOOLEAN, appeal_overturned BOOLEAN, updated_at STRING")
            .json(files(data, "borgerservice-", ".jsonl"))
            .select(col("case_id"), col("unit"), col("case_type"), col("citizen_id"), timestamp("opened_at"), timestamp("decided_at"),
                col("handling_minutes"), col("reopened"), col("appealed"), col("appeal_overturned"), timestamp("updated_at"),
                col("_metadata.file_path").as("filename"), monotonically_increasing_id().as("ordinality"));
        return ydelse.unionByName(jobcenter).unionByName(borgerservice);
    }

    /** DuckDB's read_csv with a header, a doubled quote inside quotes, and rows that do not parse dropped. */
    private static DataFrameReader csv(SparkSession spark) {
        return spark.read().option("header", "true").option("quote", "\"").option("escape", "\"").option("mode", "DROPMALFORMED");
    }

    private static Column timestamp(String name) {
        return col(name).try_cast(DataTypes.TimestampType).as(name);
    }

    /** The rules of duckdb-cells.sql, step by step under its names, then the cells. */
    private static Dataset<Row> cells(Dataset<Row> versions, String asOf) {
        Column night = lit(asOf).cast(DataTypes.DateType);
        Dataset<Row> accepted = versions
            .filter(col("case_id").isNotNull().and(col("unit").isNotNull()).and(col("opened_at").isNotNull())
                .and(col("decided_at").isNull().or(col("decided_at").geq(col("opened_at"))))
                .and(col("handling_minutes").isNull().or(col("handling_minutes").between(0, 10080))))
            .withColumn("_first", row_number().over(Window.partitionBy("filename", "case_id", "updated_at").orderBy("ordinality")))
            .filter(col("_first").equalTo(1));
        Dataset<Row> registeredOnce = accepted
            .withColumn("_registered", first_value(col("case_id")).over(
                Window.partitionBy("filename", "citizen_id", "case_type", "opened_at").orderBy("ordinality")))
            .filter(col("citizen_id").isNull().or(col("case_id").equalTo(col("_registered"))));
        Dataset<Row> latest = registeredOnce
            .filter(to_date(coalesce(col("updated_at"), col("decided_at"), col("opened_at"))).leq(night))
            .withColumn("_latest", row_number().over(Window.partitionBy("case_id")
                .orderBy(col("updated_at").desc_nulls_last(), col("filename").desc())))
            .filter(col("_latest").equalTo(1));
        return latest
            .selectExpr("unit", "CAST(decided_at AS DATE) AS day",
                "stack(4, 'handling_time', handling_minutes,"
                    + " 'processing_days', (unix_micros(decided_at) - unix_micros(opened_at)) / 86400e6,"
                    + " 'first_time_right', CASE WHEN reopened THEN 0.0D ELSE 1.0D END,"
                    + " 'appeal_overturn_rate', CASE WHEN appealed THEN CASE WHEN appeal_overturned THEN 1.0D ELSE 0.0D END END)"
                    + " AS (indicator, v)")
            .filter(col("day").isNotNull().and(col("v").isNotNull()).and(col("day").leq(night)))
            .groupBy("unit", "day", "indicator")
            .agg(count(lit(1)).as("n"), sum(col("v")).as("sum"), sum(expr("v * v")).as("sum_sq"));
    }

    /** The case exports whose names start and end so, listed exactly and not recursively, as DuckDB's glob matches them. */
    private static String[] files(String data, String prefix, String suffix) throws IOException {
        try (Stream<Path> list = Files.list(Path.of(data, "cases"))) {
            return list.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(suffix))
                .map(Path::toString).sorted().toArray(String[]::new);
        }
    }
}

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

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * bench/duckdb-cells.sql in Spark SQL: what a data team could write in an afternoon on the stack Gevinst is built
 * on, with the same rules (see that file). It reads the raw exports in their three dialects with Spark's own readers,
 * keeps the latest version of each case as known on the night, and writes n, Σx and Σx² of the four case indicators
 * per unit and day as one CSV. It types, checks, pseudonymises, quarantines and keeps nothing else, so its seconds
 * are the stack's floor for these statistics: what Spark costs before any of Gevinst's own work. Benchmark only; the
 * harness compares its cells with DuckDB's.
 *
 * <p>Usage: java [Spark's --add-opens] -cp target/lib/*:CLASSES SparkCellsScript DATA AS_OF OUT_FOLDER
 */
public final class SparkCellsScript {
    public static void main(String[] args) throws Exception {
        String data = args[0], asOf = args[1], out = args[2];
        SparkSession spark = SparkSession.builder().master("local[2]").appName("spark-cells")
            .config("spark.ui.enabled", "false")
            // Timestamps as written, as DuckDB's TIMESTAMP keeps them: no zone, so no daylight-saving hour in a duration.
            .config("spark.sql.session.timeZone", "UTC")
            // Each file is one partition, so a row's position in its partition is its position in the file: what
            // DuckDB's WITH ORDINALITY gives, for "the first line wins".
            .config("spark.sql.files.maxPartitionBytes", String.valueOf(1L << 40))
            .config("spark.sql.files.openCostInBytes", String.valueOf(1L << 40))
            .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        long start = System.nanoTime();

        Dataset<Row> ydelse = spark.read().option("header", "true").option("mode", "DROPMALFORMED")
            .schema("case_id STRING, unit STRING, case_type STRING, opened_at TIMESTAMP, decided_at TIMESTAMP, handling_minutes DOUBLE,"
                + " caseworker_id STRING, citizen_id STRING, reopened BOOLEAN, appealed BOOLEAN, appeal_overturned BOOLEAN,"
                + " updated_at TIMESTAMP, note STRING")
            .csv(files(data, "ydelse-", ".csv"))
            .select(col("case_id"), col("unit"), col("case_type"), col("citizen_id"), col("opened_at"), col("decided_at"),
                col("handling_minutes"), col("reopened"), col("appealed"), col("appeal_overturned"), col("updated_at"),
                col("_metadata.file_path").as("filename"), monotonically_increasing_id().as("ordinality"));
        // Windows-1252 (latin-1 covers every letter the exports use), semicolons, decimal commas, ja/nej. Spark's CSV
        // reader has no decimal comma for doubles: the text is read and cast, and a value that does not cast drops
        // the row, as DuckDB's ignore_errors does.
        Column minutes = replace(col("handling_minutes"), lit(","), lit(".")).try_cast(DataTypes.DoubleType);
        Dataset<Row> jobcenter = spark.read().option("header", "true").option("mode", "DROPMALFORMED").option("sep", ";")
            .option("encoding", "ISO-8859-1").option("timestampFormat", "yyyy-MM-dd HH:mm:ss")
            .schema("case_id STRING, unit STRING, case_type STRING, opened_at TIMESTAMP, decided_at TIMESTAMP, handling_minutes STRING,"
                + " caseworker_id STRING, citizen_id STRING, reopened STRING, appealed STRING, appeal_overturned STRING, updated_at TIMESTAMP")
            .csv(files(data, "jobcenter-", ".csv"))
            .filter(col("handling_minutes").isNull().or(minutes.isNotNull()))
            .select(col("case_id"), col("unit"), col("case_type"), col("citizen_id"), col("opened_at"), col("decided_at"),
                minutes.as("handling_minutes"), col("reopened").equalTo("ja").as("reopened"), col("appealed").equalTo("ja").as("appealed"),
                col("appeal_overturned").equalTo("ja").as("appeal_overturned"), col("updated_at"),
                col("_metadata.file_path").as("filename"), monotonically_increasing_id().as("ordinality"));
        Dataset<Row> borgerservice = spark.read().option("mode", "DROPMALFORMED")
            .schema("case_id STRING, unit STRING, case_type STRING, citizen_id STRING, opened_at STRING, decided_at STRING,"
                + " handling_minutes DOUBLE, reopened BOOLEAN, appealed BOOLEAN, appeal_overturned BOOLEAN, updated_at STRING")
            .json(files(data, "borgerservice-", ".jsonl"))
            .select(col("case_id"), col("unit"), col("case_type"), col("citizen_id"), col("opened_at").try_cast(DataTypes.TimestampType).as("opened_at"),
                col("decided_at").try_cast(DataTypes.TimestampType).as("decided_at"), col("handling_minutes"), col("reopened"),
                col("appealed"), col("appeal_overturned"), col("updated_at").try_cast(DataTypes.TimestampType).as("updated_at"),
                col("_metadata.file_path").as("filename"), monotonically_increasing_id().as("ordinality"));
        Dataset<Row> versions = ydelse.unionByName(jobcenter).unionByName(borgerservice);

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
            .filter(to_date(coalesce(col("updated_at"), col("decided_at"), col("opened_at"))).leq(lit(asOf).cast(DataTypes.DateType)))
            .withColumn("_latest", row_number().over(Window.partitionBy("case_id")
                .orderBy(col("updated_at").desc_nulls_last(), col("filename").desc())))
            .filter(col("_latest").equalTo(1));

        Dataset<Row> cells = latest
            .selectExpr("unit", "CAST(decided_at AS DATE) AS day",
                "stack(4, 'handling_time', handling_minutes,"
                    + " 'processing_days', (unix_micros(decided_at) - unix_micros(opened_at)) / 86400e6,"
                    + " 'first_time_right', CASE WHEN reopened THEN 0.0D ELSE 1.0D END,"
                    + " 'appeal_overturn_rate', CASE WHEN appealed THEN CASE WHEN appeal_overturned THEN 1.0D ELSE 0.0D END END)"
                    + " AS (indicator, v)")
            .filter(col("day").isNotNull().and(col("v").isNotNull()).and(col("day").leq(lit(asOf).cast(DataTypes.DateType))))
            .groupBy("unit", "day", "indicator")
            .agg(count(lit(1)).as("n"), sum(col("v")).as("sum"), sum(expr("v * v")).as("sum_sq"));
        cells.coalesce(1).write().mode("overwrite").option("header", "true").csv(out);
        System.out.printf("spark_query_seconds %.3f%n", (System.nanoTime() - start) / 1e9);

        // The same exports only read into typed rows and dropped (Spark's noop sink), now on a warm JVM: the part of any
        // Spark job over these files that no rule or statistic can remove.
        long read = System.nanoTime();
        versions.write().format("noop").mode("overwrite").save();
        System.out.printf("spark_read_seconds %.3f%n", (System.nanoTime() - read) / 1e9);
        spark.stop();
    }

    /** The case exports whose names start and end so, as paths (a glob would make Spark look for a streaming sink's log there). */
    private static String[] files(String data, String prefix, String suffix) throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> list = java.nio.file.Files.list(java.nio.file.Path.of(data, "cases"))) {
            return list.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(suffix))
                .map(java.nio.file.Path::toString).sorted().toArray(String[]::new);
        }
    }
}

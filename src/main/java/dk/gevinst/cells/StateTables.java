package dk.gevinst.cells;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.to_date;

import dk.gevinst.source.Columns;
import dk.gevinst.source.Source;
import dk.gevinst.spark.SparkSchemas;
import dk.gevinst.spark.Tables;
import java.time.LocalDate;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Reads the ingested state as it was known on a given day. */
public final class StateTables {
    private StateTables() {}

    public static Dataset<Row> read(SparkSession spark, Path stateRoot, Source source) {
        StructType full = SparkSchemas.validated(source);
        StructType stored = new StructType(SparkSchemas.stored(source).stream().map(n -> full.apply(n)).toArray(StructField[]::new));
        return Tables.readOrEmpty(spark, new Path(stateRoot, source.folder()), stored);
    }

    /**
     * The latest version of every case as known on {@code asOf}. A version is known from its updated_at;
     * without one, from when it was decided or else opened. The latest updated_at wins; on a tie the
     * file whose name sorts later wins (nightly exports are named by date), then the later line.
     */
    public static Dataset<Row> latestCases(SparkSession spark, Path stateRoot, LocalDate asOf) {
        Dataset<Row> versions = read(spark, stateRoot, Source.CASES);
        var knownOn = to_date(coalesce(col(Columns.UPDATED_AT), col(Columns.DECIDED_AT), col(Columns.OPENED_AT)));
        var latestFirst = Window.partitionBy(col(Columns.CASE_ID)).orderBy(
            col(Columns.UPDATED_AT).desc_nulls_last(), col(Columns.FILE).desc(), col(Columns.LINE).desc());
        return versions.filter(knownOn.leq(lit(asOf)))
            .withColumn("_version_rank", row_number().over(latestFirst))
            .filter(col("_version_rank").equalTo(1))
            .drop("_version_rank");
    }

    /** Rows of a non-versioned source known on {@code asOf}, judged by their own date column. */
    public static Dataset<Row> knownOn(Dataset<Row> rows, String dateColumn, LocalDate asOf) {
        return rows.filter(to_date(col(dateColumn)).leq(lit(asOf)));
    }
}

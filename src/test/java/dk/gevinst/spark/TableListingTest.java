package dk.gevinst.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.testing.SparkActivity;
import dk.gevinst.testing.TestSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local run lists a state table's partition folders on the driver, without a Spark job per listing. */
class TableListingTest {
    private final SparkSession spark = TestSpark.session();

    @Test
    void aTableOfManyPartitionsIsListedWithoutASparkJob(@TempDir Path tmp) throws Exception {
        StructType schema = new StructType().add("value", DataTypes.IntegerType).add("file_ref", DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        // More folders than Spark's own threshold (32), above which it would list with a job.
        for (int i = 0; i < 40; i++) rows.add(RowFactory.create(i, "f" + i));
        org.apache.hadoop.fs.Path table = new org.apache.hadoop.fs.Path(tmp.resolve("t").toUri());
        Tables.replacePartitions(spark.createDataFrame(rows, schema), table, "file_ref");

        SparkActivity<Dataset<Row>> listing = SparkActivity.during(spark, () -> Tables.readOrEmpty(spark, table, schema));
        Dataset<Row> read = listing.result();
        assertThat(listing.jobs()).as("Spark jobs started to list 40 partition folders").isZero();
        assertThat(read.count()).isEqualTo(40);
        assertThat(read.select("file_ref").distinct().count()).isEqualTo(40);
    }
}

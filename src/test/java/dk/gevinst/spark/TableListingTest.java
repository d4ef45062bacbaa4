package dk.gevinst.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.testing.TestSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
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

        AtomicInteger jobs = new AtomicInteger();
        SparkListener counter = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                jobs.incrementAndGet();
            }
        };
        spark.sparkContext().listenerBus().waitUntilEmpty();
        spark.sparkContext().addSparkListener(counter);
        Dataset<Row> read;
        try {
            read = Tables.readOrEmpty(spark, table, schema);
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } finally {
            spark.sparkContext().removeSparkListener(counter);
        }
        assertThat(jobs.get()).as("Spark jobs started to list 40 partition folders").isZero();
        assertThat(read.count()).isEqualTo(40);
        assertThat(read.select("file_ref").distinct().count()).isEqualTo(40);
    }
}

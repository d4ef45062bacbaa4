package dk.gevinst.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.gevinst.testing.TestSpark;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tonight's partition of a staged publication is written straight into its folder: read back it is what the
 * dynamic writer gives, without that writer's sort, and it never overwrites a partition that is there.
 */
class NewPartitionWriteTest {
    private static final LocalDate NIGHT = LocalDate.of(2026, 11, 26);
    private static final StructType SCHEMA = new StructType().add("unit", DataTypes.StringType).add("n", DataTypes.LongType)
        .add("as_of", DataTypes.DateType);
    private final SparkSession spark = TestSpark.session();

    @Test
    void readBackItIsWhatTheDynamicWriterGivesWithoutItsSort(@TempDir Path tmp) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) rows.add(RowFactory.create("unit " + (i % 7), (long) i, NIGHT));
        Dataset<Row> night = spark.createDataFrame(rows, SCHEMA);
        org.apache.hadoop.fs.Path direct = new org.apache.hadoop.fs.Path(tmp.resolve("direct").toUri());
        org.apache.hadoop.fs.Path dynamic = new org.apache.hadoop.fs.Path(tmp.resolve("dynamic").toUri());

        List<String> plans = new CopyOnWriteArrayList<>();
        QueryExecutionListener listener = new QueryExecutionListener() {
            @Override
            public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
                plans.add(qe.executedPlan().toString());
            }

            @Override
            public void onFailure(String funcName, QueryExecution qe, Exception exception) {
            }
        };
        spark.listenerManager().register(listener);
        try {
            Tables.writeNewPartition(night, direct, "as_of", NIGHT);
            // Listeners hear of a query after it ends, on Spark's listener thread.
            for (int i = 0; i < 200 && plans.isEmpty(); i++) Thread.sleep(50);
            Tables.replacePartitions(night, dynamic, "as_of");
            for (int i = 0; i < 200 && plans.size() < 2; i++) Thread.sleep(50);
        } finally {
            spark.listenerManager().unregister(listener);
        }

        assertThat(plans).hasSize(2);
        assertThat(plans.get(0)).contains("InsertIntoHadoopFsRelationCommand").doesNotContain("Sort");
        assertThat(plans.get(1)).as("the dynamic writer's plan, for contrast").contains("InsertIntoHadoopFsRelationCommand").contains("Sort");
        assertThat(tmp.resolve("direct/as_of=" + NIGHT)).isDirectory();
        Dataset<Row> readDirect = spark.read().parquet(direct.toString()), readDynamic = spark.read().parquet(dynamic.toString());
        assertThat(readDirect.schema()).isEqualTo(readDynamic.schema());
        assertThat(sorted(readDirect)).hasSize(50).isEqualTo(sorted(readDynamic));
    }

    @Test
    void aPartitionThatIsThereIsNeverOverwrittenAndRowsWithoutTheColumnAreRefused(@TempDir Path tmp) {
        Dataset<Row> night = spark.createDataFrame(List.of(RowFactory.create("unit", 1L, NIGHT)), SCHEMA);
        org.apache.hadoop.fs.Path table = new org.apache.hadoop.fs.Path(tmp.resolve("t").toUri());
        Tables.writeNewPartition(night, table, "as_of", NIGHT);

        assertThatThrownBy(() -> Tables.writeNewPartition(night, table, "as_of", NIGHT)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("as_of=" + NIGHT).hasMessageContaining("exists already");
        assertThat(spark.read().parquet(table.toString()).count()).isEqualTo(1);
        assertThatThrownBy(() -> Tables.writeNewPartition(night.drop("as_of"), table, "as_of", NIGHT.plusDays(1)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("as_of");
    }

    @Test
    void aNightWithoutRowsIsAPartitionOfNoRows(@TempDir Path tmp) {
        org.apache.hadoop.fs.Path table = new org.apache.hadoop.fs.Path(tmp.resolve("t").toUri());
        Tables.writeNewPartition(spark.createDataFrame(List.of(), SCHEMA), table, "as_of", NIGHT);
        Tables.writeNewPartition(spark.createDataFrame(List.of(RowFactory.create("unit", 3L, NIGHT.plusDays(1))), SCHEMA), table, "as_of",
            NIGHT.plusDays(1));

        assertThat(tmp.resolve("t/as_of=" + NIGHT)).isDirectory();
        Dataset<Row> read = spark.read().parquet(table.toString());
        assertThat(read.schema()).isEqualTo(SCHEMA);
        assertThat(read.filter(read.col("as_of").equalTo(java.sql.Date.valueOf(NIGHT))).count()).isZero();
        assertThat(read.count()).isEqualTo(1);
    }

    private static List<String> sorted(Dataset<Row> rows) {
        return rows.collectAsList().stream().map(Row::toString).sorted().toList();
    }
}

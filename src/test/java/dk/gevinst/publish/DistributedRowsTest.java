package dk.gevinst.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.testing.TestSpark;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.junit.jupiter.api.Test;

/** Rows made on the driver reach a table as they were made, without putting them into the query plan. */
class DistributedRowsTest {
    private static final SparkSession SPARK = TestSpark.session();

    @Test
    void rowsKeepTheirValuesAndOrderAndStayOutOfThePlan() {
        List<Row> rows = new ArrayList<>();
        LocalDate day = LocalDate.of(2026, 3, 2);
        for (int i = 0; i < 25_000; i++) {
            boolean hidden = i % 7 == 0;
            rows.add(RowFactory.create("p" + (i % 200), "handling_time", i % 3 == 0 ? null : "Nord", "pilot", "post", day.plusDays(i % 90),
                hidden ? null : (long) i, hidden ? null : i * 1.5, hidden ? null : i * 2.25, hidden, day));
        }

        Dataset<Row> d = PublishedTables.distributed(SPARK, rows, PublishedTables.CELL_SCHEMA);

        assertThat(d.collectAsList()).isEqualTo(rows);
        assertThat(d.rdd().getNumPartitions()).isEqualTo(SPARK.sparkContext().defaultParallelism());
        assertThat(scala.jdk.javaapi.CollectionConverters.asJava(d.queryExecution().analyzed().collectLeaves())).noneMatch(p -> p instanceof LocalRelation);
        assertThat(PublishedTables.distributed(SPARK, List.of(), PublishedTables.CELL_SCHEMA).count()).isZero();
    }
}

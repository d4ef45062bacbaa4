package dk.gevinst.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.gevinst.testing.TestSpark;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Rows made on the driver reach a table as they were made, without putting them into the query plan. */
class DriverRowsTest {
    private static final SparkSession SPARK = TestSpark.session();
    private static final StructType EVERY_KIND = new StructType()
        .add("pilot_id", DataTypes.StringType).add("unit", DataTypes.StringType).add("day", DataTypes.DateType)
        .add("weeks", DataTypes.IntegerType).add("n", DataTypes.LongType).add("sum", DataTypes.DoubleType)
        .add("suppressed", DataTypes.BooleanType);

    @Test
    void rowsKeepTheirValuesNullsAndOrderAndStayOutOfThePlan() {
        List<Row> rows = new ArrayList<>();
        LocalDate day = LocalDate.of(2026, 3, 2);
        for (int i = 0; i < 125_000; i++) {
            boolean hidden = i % 7 == 0;
            rows.add(RowFactory.create("p" + (i % 200), i % 3 == 0 ? null : "Nord " + (i % 11), i % 13 == 0 ? null : day.plusDays(i % 900 - 450),
                i % 5 == 0 ? null : i - 60_000, hidden ? null : (long) i * 1_000_003L, hidden ? null : i * 1.5 - 7e-9, i % 17 == 0 ? null : hidden));
        }
        // A value the double column must carry bit for bit, and the smallest and largest long.
        rows.add(RowFactory.create("x", "", LocalDate.of(1, 1, 1), Integer.MIN_VALUE, Long.MIN_VALUE, -0.0, false));
        rows.add(RowFactory.create("x", "\u00c6blevej \u00d8st", LocalDate.of(9999, 12, 31), Integer.MAX_VALUE, Long.MAX_VALUE, Double.MIN_VALUE, true));
        rows.add(RowFactory.create("y", "NaN", LocalDate.of(1969, 12, 31), 0, 0L, Double.NaN, null));

        Dataset<Row> d = DriverRows.of(SPARK, rows, EVERY_KIND);

        assertThat(d.collectAsList()).isEqualTo(rows);
        assertThat(Double.doubleToRawLongBits(d.collectAsList().get(125_000).getDouble(5))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        // At least three slices for 125,003 rows (at most 50,000 a task), so at least three files.
        assertThat(d.rdd().getNumPartitions()).isEqualTo(Math.max(3, SPARK.sparkContext().defaultParallelism()));
        assertThat(scala.jdk.javaapi.CollectionConverters.asJava(d.queryExecution().analyzed().collectLeaves())).noneMatch(p -> p instanceof LocalRelation);
    }

    @Test
    void fewRowsMakeAsManySlicesAsALocalRelationAndNoRowsMakeAnEmptyDataset() {
        List<Row> rows = List.of(RowFactory.create("a", null, null, null, null, null, null), RowFactory.create("b", "u", null, 1, 2L, 3.0, true),
            RowFactory.create("c", "v", LocalDate.of(2026, 1, 5), 4, 5L, 6.0, false));

        assertThat(DriverRows.of(SPARK, rows, EVERY_KIND).rdd().getNumPartitions()).isEqualTo(Math.min(3, SPARK.sparkContext().defaultParallelism()));
        assertThat(DriverRows.of(SPARK, rows, EVERY_KIND).collectAsList()).isEqualTo(rows);
        assertThat(DriverRows.of(SPARK, List.of(), EVERY_KIND).count()).isZero();
    }

    @Test
    void aJavaSqlDateArrivesAsTheSameDay() {
        List<Row> rows = List.of(RowFactory.create("p", null, java.sql.Date.valueOf("1965-03-01"), null, null, null, null));

        assertThat(DriverRows.of(SPARK, rows, EVERY_KIND).collectAsList().get(0).get(2)).isEqualTo(LocalDate.of(1965, 3, 1));
    }

    @Test
    void aColumnTypeItCannotCarryIsNamed() {
        StructType withDecimal = new StructType().add("amount", DataTypes.createDecimalType(10, 2));

        assertThatThrownBy(() -> DriverRows.of(SPARK, List.of(RowFactory.create(new java.math.BigDecimal("1.00"))), withDecimal))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount").hasMessageContaining("decimal(10,2)");
    }
}

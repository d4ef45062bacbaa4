package dk.gevinst.cells;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.indicator.Measure;
import dk.gevinst.source.Columns;
import dk.gevinst.testing.TestSpark;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** A preference answer that names a candidate is read from the side of the candidate its unit tries. */
class PreferenceObservationsTest {
    private static final StructType RESPONSES = new StructType()
        .add(Columns.RESPONSE_ID, DataTypes.StringType).add(Columns.UNIT, DataTypes.StringType).add(Columns.ANSWERED_AT, DataTypes.TimestampType)
        .add(Columns.INSTRUMENT, DataTypes.StringType).add(Columns.ITEM, DataTypes.IntegerType).add(Columns.SCORE, DataTypes.DoubleType)
        .add(Columns.CANDIDATE, DataTypes.StringType);

    @Test
    void namingTheOtherCandidateCountsAgainstTheUnitsOwn() throws Exception {
        Timestamp at = Timestamp.valueOf("2026-06-15 10:00:00");
        List<Row> rows = List.of(
            RowFactory.create("own", "Nord", at, "preference", 1, 1.0, "sagslet"),
            RowFactory.create("other-yes", "Nord", at, "preference", 1, 1.0, "jobflow"),
            RowFactory.create("other-no", "Nord", at, "preference", 1, 0.0, "jobflow"),
            RowFactory.create("unnamed", "Nord", at, "preference", 1, 1.0, null),
            RowFactory.create("plain-pilot", "Ydelse", at, "preference", 1, 1.0, null),
            RowFactory.create("core", "Nord", at, "core_task", 1, 4.0, "jobflow"));
        assertThat(Observations.triedByUnit(List.of(dk.gevinst.testing.ComparisonDocuments.spec()))).isEqualTo(Map.of("A", "a", "B", "b"));
        Map<String, Double> value = new TreeMap<>();
        for (Row r : Observations.fromSurveys(TestSpark.session().createDataFrame(rows, RESPONSES), Map.of("Nord", "sagslet", "Centrum", "jobflow"))
                .select(Columns.OBSERVATION_UNIT, Observations.MEASURE, Observations.VALUE).collectAsList()) {
            value.merge(r.getString(0) + "/" + r.getString(1), r.getDouble(2), Double::sum);
        }
        // Nord tries Sagslet: own 1 + prefers Jobflow 0 + does not prefer Jobflow 1 + unnamed 1 = 3 of 4 prefer Sagslet
        String itemMean = MeasureKeys.of(new Measure(Measure.Kind.ITEM_MEAN, ""));
        assertThat(value).containsEntry("Nord/" + itemMean + "preference", 3.0).containsEntry("Ydelse/" + itemMean + "preference", 1.0)
            .containsEntry("Nord/" + itemMean + "core_task", 4.0);
    }
}

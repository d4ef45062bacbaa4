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
        .add(Columns.RESPONSE_ID, DataTypes.StringType).add(Columns.RESPONDENT_ID, DataTypes.StringType).add(Columns.UNIT, DataTypes.StringType).add(Columns.ANSWERED_AT, DataTypes.TimestampType)
        .add(Columns.INSTRUMENT, DataTypes.StringType).add(Columns.ITEM, DataTypes.IntegerType).add(Columns.SCORE, DataTypes.DoubleType)
        .add(Columns.CANDIDATE, DataTypes.StringType);

    @Test
    void namingTheOtherCandidateCountsAgainstTheUnitsOwn() throws Exception {
        Timestamp at = Timestamp.valueOf("2026-06-15 10:00:00");
        List<Row> rows = List.of(
            RowFactory.create("own", "p1", "Nord", at, "preference", 1, 1.0, "sagslet"),
            RowFactory.create("other-yes", "p2", "Nord", at, "preference", 1, 1.0, "jobflow"),
            RowFactory.create("other-no", "p3", "Nord", at, "preference", 1, 0.0, "jobflow"),
            RowFactory.create("unnamed", "p4", "Nord", at, "preference", 1, 1.0, null),
            RowFactory.create("plain-pilot", "p5", "Ydelse", at, "preference", 1, 1.0, null),
            RowFactory.create("core", "p1", "Nord", at, "core_task", 1, 4.0, "jobflow"));
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

    @Test
    void aRespondentCountsOnceInAPreferenceShareAndOncePerDayInOtherInstruments() throws Exception {
        Timestamp june = Timestamp.valueOf("2026-06-15 10:00:00"), later = Timestamp.valueOf("2026-06-15 16:00:00");
        Timestamp august = Timestamp.valueOf("2026-08-17 09:00:00");
        List<Row> rows = new java.util.ArrayList<>(List.of(
            // p1 answered 'old system' in June and 'new system' in August: one answer, the latest.
            RowFactory.create("r1", "p1", "Nord", june, "preference", 1, 0.0, null),
            RowFactory.create("r2", "p1", "Nord", august, "preference", 1, 1.0, null),
            RowFactory.create("r3", "p2", "Nord", june, "preference", 1, 0.0, null),
            // core_task: p1's re-submission the same afternoon replaces the morning's; the August round counts too.
            RowFactory.create("c1", "p1", "Nord", june, "core_task", 1, 2.0, null),
            RowFactory.create("c2", "p1", "Nord", later, "core_task", 1, 5.0, null),
            RowFactory.create("c3", "p1", "Nord", august, "core_task", 1, 3.0, null)));
        // One employee's twenty submissions on one day, all 'new system'.
        for (int i = 0; i < 20; i++) rows.add(RowFactory.create("spam-" + i, "p3", "Nord", june, "preference", 1, 1.0, null));
        Map<String, long[]> nByMeasure = new TreeMap<>();
        Map<String, Double> sum = new TreeMap<>();
        for (Row r : Observations.fromSurveys(TestSpark.session().createDataFrame(rows, RESPONSES), Map.of())
                .select(Observations.MEASURE, Observations.VALUE).collectAsList()) {
            nByMeasure.computeIfAbsent(r.getString(0), k -> new long[1])[0]++;
            sum.merge(r.getString(0), r.getDouble(1), Double::sum);
        }
        String itemMean = MeasureKeys.of(new Measure(Measure.Kind.ITEM_MEAN, ""));
        assertThat(nByMeasure.get(itemMean + "preference")).as("three respondents, once each").containsExactly(3);
        assertThat(sum.get(itemMean + "preference")).as("p1's August 1, p2's 0, p3's 1").isEqualTo(2.0);
        assertThat(nByMeasure.get(itemMean + "core_task")).as("June's last response and August's").containsExactly(2);
        assertThat(sum.get(itemMean + "core_task")).isEqualTo(8.0);
    }
}

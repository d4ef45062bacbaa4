package dk.gevinst.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.cells.StateTables;
import dk.gevinst.source.Columns;
import dk.gevinst.source.Source;
import dk.gevinst.testing.TempDirs;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every source has a key and a latest-version rule: a row delivered again, or corrected, counts once. */
class LatestVersionsTest {
    private static String sus(String response, String respondent, int score) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 10; i++) b.append(response).append(',').append(respondent).append(",U,2026-03-10,sus,").append(i).append(',').append(score).append('\n');
        return b.toString();
    }

    @Test
    void aRepeatOrACorrectionInALaterFileReplacesTheEarlierRowInEverySource(@TempDir Path tmp) throws Exception {
        IngestFixture f = new IngestFixture(tmp);
        String header = "response_id,respondent_id,unit,answered_at,instrument,item,score\n";
        TempDirs.write(f.data, "survey_responses/s-1.csv", header + sus("R1", "kw1", 4) + sus("R2", "kw2", 3));
        TempDirs.write(f.data, "survey_responses/s-2.csv", header + sus("R1", "kw1", 4) + sus("R2", "kw2", 5));
        String costs = "pilot_id,option,category,kind,amount_dkk\np,cloud,licens,yearly,100\np,cloud,,one_off,500\n";
        TempDirs.write(f.data, "costs/budget.csv", costs);
        TempDirs.write(f.data, "costs/budget-again.csv", costs);
        TempDirs.write(f.data, "costs/budget-revised.csv", "pilot_id,option,category,kind,amount_dkk,valid_from\np,cloud,licens,yearly,150,2026-03-15\n");
        TempDirs.write(f.data, "tech_metrics/m-1.csv", "pilot_id,day,metric,value\np,2026-03-01,q,10\np,2026-03-02,q,11\n");
        TempDirs.write(f.data, "tech_metrics/m-2.csv", "pilot_id,day,metric,value\np,2026-03-02,q,12\n");
        TempDirs.write(f.data, "usage/u-1.csv", "user_id,unit,day,active_minutes\nu1,U,2026-03-02,30\n");
        TempDirs.write(f.data, "usage/u-2.csv", "user_id,unit,day,active_minutes\nu1,U,2026-03-02,30\nu2,U,2026-03-02,0\n");
        LocalDate asOf = LocalDate.parse("2026-03-12");
        IngestResult r = f.ingest("r1", asOf, java.time.Instant.parse("2026-03-13T04:00:00Z"));

        List<Row> survey = StateTables.latestSurveyResponses(f.spark, f.stateRoot(), asOf).collectAsList();
        assertThat(survey).as("ten items per response, not twenty").hasSize(20);
        assertThat(survey.stream().filter(x -> "R2".equals(x.getAs(Columns.RESPONSE_ID))).map(x -> x.<Double>getAs(Columns.SCORE)).distinct())
            .as("the later file's answers").containsExactly(5.0);
        assertThat(r.counts().get(Source.SURVEY_RESPONSES).versions()).isEqualTo(new VersionCounts(40, 20, 10, 10));

        assertThat(amounts(StateTables.latestCosts(f.spark, f.stateRoot(), LocalDate.parse("2026-03-14"))))
            .as("a cost file delivered twice counts once").containsExactlyInAnyOrderEntriesOf(Map.of("licens", 100.0, "-", 500.0));
        assertThat(amounts(StateTables.latestCosts(f.spark, f.stateRoot(), LocalDate.parse("2026-03-31"))))
            .as("from its valid_from, a revised line replaces the old one").containsExactlyInAnyOrderEntriesOf(Map.of("licens", 150.0, "-", 500.0));

        assertThat(StateTables.latestTechMetrics(f.spark, f.stateRoot(), asOf).collectAsList())
            .extracting(x -> x.<Double>getAs(Columns.VALUE)).containsExactlyInAnyOrder(10.0, 12.0);
        assertThat(StateTables.latestUsage(f.spark, f.stateRoot(), asOf).count()).isEqualTo(2);
        assertThat(r.counts().get(Source.USAGE).versions()).isEqualTo(new VersionCounts(3, 2, 0, 1));
        for (SourceCounts c : r.counts().values()) {
            if (c.versions() != null) assertThat(c.versions().stored()).isEqualTo(c.versions().current() + c.versions().superseded() + c.versions().duplicate());
        }
    }

    private static Map<String, Double> amounts(org.apache.spark.sql.Dataset<Row> costs) {
        return costs.collectAsList().stream().collect(Collectors.toMap(
            x -> x.getAs(Columns.CATEGORY) == null ? "-" : x.getAs(Columns.CATEGORY), x -> x.<Double>getAs(Columns.AMOUNT_DKK)));
    }
}

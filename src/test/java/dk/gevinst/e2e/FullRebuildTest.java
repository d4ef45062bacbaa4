package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.cli.Main;
import dk.gevinst.testing.Repo;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's nights keep their case cells from night to night; {@code run --full} rebuilds them from every case
 * version, and its drift fits from the data rather than from the last night's; what is published, the cells and
 * the indicator results, is the same.
 */
class FullRebuildTest {
    @Test
    void aFullRebuildOfTheLastNightPublishesWhatTheKeptCellsGave(@TempDir Path tmp) throws Exception {
        Path kept = SampleNights.out();
        JsonNode description = SampleRun.json(kept.resolve("_state/case_cells/kept.json"));
        assertThat(description.path("asOf").asText()).as("the kept cells moved with the nights").isEqualTo(SampleRun.AS_OF);
        assertThat(description.path("made").asText()).as("the last night updated the kept cells (rows dated after the first night came due)")
            .isEqualTo("UPDATED");

        Path rebuilt = TempDirs.copyTree(kept, tmp.resolve("rebuilt"));
        Path repo = Repo.root();
        assertThat(Main.execute("run", "--pilots", repo.resolve("jobs/pilots").toString(), "--data", repo.resolve("data-samples").toString(),
            "--out", rebuilt.toString(), "--as-of", SampleRun.AS_OF, "--demo-key", "--full")).isZero();

        assertThat(SampleRun.lastManifest(kept).path("case_cells").asText()).as("the kept night's manifest").isEqualTo("UPDATED");
        assertThat(SampleRun.lastManifest(rebuilt).path("case_cells").asText()).as("the --full night's manifest").isEqualTo("REBUILT");
        // The kept night also took the drift fits of the weeks that had not changed since the night before it (the
        // baseline's); --full makes every fit again.
        assertThat(SampleRun.lastManifest(kept).path("drift_fits").path("kept").asInt()).as("drift fits the kept night took").isPositive();
        assertThat(SampleRun.lastManifest(rebuilt).path("drift_fits").path("kept").asInt()).as("drift fits the --full night took").isZero();
        for (String table : List.of("cell_stats", "indicator_results")) {
            assertThat(rows(rebuilt, table)).as(table).isNotEmpty().isEqualTo(rows(kept, table));
        }
        for (String pilot : List.of("chatbot", "datalake", "sagsoverblik", "sagssystem")) {
            JsonNode fromRebuilt = SampleRun.json(rebuilt.resolve("decisions/" + pilot + ".json"));
            JsonNode fromKept = SampleRun.json(kept.resolve("decisions/" + pilot + ".json"));
            // Every number the document publishes: the indicators, and a comparison's candidates and contrasts.
            for (String part : List.of("decision", "reasons", "indicators", "comparison", "business_case")) {
                assertThat(fromRebuilt.path(part)).as(pilot + " " + part).isEqualTo(fromKept.path(part));
            }
        }
        assertThat(SampleRun.json(kept.resolve("decisions/sagssystem.json")).path("comparison").isObject()).isTrue();
    }

    private static List<String> rows(Path out, String table) {
        return TestSpark.session().read().parquet(out.resolve("tables/" + table + "/as_of=" + SampleRun.AS_OF).toString())
            .collectAsList().stream().map(Row::toString).sorted().toList();
    }
}

package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.cli.Main;
import dk.gevinst.testing.Repo;
import dk.gevinst.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nights into one output folder: the history grows and the portfolio lists what changed. */
class HistoryAcrossNightsTest {
    private static int night(Path out, String asOf) {
        Path repo = Repo.root();
        return Main.execute("run", "--pilots", repo.resolve("jobs/pilots").toString(), "--data", repo.resolve("data-samples").toString(),
            "--out", out.toString(), "--as-of", asOf, "--demo-key");
    }

    @Test
    void theDataLakeTurnsFromExtendToStopAndThePortfolioSaysSo(@TempDir Path out) throws Exception {
        TestSpark.session();
        assertThat(night(out, "2026-08-31")).isZero();
        assertThat(SampleRun.json(out.resolve("decisions/datalake.json")).path("decision").asText()).isEqualTo("EXTEND");
        assertThat(night(out, SampleRun.AS_OF)).isZero();

        JsonNode lake = SampleRun.json(out.resolve("decisions/datalake.json"));
        assertThat(lake.path("history")).hasSize(2);
        assertThat(lake.path("history").get(0).path("as_of").asText()).isEqualTo("2026-08-31");
        assertThat(lake.path("history").get(0).path("decision").asText()).isEqualTo("EXTEND");
        assertThat(lake.path("history").get(1).path("decision").asText()).isEqualTo("STOP");
        JsonNode go = SampleRun.json(out.resolve("decisions/sagsoverblik.json"));
        assertThat(go.path("history")).extracting(h -> h.path("decision").asText()).containsExactly("GO", "GO");

        String index = Files.readString(out.resolve("dashboard/index.html"));
        String changes = index.substring(index.indexOf("<ul class=\"changes\">"), index.indexOf("</ul>", index.indexOf("<ul class=\"changes\">")));
        assertThat(changes).contains("datalake.html").contains("data-decision=\"STOP\"").contains("var").contains("data-decision=\"EXTEND\"");
        assertThat(changes).doesNotContain("sagsoverblik.html");
        assertThat(index).contains("88 dage");
        String page = Files.readString(out.resolve("dashboard/datalake.html"));
        assertThat(page).contains("class=\"changed\"").contains("EXTEND → STOP");
        assertThat(Files.list(out.resolve("tables/decisions")).map(p -> p.getFileName().toString()))
            .contains("as_of=2026-08-31", "as_of=" + SampleRun.AS_OF);
    }
}

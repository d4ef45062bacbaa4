package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Three nights into one output folder: the history grows, keeps each night's interval, and the portfolio lists what changed. */
class HistoryAcrossNightsTest {
    @Test
    void theDataLakeTurnsFromExtendToStopAndThePortfolioSaysSo() throws Exception {
        Path out = SampleNights.out();
        assertThat(SampleNights.exitCodes()).containsOnly(0);

        JsonNode lake = SampleRun.json(out.resolve("decisions/datalake.json"));
        assertThat(lake.path("history")).hasSize(3);
        assertThat(lake.path("history").get(0).path("as_of").asText()).isEqualTo("2026-08-31");
        assertThat(lake.path("history").get(0).path("decision").asText()).isEqualTo("EXTEND");
        assertThat(lake.path("history").get(2).path("decision").asText()).isEqualTo("STOP");
        JsonNode go = SampleRun.json(out.resolve("decisions/sagsoverblik.json"));
        // Team-level inference (issue 8): Sagsoverblik's guardrail is shown non-inferior only by the final look.
        assertThat(go.path("history")).extracting(h -> h.path("decision").asText()).containsExactly("EXTEND", "EXTEND", "GO");

        String index = Files.readString(out.resolve("dashboard/index.html"));
        assertThat(index).contains("<ul class=\"changes\">");
        assertThat(index).contains("88\u00a0dage");
        String page = Files.readString(out.resolve("dashboard/datalake.html"));
        assertThat(page).contains("class=\"changed\"").contains("ændret fra FORLÆNG");
        assertThat(Files.list(out.resolve("tables/decisions")).map(p -> p.getFileName().toString()))
            .contains("as_of=2026-08-31", "as_of=" + SampleRun.AS_OF);
    }

    /**
     * Each night keeps the interval its decision used, read back from the published tables, so the page can
     * chart how it moved. It need not narrow night by night: the team-level interval is refitted as weeks
     * complete and widens when they show more drift between the teams.
     */
    @Test
    void everyNightKeepsTheDecisionIntervalOfEachDecidingIndicator() {
        JsonNode go = SampleRun.json(SampleNights.out().resolve("decisions/sagsoverblik.json"));
        JsonNode today = go.path("indicators").get(0);
        assertThat(today.path("id").asText()).isEqualTo("handling_time");
        for (JsonNode night : go.path("history")) {
            JsonNode handling = null;
            for (JsonNode i : night.path("intervals")) if (i.path("indicator").asText().equals("handling_time")) handling = i;
            assertThat(handling).as(night.path("as_of").asText()).isNotNull();
            assertThat(night.path("intervals")).extracting(i -> i.path("indicator").asText())
                .as("only deciding indicators").doesNotContain("sus", "adoption", "appeal_overturn_rate");
            assertThat(handling.path("effect").asDouble()).as("the night's estimate lies inside its interval")
                .isBetween(handling.path("ci_low").asDouble(), handling.path("ci_high").asDouble());
        }
        JsonNode last = go.path("history").get(2).path("intervals").get(0);
        assertThat(last.path("ci_low").asDouble()).isEqualTo(today.path("decision_interval").path("ci_low").asDouble());
        assertThat(last.path("effect").asDouble()).isEqualTo(today.path("effect").asDouble());
    }
}

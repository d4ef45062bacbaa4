package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.cli.Main;
import dk.gevinst.testing.Capture;
import dk.gevinst.testing.TempDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decision document of an earlier night that is broken (edited by hand, cut off by a full disk) is one
 * problem of one pilot, not the end of the night: a stranger's corrupt document stopped every pilot with
 * exit 1 and a parser's message that named no file.
 */
class BrokenPreviousDocumentTest {
    @Test
    void theNightPublishesEveryPilotAndNamesTheBrokenDocuments(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        TempDirs.copyTree(SampleRun.out(), out);
        Files.writeString(out.resolve("decisions/sagsoverblik.json"), "{\"pilot_id\": \"sagsoverblik\", broken");
        Files.writeString(out.resolve("decisions/chatbot.json"), "");
        int[] exit = new int[1];

        String[] log = new String[1];
        String printed = Capture.stdout(() -> log[0] = Capture.stderr(() -> exit[0] = SampleRun.run(out)));

        assertThat(exit[0]).isEqualTo(SampleRun.exitCode());
        assertThat(printed).contains("GO      sagsoverblik");
        assertThat(log[0]).contains("the decision document chatbot.json has no pilot_id or as_of date")
            .contains("the decision document sagsoverblik.json is not valid JSON");
        for (String pilot : new String[] {"chatbot", "datalake", "sagsoverblik", "sagssystem"}) {
            JsonNode doc = SampleRun.json(out.resolve("decisions/" + pilot + ".json"));
            assertThat(doc.path("pilot_id").asText()).isEqualTo(pilot);
            assertThat(doc.path("as_of").asText()).isEqualTo(SampleRun.AS_OF);
        }
        // Decided tonight without a previous decision to compare with; the others keep theirs.
        assertThat(SampleRun.json(out.resolve("decisions/sagsoverblik.json")).path("previous").isNull()).isTrue();
        assertThat(SampleRun.json(out.resolve("decisions/datalake.json")).path("previous").path("as_of").asText()).isEqualTo(SampleRun.AS_OF);
    }

    @Test
    void rebuildingTheDashboardOrExplainingABrokenDocumentNamesItAndVerboseShowsTheStackTrace(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        TempDirs.copyTree(SampleRun.out(), out);
        Files.writeString(out.resolve("decisions/sagsoverblik.json"), "{\"pilot_id\": \"sagsoverblik\", broken");

        String plain = Capture.stderr(() -> assertThat(Main.execute("dashboard", "--out", out.toString())).isEqualTo(1));
        String verbose = Capture.stderr(() -> assertThat(Main.execute("dashboard", "--out", out.toString(), "--verbose")).isEqualTo(1));

        assertThat(plain).contains("the decision document sagsoverblik.json is not valid JSON").contains("run again with --verbose")
            .doesNotContain("\tat ");
        assertThat(verbose).contains("the decision document sagsoverblik.json is not valid JSON").contains("\tat dk.gevinst.");
        String explained = Capture.stderr(() -> assertThat(Main.execute("explain", "sagsoverblik", "--out", out.toString())).isEqualTo(1));
        assertThat(explained).contains("the published decision document sagsoverblik.json is not valid JSON");
        Files.writeString(out.resolve("decisions/chatbot.json"), "");
        String empty = Capture.stderr(() -> assertThat(Main.execute("explain", "chatbot", "--out", out.toString())).isEqualTo(1));
        assertThat(empty).contains("the published decision document chatbot.json has no as_of date");
    }
}

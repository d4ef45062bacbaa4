package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.cli.Main;
import dk.gevinst.testing.Capture;
import dk.gevinst.testing.Repo;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TestSpark;
import dk.gevinst.testing.TinyRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the nightly schedule relies on: idempotent reruns, replays, isolation of a bad spec, the lock, exit codes. */
class OperationsTest {
    private static final String GOOD_SPEC = TinyRuns.GOOD_SPEC;

    private static Path tinyData(Path root) throws Exception {
        return TinyRuns.data(root);
    }

    private static int run(Path pilots, Path data, Path out, String asOf, String... extra) {
        TestSpark.session();
        List<String> args = new java.util.ArrayList<>(List.of("run", "--pilots", pilots.toString(), "--data", data.toString(),
            "--out", out.toString(), "--as-of", asOf));
        args.addAll(List.of(extra));
        return Main.execute(args.toArray(String[]::new));
    }

    @Test
    void rerunningTheSameNightIsIdempotentAndReadsNothingNew(@TempDir Path tmp) throws Exception {
        // A copy of the sample run's output, so the shared one keeps exactly one run for other tests.
        Path out = tmp.resolve("out");
        TempDirs.copyTree(SampleRun.out(), out);
        byte[] before = Files.readAllBytes(out.resolve("decisions/sagsoverblik.json"));
        int exit = SampleRun.run(out);
        assertThat(exit).isZero();
        // The same document, byte for byte, but for the publication it replaced: tonight's first run (issue 10: no "first assessment" twice).
        com.fasterxml.jackson.databind.node.ObjectNode again = (com.fasterxml.jackson.databind.node.ObjectNode) SampleRun.json(out.resolve("decisions/sagsoverblik.json"));
        com.fasterxml.jackson.databind.node.ObjectNode first = (com.fasterxml.jackson.databind.node.ObjectNode) dk.gevinst.publish.Json.MAPPER.readTree(before);
        assertThat(again.remove("previous")).isEqualTo(dk.gevinst.publish.Json.MAPPER.createObjectNode().put("as_of", first.path("as_of").asText())
            .put("decision", first.path("decision").asText()));
        first.remove("previous");
        assertThat(again).isEqualTo(first);
        List<Path> manifests;
        try (var s = Files.list(out.resolve("runs"))) {
            manifests = s.sorted().toList();
        }
        assertThat(manifests).hasSize(2);
        JsonNode last = SampleRun.json(manifests.get(manifests.size() - 1));
        assertThat(last.path("cases").path("rows_read").asLong()).isZero();
        assertThat(out.resolve(".staging")).doesNotExist();
        assertThat(out.resolve("_lock")).doesNotExist();
    }

    @Test
    void replayingAnEarlierNightGivesTheAnswerKnownThen(@TempDir Path tmp) throws Exception {
        Path repo = Repo.root();
        int exit = run(repo.resolve("jobs/pilots"), repo.resolve("data-samples"), tmp, "2026-08-31", "--demo-key");
        assertThat(exit).isZero();
        JsonNode d = SampleRun.json(tmp.resolve("decisions/sagsoverblik.json"));
        assertThat(d.path("as_of").asText()).isEqualTo("2026-08-31");
        assertThat(d.path("analysis").asText()).isEqualTo("sequential");
        assertThat(d.path("indicators").get(0).path("fixed").isNull()).isTrue();
        JsonNode chatbot = SampleRun.json(tmp.resolve("decisions/chatbot.json"));
        assertThat(chatbot.path("indicators").get(0).path("cells").path("pilot_post").path("n").asInt()).as("the chatbot had not started").isZero();
    }

    @Test
    void aBadSpecFailsOnlyItsOwnPilot(@TempDir Path tmp) throws Exception {
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", GOOD_SPEC);
        TempDirs.write(pilots, "broken.yaml", GOOD_SPEC.replace("id: small", "id: broken").replace("colour", "x") + "colour: red\n");
        int exit = run(pilots, tinyData(tmp.resolve("data")), tmp.resolve("out"), "2026-03-31", "--demo-key");
        assertThat(exit).isEqualTo(2);
        JsonNode broken = SampleRun.json(tmp.resolve("out/decisions/broken.json"));
        assertThat(broken.path("status").asText()).isEqualTo("error");
        assertThat(broken.path("reasons").get(0).path("code").asText()).isEqualTo("invalid_spec");
        assertThat(broken.path("reasons").get(0).path("en").asText()).contains("broken.yaml:10:1: unknown key 'colour'");
        JsonNode small = SampleRun.json(tmp.resolve("out/decisions/small.json"));
        assertThat(small.path("status").asText()).isEqualTo("ok");
        assertThat(small.path("indicators").get(0).path("design").asText()).isEqualTo("did");
        assertThat(tmp.resolve("out/dashboard/broken.html")).exists();
    }

    @Test
    void anotherRunHoldingTheLockMeansExitFour(@TempDir Path tmp) throws Exception {
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", GOOD_SPEC);
        Files.createDirectories(tmp.resolve("out"));
        Files.writeString(tmp.resolve("out/_lock"), "run_id=other\n");
        String err = Capture.stderr(() -> assertThat(run(pilots, tinyData(tmp.resolve("data")), tmp.resolve("out"), "2026-03-31", "--demo-key")).isEqualTo(4));
        assertThat(err).contains("another run holds the lock").contains("run other").contains("is taken over by the next run")
            .doesNotContain("delete").doesNotContain("\tat ");
        assertThat(tmp.resolve("out/decisions")).doesNotExist();
    }

    @Test
    void missingDataOrKeyAreClearErrorsWithDocumentedCodes(@TempDir Path tmp) throws Exception {
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", GOOD_SPEC);
        String noData = Capture.stderr(() -> assertThat(run(pilots, tmp.resolve("nowhere"), tmp.resolve("out"), "2026-03-31", "--demo-key")).isEqualTo(3));
        assertThat(noData).contains("the data root").contains("nowhere").contains("--data DIR");
        String noKey = Capture.stderr(() -> assertThat(run(pilots, tinyData(tmp.resolve("data")), tmp.resolve("out2"), "2026-03-31")).isEqualTo(2));
        assertThat(noKey).contains("no pseudonym key").contains("--key-file").contains("GEVINST_PSEUDONYM_KEY");
        String badDate = Capture.stderr(() -> assertThat(run(pilots, tmp.resolve("data"), tmp.resolve("out3"), "31-03-2026", "--demo-key")).isEqualTo(2));
        assertThat(badDate).contains("--as-of is '31-03-2026'; write a date as YYYY-MM-DD");
    }

    @Test
    void anUnreadableSourceFileMeansExitThreeButTheRestIsPublished(@TempDir Path tmp) throws Exception {
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", GOOD_SPEC);
        Path data = tinyData(tmp.resolve("data"));
        TempDirs.write(data, "cases/broken.csv", "case_id,opened_at\nx,2026-03-01\n");
        String stdout = Capture.stdout(() -> assertThat(run(pilots, data, tmp.resolve("out"), "2026-03-31", "--demo-key")).isEqualTo(3));
        JsonNode small = SampleRun.json(tmp.resolve("out/decisions/small.json"));
        assertThat(small.path("data_quality").path("rejected_files").get(0).path("message").asText()).contains("missing required column 'unit'");
        assertThat(small.path("status").asText()).isEqualTo("ok");
        assertThat(small.path("partial_data").asBoolean()).as("decided while a cases file was rejected").isTrue();
        JsonNode partial = SampleRun.healthFlag(small, "partial_data");
        assertThat(partial.path("severity").asText()).isEqualTo("warning");
        assertThat(partial.path("files").get(0).path("path").asText()).isEqualTo("cases/broken.csv");
        assertThat(partial.path("text_da").asText()).contains("cases/broken.csv");
        JsonNode last = small.path("reasons").get(small.path("reasons").size() - 1);
        assertThat(last.path("code").asText()).isEqualTo("partial_data");
        assertThat(last.path("da").asText()).contains("cases/broken.csv").contains("afvist");
        assertThat(stdout).as("the report in the run's language").containsPattern("small +\\[delvise data\\]");
    }
}

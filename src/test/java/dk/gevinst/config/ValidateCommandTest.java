package dk.gevinst.config;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.cli.Main;
import dk.gevinst.testing.Capture;
import dk.gevinst.testing.Repo;
import dk.gevinst.testing.TempDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `gevinst validate` checks specs and headers, writes nothing, and says what is wrong where. */
class ValidateCommandTest {
    @Test
    void theCommittedJobsAndSampleAreValid() throws Exception {
        Path repo = Repo.root();
        int[] exit = new int[1];
        String out = Capture.stdout(() -> exit[0] = Main.execute("validate", "--pilots", repo.resolve("jobs/pilots").toString(),
            "--data", repo.resolve("data-samples").toString()));
        assertThat(exit[0]).isZero();
        assertThat(out).contains("sagsoverblik.yaml (sagsoverblik,", "datalake.yaml (datalake,", "chatbot.yaml (chatbot,");
    }

    @Test
    void badSpecsAndHeadersAreNamedWithTheirCodes(@TempDir Path tmp) throws Exception {
        TempDirs.write(tmp, "pilots/x.yaml", "id: x\ntitle: X\nstart: 2026-01-01\nend: 2026-02-01\narms: {pilot: [A]}\nindicators:\n  speed: {role: success, mde: 1}\n");
        int[] exit = new int[1];
        String out = Capture.stdout(() -> exit[0] = Main.execute("validate", "--pilots", tmp.resolve("pilots").toString()));
        assertThat(exit[0]).isEqualTo(2);
        assertThat(out).contains("x.yaml:7:10: unknown indicator 'speed'");
        TempDirs.write(tmp, "data/survey_responses/s.csv", "response_id;unit;answered_at\n1;A;2026-01-01\n");
        String headers = Capture.stdout(() -> exit[0] = Main.execute("validate", "--pilots", Repo.root().resolve("jobs/pilots").toString(),
            "--data", tmp.resolve("data").toString()));
        assertThat(exit[0]).isEqualTo(3);
        assertThat(headers).contains("survey_responses/s.csv: missing required columns 'respondent_id', 'instrument', 'item', 'score'");
        try (var files = Files.walk(tmp)) {
            assertThat(files.filter(Files::isRegularFile).count()).as("validate writes nothing").isEqualTo(2);
        }
    }

    @Test
    void aMisspeltOptionalColumnAndAnIndicatorsMissingColumnAreWarnings(@TempDir Path tmp) throws Exception {
        TempDirs.write(tmp, "data/cases/a.csv", "case_id,unit,opened_at,decided_at,handling_minuts\nc,Ydelse Nord,2026-01-01,2026-01-02,5\n");
        TempDirs.write(tmp, "data/cases/folder.csv/x", "");
        int[] exit = new int[1];
        String out = Capture.stdout(() -> exit[0] = Main.execute("validate", "--pilots", Repo.root().resolve("jobs/pilots").toString(),
            "--data", tmp.resolve("data").toString()));
        assertThat(exit[0]).as("warnings do not fail validation").isZero();
        assertThat(out).contains("warning cases/a.csv: column 'handling_minuts' is not in the contract; did you mean 'handling_minutes'?")
            .contains("warning cases/a.csv: has no column 'handling_minutes', so its rows give nothing to handling_time (chatbot)")
            .contains("skip    cases/folder.csv: a folder, not a file; skipped");
    }
}

package dk.gevinst.config;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.cli.Main;
import dk.gevinst.testing.Capture;
import dk.gevinst.testing.Repo;
import dk.gevinst.testing.TempDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        assertThat(out).as("every unit the committed specs name has rows in the sample").doesNotContain("has no rows in the data");
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

    /** A stranger's 20 MB export without line ends was told it lacked opened_at, and looked for a typo. */
    @Test
    void aFileWithoutLineEndsIsToldSoNotMissingAColumn(@TempDir Path tmp) throws Exception {
        TempDirs.write(tmp, "data/cases/one-line.csv", "case_id,unit,opened_at,decided_at,handling_minutes" + ",c1,A,2026-01-05,2026-01-06,30".repeat(3000));
        int[] exit = new int[1];
        String out = Capture.stdout(() -> exit[0] = Main.execute("validate", "--pilots", Repo.root().resolve("jobs/pilots").toString(),
            "--data", tmp.resolve("data").toString()));
        assertThat(exit[0]).isEqualTo(3);
        assertThat(out).contains("cases/one-line.csv: has no line end in its first 65,536 bytes (of 90,050): its first line is too long to be a header of "
            + "column names. Export it with one row a line (CSV or JSON lines, docs/contract.md)").doesNotContain("missing required");
    }

    @Test
    void aMisspeltOptionalColumnAndAnIndicatorsMissingColumnAreWarnings(@TempDir Path tmp) throws Exception {
        // One row for each unit of the sample specs: a spec unit without rows is an error once its pilot has started.
        StringBuilder rows = new StringBuilder("case_id,unit,opened_at,decided_at,handling_minuts\n");
        for (String unit : List.of("Ydelse Nord", "Ydelse Syd", "Ydelse Vest", "Ydelse Øst", "Borgerservice Aulum", "Borgerservice Herning",
                "Borgerservice Sunds", "Jobcenter Øst", "Jobcenter Vest", "Jobcenter Midt", "Jobcenter Syd", "Jobcenter Nord", "Jobcenter Centrum")) {
            rows.append("c").append(rows.length()).append(',').append(unit).append(",2026-01-01,2026-01-02,5\n");
        }
        TempDirs.write(tmp, "data/cases/a.csv", rows.toString());
        TempDirs.write(tmp, "data/cases/folder.csv/x", "");
        int[] exit = new int[1];
        String out = Capture.stdout(() -> exit[0] = Main.execute("validate", "--pilots", Repo.root().resolve("jobs/pilots").toString(),
            "--data", tmp.resolve("data").toString()));
        assertThat(exit[0]).as("warnings do not fail validation").isZero();
        assertThat(out).contains("warning cases/a.csv: column 'handling_minuts' is not in the contract; did you mean 'handling_minutes'?")
            .contains("warning cases/a.csv: has no column 'handling_minutes', so its rows give nothing to handling_time (chatbot)")
            .contains("skip    cases/folder.csv: a folder, not a file; skipped");
    }

    @Test
    void anOutOfRangeValueOrAMissingOptionalKeyIsNotACrash(@TempDir Path tmp) throws Exception {
        String spec = "id: x\ntitle: X\nstart: 2026-01-01\nend: 2026-02-01\nbaseline_start: 2025-11-01\narms: {pilot: [A]}\nindicators:\n  handling_time: {role: success, mde: 1}\n";
        TempDirs.write(tmp, "pilots/x.yaml", spec + "decision: {alpha: 0.05, min_cases: 100}\n");
        TempDirs.write(tmp, "pilots/y.yaml", spec.replace("id: x", "id: y") + "ramp_up_days: -5\nbusiness_case: {hourly_cost_dkk: -480, horizon_years: 5, annual_cases: 9000}\n");
        TempDirs.write(tmp, "pilots/y.yml", spec.replace("id: x", "id: y"));
        int[] exit = new int[1];
        String err = Capture.stderr(() -> {
            String out = Capture.stdout(() -> exit[0] = Main.execute("validate", "--pilots", tmp.resolve("pilots").toString()));
            assertThat(out).contains("x.yaml (x, 1 indicators)").contains("y.yaml:9:15: ramp_up_days is -5; expected 0 to 365")
                .contains("y.yaml:10:34: business_case.hourly_cost_dkk is -480; expected 1 to 100000")
                .contains("y.yaml:1:1: pilot id 'y' is also declared by").contains("y.yml:1:1: pilot id 'y' is also declared by");
        });
        assertThat(exit[0]).isEqualTo(2);
        assertThat(err).doesNotContain("unexpected error");
    }

    /** A spec copied under a new id keeps its title: validate says so, with both files, and still passes. */
    @Test
    void twoSpecsWithOneTitleAreAWarning(@TempDir Path tmp) throws Exception {
        String spec = "id: x\ntitle: \"Chatbot i Borgerservice\"\nstart: 2026-01-01\nend: 2026-02-01\nbaseline_start: 2025-11-01\narms: {pilot: [A]}\n"
            + "indicators:\n  handling_time: {role: success, mde: 1}\n";
        TempDirs.write(tmp, "pilots/x.yaml", spec);
        TempDirs.write(tmp, "pilots/y.yaml", spec.replace("id: x", "id: y").replace("Chatbot i Borgerservice", "chatbot i borgerservice "));
        int[] exit = new int[1];
        String out = Capture.stdout(() -> exit[0] = Main.execute("validate", "--pilots", tmp.resolve("pilots").toString()));
        assertThat(exit[0]).isZero();
        assertThat(out).contains("y.yaml: pilot 'y' has the title 'chatbot i borgerservice'").contains("warning ")
            .contains("x.yaml) has; the portfolio and the digest show both under one name: give each its own title.");
    }
}

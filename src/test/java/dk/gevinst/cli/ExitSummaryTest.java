package dk.gevinst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.pipeline.ExitCode;
import dk.gevinst.pipeline.NightlyRun;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/** The one-line summary: every exit code has its own words, and a run's line counts what it published and how. */
class ExitSummaryTest {
    @Test
    void everyExitCodeHasWordsOfItsOwn() {
        for (ExitCode c : ExitCode.values()) {
            if (c == ExitCode.OK) continue;
            assertThat(ExitSummary.meaning(c)).as(c + " is named, not spelled out from its constant")
                .isNotEqualTo(c.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        assertThat(ExitSummary.forError(ExitCode.TERMINATED, "stopped")).isEqualTo("gevinst: exit 143 (stopped by a signal): stopped");
    }

    @Test
    void anInvalidSpecIsCountedAsSuchNotAsAPilotEvenWhenItKeepsAnEarlierDecision() {
        var published = List.of(
            new NightlyRun.PilotSummary("a", "ok", "GO", "gevinst", "gain", null, false, false, false),
            new NightlyRun.PilotSummary("b", "error", null, "spec", "spec", null, false, false, true),
            new NightlyRun.PilotSummary("c", "error", "EXTEND", "spec", "spec", "2026-03-31", false, false, true));
        var report = new NightlyRun.Report("2026-04-30_x", ExitCode.BAD_SPEC_OR_ARGUMENTS, new Path("file:/o/decisions"),
            new Path("file:/o/dashboard/index.html"), new Path("file:/o/runs/2026-04-30_x.json"), published, List.of("b.yaml:1:1: unknown key 'colour'"));
        assertThat(ExitSummary.forRun(report)).isEqualTo("gevinst: exit 2 (bad pilot spec or arguments): run 2026-04-30_x published 1 pilots"
            + " (1 GO, 0 EXTEND, 0 STOP, 0 errors) and 2 invalid specs, not evaluated; 1 problem: b.yaml:1:1: unknown key 'colour';"
            + " details in file:/o/runs/2026-04-30_x.json");
    }

    @Test
    void aRunsLineCountsKeptStaleAndPartialDecisions() {
        var published = List.of(
            new NightlyRun.PilotSummary("a", "ok", "GO", "gevinst", "gain", null, false, true, false),
            new NightlyRun.PilotSummary("b", "stale", "EXTEND", "forældet", "stale", "2026-03-31", true, false, false),
            new NightlyRun.PilotSummary("c", "error", null, "fejl", "failed", null, false, false, false));
        var report = new NightlyRun.Report("2026-04-30_x", ExitCode.STALE_DATA, new Path("file:/o/decisions"), new Path("file:/o/dashboard/index.html"),
            new Path("file:/o/runs/2026-04-30_x.json"), published, List.of("c.yaml:1:1: unknown key 'colour'"));
        assertThat(ExitSummary.forRun(report)).isEqualTo("gevinst: exit 5 (a pilot's data is stale): run 2026-04-30_x published 3 pilots (1 GO, 1 EXTEND, 0 STOP,"
            + " 1 errors, 1 kept from an earlier night, 1 on stale data, 1 on partial data); 1 problem: c.yaml:1:1: unknown key 'colour';"
            + " details in file:/o/runs/2026-04-30_x.json");
    }

    @Test
    void aRunsLineCountsTheFilesItSkipped() {
        var published = List.of(new NightlyRun.PilotSummary("a", "stale", "GO", "gevinst", "gain", "2026-03-31", true, false, false));
        var report = new NightlyRun.Report("2026-04-30_x", ExitCode.STALE_DATA, new Path("file:/o/decisions"), new Path("file:/o/dashboard/index.html"),
            new Path("file:/o/runs/2026-04-30_x.json"), published, List.of(), List.of("cases/x.csv: a link to nothing (its target is missing); skipped"));
        assertThat(ExitSummary.forRun(report)).contains("1 on stale data); 1 file skipped in the data root; details in");
    }
}

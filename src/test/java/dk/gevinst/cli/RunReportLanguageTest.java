package dk.gevinst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.pipeline.ExitCode;
import dk.gevinst.pipeline.NightlyRun;
import dk.gevinst.testing.Capture;
import dk.gevinst.text.Language;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/** The run's report on stdout follows the configured locale (issue 10: it was English under `locale: da`). */
class RunReportLanguageTest {
    private static final NightlyRun.Report REPORT = new NightlyRun.Report("2026-11-27_x", ExitCode.STALE_DATA, new Path("file:/o/decisions"),
        new Path("file:/o/dashboard/index.html"), new Path("file:/o/runs/x.json"), List.of(
            new NightlyRun.PilotSummary("chatbot", "ok", "EXTEND", "Endnu ikke afgjort.", "Not decided yet.", null, false, false, false),
            new NightlyRun.PilotSummary("small", "stale", "GO", "Data er forældede.", "The data is stale.", "2026-03-31", true, true, false)),
        List.of());

    @Test
    void danishReportSaysItInDanish() throws Exception {
        String out = Capture.stdout(() -> RunCommand.print(REPORT, Language.DA));
        assertThat(out).contains("Kørsel 2026-11-27_x er færdig: exit 5 (stale_data)")
            .contains("FORLÆNG chatbot                  Endnu ikke afgjort.")
            .contains("GO      small                    [beholdt fra 2026-03-31] [forældede data] [delvise data] Data er forældede.")
            .contains("Beslutninger: file:/o/decisions").doesNotContain("Not decided", "finished", "kept from");
    }

    @Test
    void englishReportSaysItInEnglish() throws Exception {
        String out = Capture.stdout(() -> RunCommand.print(REPORT, Language.EN));
        assertThat(out).contains("Run 2026-11-27_x finished: exit 5 (stale_data)").contains("EXTEND  chatbot                  Not decided yet.")
            .contains("[kept from 2026-03-31] [stale data] [partial data] The data is stale.").contains("Decisions: file:/o/decisions");
    }
}

package dk.gevinst.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.cli.Main;
import dk.gevinst.e2e.SampleRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `gevinst dashboard` rebuilds the pages from the published decisions alone, in either language. */
class DashboardCommandTest {
    @Test
    void rebuildsInEnglishFromThePublishedJsonOnly(@TempDir Path out) throws Exception {
        Path decisions = Files.createDirectories(out.resolve("decisions"));
        for (Path f : SampleRun.files(SampleRun.out().resolve("decisions"))) Files.copy(f, decisions.resolve(f.getFileName()));
        assertThat(Main.execute("dashboard", "--out", out.toString(), "--locale", "en")).isZero();
        String index = Files.readString(out.resolve("dashboard/index.html"));
        assertThat(index).contains("<html lang=\"en\">", "Pilot portfolio", "Changed since the last run", "data-decision=\"GO\"");
        String pilot = Files.readString(out.resolve("dashboard/sagsoverblik.html"));
        assertThat(pilot).contains("GO – put into production", "Handling time fell", "DKK\u00a0");
        String danish = Files.readString(SampleRun.out().resolve("dashboard/sagsoverblik.html"));
        assertThat(danish).contains("GO – sæt i drift", "Sagsbehandlingstid faldt", "\u00a0kr.");
        assertThat(out.resolve("dashboard/assets/echarts.min.js")).exists();
        assertThat(Files.readString(out.resolve("dashboard/digest.md"))).startsWith("# Gevinst – tonight's digest");
        assertThat(out.resolve("dashboard/digest.da.txt")).exists();
        assertThat(out.resolve("_lock")).doesNotExist();
    }

    @Test
    void withoutPublishedDecisionsItSaysWhatToRunFirst(@TempDir Path out) {
        assertThat(Main.execute("dashboard", "--out", out.toString())).isEqualTo(2);
    }
}

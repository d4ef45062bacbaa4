package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.testing.Capture;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TinyRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stranger renamed handling_minutes in one month's export: its rows gave handling time nothing, and validate and the
 * run manifest said so while the decision, the page and the digest did not. Now the pilot's health says it.
 */
class ColumnMissingTest {
    @Test
    void aFileWithoutAColumnThePilotReadsIsAHealthWarningNamingTheIndicatorAndTheFix(@TempDir Path tmp) throws Exception {
        Path data = TinyRuns.data(tmp.resolve("data"));
        TempDirs.write(data, "cases/renamed.csv", "case_id,unit,opened_at,decided_at,behandlingstid\nr1,A,2026-03-20,2026-03-20T15:00,31\n");
        TempDirs.write(data, "cases/other-team.csv", "case_id,unit,opened_at,decided_at,behandlingstid\nr2,Z,2026-03-20,2026-03-20T15:00,31\n");
        TempDirs.write(data, "cases/typo.csv", "case_id,unit,opened_at,decided_at,handling_minuts\nr3,A,2026-03-21,2026-03-21T15:00,31\n");
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC);
        Path out = tmp.resolve("out");
        Capture.stderr(() -> Capture.stdout(() -> assertThat(TinyRuns.run(pilots, data, out, "2026-03-31")).isEqualTo(0)));

        JsonNode doc = SampleRun.json(out.resolve("decisions/small.json"));
        JsonNode flag = null;
        for (JsonNode f : doc.path("health")) if (f.path("code").asText().equals("column_missing")) flag = f;
        assertThat(flag).as("health: " + doc.path("health")).isNotNull();
        assertThat(flag.path("severity").asText()).isEqualTo("warning");
        assertThat(flag.path("column").asText()).isEqualTo("handling_minutes");
        assertThat(flag.path("files")).as("not another team's file, nor the misspelt one, which column_typo tells").hasSize(1);
        assertThat(SampleRun.healthFlag(doc, "column_typo")).isNotNull();
        assertThat(flag.path("files").path(0).path("path").asText()).isEqualTo("cases/renamed.csv");
        assertThat(flag.path("text_en").asText()).isEqualTo("Column 'handling_minutes' is missing from cases (cases/renamed.csv), so their rows give nothing to "
            + "Handling time. Fix: give the export the column 'handling_minutes' (docs/contract.md); a changed file is read again the following night.");
        assertThat(flag.path("text_da").asText()).startsWith("Kolonnen 'handling_minutes' mangler i sager (cases/renamed.csv), så deres rækker giver intet til Sagsbehandlingstid.");
        assertThat(Files.readString(out.resolve("dashboard/small.html"))).contains("Kolonnen 'handling_minutes' mangler i sager");
    }
}

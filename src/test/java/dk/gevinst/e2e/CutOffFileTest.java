package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TinyRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file re-exported while the export was still writing replaces its whole previous version, so the rows it
 * lacks vanish; before, with exit 0 and no word. Now the manifest names it and the pilot is flagged as
 * resting on partial data, until the whole file is delivered again.
 */
class CutOffFileTest {
    @Test
    void aReExportCutOffMidLineIsNamedInTheManifestAndFlagsThePilotPartialUntilItIsWholeAgain(@TempDir Path tmp) throws Exception {
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC);
        Path data = TinyRuns.data(tmp.resolve("data"));
        Path file = data.resolve("cases/cases.csv");
        String whole = Files.readString(file);
        Path out = tmp.resolve("out");
        assertThat(TinyRuns.run(pilots, data, out, "2026-03-29")).isZero();
        assertThat(SampleRun.lastManifest(out).path("cut_off_files")).isEmpty();
        assertThat(SampleRun.json(out.resolve("decisions/small.json")).path("partial_data").asBoolean()).isFalse();

        // Cut two thirds in, mid-line: fewer rows than before and a last line that is no whole record.
        int cut = whole.indexOf('\n', whole.length() * 2 / 3) + 12;
        Files.writeString(file, whole.substring(0, cut));
        TinyRuns.run(pilots, data, out, "2026-03-30");
        JsonNode cutOff = SampleRun.lastManifest(out).path("cut_off_files");
        assertThat(cutOff).hasSize(1);
        assertThat(cutOff.get(0).path("path").asText()).isEqualTo("cases/cases.csv");
        assertThat(cutOff.get(0).path("message").asText()).contains("rows where the version it replaces").contains("had 48")
            .contains("its last line has no line end and 3 fields where the header has 5").contains("Re-deliver the whole file");
        assertThat(cutOff.get(0).path("rows_read").asLong()).as("32 whole rows and the cut one").isEqualTo(33);
        assertThat(cutOff.get(0).path("replaced_rows_read").asLong()).isEqualTo(48);
        JsonNode doc = SampleRun.json(out.resolve("decisions/small.json"));
        assertThat(doc.path("partial_data").asBoolean()).isTrue();
        JsonNode flag = SampleRun.healthFlag(doc, "partial_data");
        assertThat(flag.path("severity").asText()).isEqualTo("warning");
        assertThat(flag.path("text_da").asText()).contains("En fil ser afskåret ud (cases/cases.csv)");
        assertThat(flag.path("text_en").asText()).contains("A file looks cut off during export (cases/cases.csv)");
        assertThat(flag.path("files").get(0).path("message").asText()).isEqualTo(cutOff.get(0).path("message").asText());

        // The whole file again: nothing is cut off, and the flag goes.
        Files.writeString(file, whole + "c999,A,2026-03-28,2026-03-28T16:00,31\n");
        TinyRuns.run(pilots, data, out, "2026-03-31");
        assertThat(SampleRun.lastManifest(out).path("cut_off_files")).isEmpty();
        assertThat(SampleRun.json(out.resolve("decisions/small.json")).path("partial_data").asBoolean()).isFalse();
    }

    @Test
    void aFileThatLostMostOfItsRowsToQuarantineFlagsThePilotPartialUntilItIsFixed(@TempDir Path tmp) throws Exception {
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC);
        Path data = TinyRuns.data(tmp.resolve("data"));
        // A month exported with its dates month-first: no row has a day-first date, so every row is quarantined.
        StringBuilder us = new StringBuilder("case_id,unit,opened_at,decided_at,handling_minutes\n");
        for (int d = 16; d <= 27; d++) us.append("u").append(d).append(",A,03/").append(d).append("/2026,03/").append(d).append("/2026 15:00,40\n");
        TempDirs.write(data, "cases/us.csv", us.toString());
        Path out = tmp.resolve("out");
        TinyRuns.run(pilots, data, out, "2026-03-29");
        JsonNode doc = SampleRun.json(out.resolve("decisions/small.json"));
        assertThat(doc.path("partial_data").asBoolean()).isTrue();
        JsonNode flag = SampleRun.healthFlag(doc, "partial_data");
        assertThat(flag.path("text_en").asText()).startsWith("A file lost half or more of its rows to quarantine (cases/us.csv: 12 of 12, mostly bad_value:opened_at)");
        assertThat(flag.path("text_da").asText()).startsWith("En fil mistede halvdelen eller flere af rækkerne til karantæne (cases/us.csv: 12 af 12, oftest bad_value:opened_at)");
        assertThat(flag.path("files").get(0).path("message").asText()).isEqualTo("12 of 12 rows quarantined, mostly bad_value:opened_at");

        // Re-exported day-first: read, and the flag goes.
        TempDirs.write(data, "cases/us.csv", us.toString().replaceAll("03/(\\d\\d)/2026", "$1.03.2026"));
        TinyRuns.run(pilots, data, out, "2026-03-30");
        assertThat(SampleRun.json(out.resolve("decisions/small.json")).path("partial_data").asBoolean()).isFalse();
    }

    @Test
    void aNewFileCutOffMidLineSaysItEndsMidRecordNotThatItHasFewerRowsThanAVersionItDoesNotReplace(@TempDir Path tmp) throws Exception {
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC);
        Path data = TinyRuns.data(tmp.resolve("data"));
        // A second file of cases, new tonight, whose export stopped mid-line: nothing earlier of it exists.
        String late = "case_id,unit,opened_at,decided_at,handling_minutes\n"
            + "n1,A,2026-03-27,2026-03-27T15:00,33\nn2,B,2026-03-27,2026-03-27T15:00,35\nn3,A,2026-03-2";
        TempDirs.write(data, "cases/late.csv", late);
        Path out = tmp.resolve("out");
        TinyRuns.run(pilots, data, out, "2026-03-29");

        JsonNode cutOff = SampleRun.lastManifest(out).path("cut_off_files");
        assertThat(cutOff).hasSize(1);
        assertThat(cutOff.get(0).path("path").asText()).isEqualTo("cases/late.csv");
        assertThat(cutOff.get(0).path("message").asText())
            .startsWith("its last line has no line end and 3 fields where the header has 5")
            .contains("new file (no earlier version)").contains("ends mid-record").contains("Re-deliver the whole file")
            .doesNotContain("version it replaces").doesNotContain("no longer used");
        assertThat(cutOff.get(0).path("rows_read").asLong()).isEqualTo(3);
        assertThat(cutOff.get(0).has("replaced_rows_read")).as("a new file replaces no version").isFalse();
        JsonNode flag = SampleRun.healthFlag(SampleRun.json(out.resolve("decisions/small.json")), "partial_data");
        assertThat(flag.path("text_en").asText()).contains("A file looks cut off during export (cases/late.csv): a last line without a line end")
            .doesNotContain("fewer rows");
        assertThat(flag.path("text_da").asText()).contains("En fil ser afskåret ud (cases/late.csv): en sidste linje uden linjeskift")
            .doesNotContain("færre rækker");
    }
}

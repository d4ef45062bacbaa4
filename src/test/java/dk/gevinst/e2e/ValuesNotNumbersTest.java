package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TestSpark;
import dk.gevinst.testing.TinyRuns;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A custom indicator's column (`column: fte`, an extra column of the case exports) observes a case only when its
 * value is a number within ±10,000,000. The other values are not lost in silence: ingest counts them per file, and
 * the pilot whose indicator reads the column gets a warning naming the column, the indicator, how many and the fix.
 * An empty value is no value at all, and a pilot that does not read the column is not told.
 */
class ValuesNotNumbersTest {
    private static final String READS_FTE = TinyRuns.GOOD_SPEC.replace("  handling_time: {role: success, mde: \"10%\"}\n",
        "  handling_time: {role: success, mde: \"10%\"}\n  fte: {role: descriptive, column: fte, direction: higher_is_better}\n");
    private static final String OTHER = TinyRuns.GOOD_SPEC.replace("id: small", "id: other");

    @Test
    void valuesThatAreNoNumberAreCountedAndNamedOnThePilotThatReadsTheColumn(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        StringBuilder first = new StringBuilder("case_id,unit,opened_at,decided_at,handling_minutes,fte\n");
        StringBuilder second = new StringBuilder("case_id;unit;opened_at;decided_at;handling_minutes;fte\n");
        int id = 0, numbers = 0;
        for (String unit : List.of("A", "B")) {
            for (int d = 5; d <= 28; d++) {
                String day = "2026-" + (d < 16 ? "01" : "03") + "-" + String.format("%02d", d);
                id++;
                // Every eighth value is text, one is beyond the range, one is empty; the rest are numbers.
                String fte = id % 8 == 0 ? "ukendt" : id == 5 ? "5e10" : id == 7 ? "" : "0." + (id % 9 + 1);
                if (!fte.isEmpty() && id % 8 != 0 && id != 5) numbers++;
                // The B unit's cases come in a semicolon export with decimal commas: "0,5" is a number there.
                if (unit.equals("A")) first.append(String.join(",", "c" + id, unit, day, day + "T15:00", "30", fte)).append('\n');
                else second.append(String.join(";", "c" + id, unit, day, day + "T15:00", "30", fte.replace('.', ','))).append('\n');
            }
        }
        TempDirs.write(data, "cases/a.csv", first.toString());
        TempDirs.write(data, "cases/b.csv", second.toString());
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", READS_FTE);
        TempDirs.write(pilots, "other.yaml", OTHER);
        Path out = tmp.resolve("out");

        assertThat(TinyRuns.run(pilots, data, out, TinyRuns.NEWEST)).isZero();

        JsonNode flag = SampleRun.healthFlag(SampleRun.json(out.resolve("decisions/small.json")), "values_not_numbers");
        // c8, c16, c24 in a.csv, c32, c40, c48 in b.csv are text; c5 in a.csv is 5e10.
        assertThat(flag.path("severity").asText()).isEqualTo("warning");
        assertThat(flag.path("column").asText()).isEqualTo("fte");
        assertThat(flag.path("values").asLong()).isEqualTo(7);
        assertThat(flag.path("indicators").toString()).isEqualTo("[\"fte\"]");
        assertThat(flag.path("files").findValuesAsText("path")).containsExactly("cases/a.csv", "cases/b.csv");
        assertThat(flag.path("files").findValuesAsText("message"))
            .containsExactly("4 values of column 'fte' are not a number within ±10,000,000", "3 values of column 'fte' are not a number within ±10,000,000");
        assertThat(flag.path("text_da").asText()).startsWith("7 værdier i kolonnen 'fte' i sagerne (cases/a.csv, cases/b.csv)")
            .contains("indgår ikke i fte").contains("Ret: eksportér kolonnen som tal");
        assertThat(flag.path("text_en").asText()).startsWith("7 values of column 'fte' in the cases (cases/a.csv, cases/b.csv)")
            .contains("left out of fte").contains("Fix: export the column as numbers");

        assertThat(SampleRun.json(out.resolve("decisions/other.json")).path("health").findValuesAsText("code"))
            .as("a pilot that does not read the column").doesNotContain("values_not_numbers");
        // One case per unit and day, so a day cell is one case (its n is suppressed as a small cell): the cells count the cases.
        var cells = TestSpark.session().read().parquet(out.resolve("tables/cell_stats").toString()).filter("pilot_id = 'small'");
        assertThat(cells.filter("indicator = 'handling_time'").count()).as("every case").isEqualTo(48);
        assertThat(cells.filter("indicator = 'fte'").count()).as("the cases whose fte is a number within the range, and only they")
            .isEqualTo(numbers).isEqualTo(40);
    }
}

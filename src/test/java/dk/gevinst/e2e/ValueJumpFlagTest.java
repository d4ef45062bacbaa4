package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.testing.Capture;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TinyRuns;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team's week far from its usual level is a health warning on the pilot's page, end to end. */
class ValueJumpFlagTest {
    /** A stranger's export with handling minutes ×10 for a week read as 'rose 252 %', with no word of the jump. */
    @Test
    void aTeamsWeekTenTimesItsUsualLevelIsAHealthWarning(@TempDir Path tmp) throws Exception {
        StringBuilder csv = new StringBuilder("case_id,unit,opened_at,decided_at,handling_minutes\n");
        java.time.LocalDate monday = java.time.LocalDate.of(2026, 1, 5);
        int id = 0;
        for (String unit : java.util.List.of("A", "B")) {
            for (int w = 0; w < 10; w++) {
                for (int c = 0; c < 12; c++) {
                    java.time.LocalDate day = monday.plusWeeks(w).plusDays(c % 5);
                    int minutes = 30 + (id * 7) % 11;
                    if (unit.equals("A") && w == 6) minutes *= 10;
                    csv.append("c").append(++id).append(',').append(unit).append(',').append(day).append(',').append(day).append("T15:00,").append(minutes).append('\n');
                }
            }
        }
        Path data = tmp.resolve("data");
        TempDirs.write(data, "cases/cases.csv", csv.toString());
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC.replace("start: 2026-03-02", "start: 2026-02-02"));
        Path out = tmp.resolve("out");
        Capture.stderr(() -> Capture.stdout(() -> TinyRuns.run(pilots, data, out, "2026-03-15")));

        JsonNode flag = SampleRun.healthFlag(SampleRun.json(out.resolve("decisions/small.json")), "value_jump");
        assertThat(flag).isNotNull();
        assertThat(flag.path("weeks")).hasSize(1);
        assertThat(flag.path("weeks").path(0).path("unit").asText()).isEqualTo("A");
        assertThat(flag.path("weeks").path(0).path("week").asText()).isEqualTo("2026-02-16");
        assertThat(flag.path("text_en").asText()).contains("Handling time in A in the week of 16\u00a0February\u00a02026");
    }
}

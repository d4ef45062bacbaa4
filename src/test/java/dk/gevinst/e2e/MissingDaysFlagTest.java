package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.testing.Capture;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TinyRuns;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A day's export of one system that is missing, then delivered a week late, end to end. */
class MissingDaysFlagTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 1, 5);
    private static final LocalDate LAST = LocalDate.of(2026, 3, 27);
    private static final LocalDate MISSING = LocalDate.of(2026, 3, 11);

    /** One system's export for a team: 14 cases each weekday decided that day, the days {@code keep} accepts. */
    private static String export(String unit, Predicate<LocalDate> keep) {
        StringBuilder csv = new StringBuilder("case_id,unit,opened_at,decided_at,handling_minutes\n");
        int id = 0;
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) continue;
            for (int c = 0; c < 14; c++, id++) {
                if (keep.test(d)) csv.append(unit).append(id).append(',').append(unit).append(',').append(d).append(',').append(d).append("T14:00,")
                    .append(30 + id % 11).append('\n');
            }
        }
        return csv.toString();
    }

    /**
     * A night operator left out one day of one system's exports, and later delivered it a week late: neither night
     * said anything, since freshness reads only the newest day.
     */
    @Test
    void aTeamsMissingDayIsAWarningUntilItsExportArrives(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        TempDirs.write(data, "cases/system-a.csv", export("A", d -> !d.equals(MISSING)));
        TempDirs.write(data, "cases/system-b.csv", export("B", d -> true));
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC);
        Path out = tmp.resolve("out");
        Capture.stderr(() -> Capture.stdout(() -> TinyRuns.run(pilots, data, out, "2026-03-28")));

        JsonNode doc = SampleRun.json(out.resolve("decisions/small.json"));
        JsonNode flag = SampleRun.healthFlag(doc, "missing_days");
        assertThat(flag).as("health: %s", doc.path("health")).isNotNull();
        assertThat(flag.path("severity").asText()).isEqualTo("warning");
        assertThat(flag.path("gaps")).hasSize(1);
        assertThat(flag.path("gaps").path(0).path("unit").asText()).isEqualTo("A");
        assertThat(flag.path("gaps").path(0).path("from").asText()).isEqualTo(MISSING.toString());
        assertThat(flag.path("text_da").asText()).contains("A den 11.\u00a0marts\u00a02026 (plejer at have 14 afgjorte sager)");
        assertThat(doc.path("stale_data").asBoolean()).as("the newest day is on time").isFalse();

        // The day's export arrives a week late, as a file of its own: the next night counts it and says nothing.
        TempDirs.write(data, "cases/system-a-2026-03-11.csv", export("A", MISSING::equals));
        Capture.stderr(() -> Capture.stdout(() -> TinyRuns.run(pilots, data, out, "2026-03-29")));
        JsonNode later = SampleRun.json(out.resolve("decisions/small.json"));
        assertThat(later.path("as_of").asText()).isEqualTo("2026-03-29");
        assertThat(later.path("health").findValuesAsText("code")).as("health: %s", later.path("health")).isNotEmpty().doesNotContain("missing_days");
    }
}

package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.testing.Capture;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TinyRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A night that has not happened is never decided for real, and no run freezes a final analysis from data
 * that does not reach its night: the fixed-horizon look is made once, and a later night would publish it.
 */
class FutureNightsTest {
    private static final String ENDED = TinyRuns.GOOD_SPEC.replace("end: 2026-06-30", "end: 2026-03-25");

    @Test
    void aFutureAsOfIsRefusedUnlessItIsASimulationInAFolderOfItsOwn(@TempDir Path tmp) throws Exception {
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC);
        Path data = TinyRuns.data(tmp.resolve("data"));
        Path out = tmp.resolve("out");
        String future = Capture.stderr(() -> assertThat(TinyRuns.run(pilots, data, out, "2999-01-01")).isEqualTo(2));
        assertThat(future).contains("--as-of 2999-01-01 is after today").contains("--simulation").doesNotContain("\tat ");
        assertThat(out.resolve("decisions")).doesNotExist();
        String huge = Capture.stderr(() -> assertThat(TinyRuns.run(pilots, data, out, "+10000-01-01")).isEqualTo(2));
        assertThat(huge).contains("--as-of is '+10000-01-01'; write a date as YYYY-MM-DD (a four-digit year)");

        assertThat(TinyRuns.run(pilots, data, out, "2026-03-31")).isZero();
        String mixed = Capture.stderr(() -> assertThat(TinyRuns.run(pilots, data, out, "2999-01-01", "--simulation")).isEqualTo(2));
        assertThat(mixed).contains("--simulation needs an output folder of its own").contains("holds real runs");

        Path sim = tmp.resolve("simulated");
        assertThat(TinyRuns.run(pilots, data, sim, "2999-01-01", "--simulation")).as("stale, as every future night is").isEqualTo(5);
        assertThat(SampleRun.json(sim.resolve("decisions/small.json")).path("simulation").asBoolean()).isTrue();
        assertThat(sim.resolve("_state/final")).as("nothing frozen from a night beyond the data").doesNotExist();
        String real = Capture.stderr(() -> assertThat(TinyRuns.run(pilots, data, sim, "2026-03-31")).isEqualTo(2));
        assertThat(real).contains("holds simulated nights");
    }

    @Test
    void theFinalAnalysisIsFrozenOnlyWhenTheDataReachesTheNight(@TempDir Path tmp) throws Exception {
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", ENDED);
        Path data = TinyRuns.data(tmp.resolve("data"));
        Path late = tmp.resolve("late");
        assertThat(TinyRuns.run(pilots, data, late, "2026-03-30")).isZero();
        assertThat(SampleRun.json(late.resolve("decisions/small.json")).path("analysis").asText()).isEqualTo("final");
        assertThat(late.resolve("_state/final/small.json")).as("newest data " + TinyRuns.NEWEST + ", night 2026-03-30").doesNotExist();

        Path onTime = tmp.resolve("on-time");
        assertThat(TinyRuns.run(pilots, data, onTime, TinyRuns.NEWEST)).isZero();
        assertThat(onTime.resolve("_state/final/small.json")).exists();
        assertThat(Files.readString(onTime.resolve("_state/final/small.json"))).contains("\"frozen_on\" : \"" + TinyRuns.NEWEST + "\"");
    }

    @Test
    void anIndicatorWhoseSourceLagsFreezesOnlyWhenItsOwnDataReachTheNight(@TempDir Path tmp) throws Exception {
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", ENDED.replace("indicators:\n", "indicators:\n  adoption: {role: descriptive}\n"));
        Path data = TinyRuns.data(tmp.resolve("data"));
        TempDirs.write(data, "usage/usage-1.csv", usage("2026-01-05", "2026-03-06"));
        Path out = tmp.resolve("out");

        // The cases reach the night; the usage exports stop three weeks earlier.
        assertThat(TinyRuns.run(pilots, data, out, TinyRuns.NEWEST)).isZero();
        JsonNode kept = SampleRun.json(out.resolve("_state/final/small.json")).path("indicators");
        assertThat(kept.has("handling_time")).isTrue();
        assertThat(kept.has("adoption")).as("adoption's data end on 2026-03-06").isFalse();
        JsonNode adoption = indicator(SampleRun.json(out.resolve("decisions/small.json")), "adoption");
        assertThat(adoption.path("fixed").isObject()).as("a final analysis is made, just not kept").isTrue();
        assertThat(adoption.path("fixed").has("frozen_on")).isFalse();
        String explained = Capture.stdout(() -> dk.gevinst.cli.Main.execute("explain", "small", "--out", out.toString(), "--locale", "en"));
        assertThat(explained).contains("final analysis of the data up to 2026-03-25, not frozen yet: it is made again each night until the data it rests on are complete")
            .contains("final analysis of the data up to 2026-03-25, made and frozen on " + TinyRuns.NEWEST);

        // The missing weeks arrive, through the week after the end's: adoption's final analysis is made with them, and
        // kept from this night.
        TempDirs.write(data, "usage/usage-2.csv", usage("2026-03-09", "2026-03-30"));
        assertThat(TinyRuns.run(pilots, data, out, "2026-03-31")).isZero();
        kept = SampleRun.json(out.resolve("_state/final/small.json")).path("indicators");
        assertThat(kept.path("handling_time").path("frozen_on").asText()).isEqualTo(TinyRuns.NEWEST);
        assertThat(kept.path("adoption").path("frozen_on").asText()).isEqualTo("2026-03-31");
        assertThat(indicator(SampleRun.json(out.resolve("decisions/small.json")), "adoption").path("fixed").path("frozen_on").asText())
            .isEqualTo("2026-03-31");
    }

    /** Six users a unit, each active on the Monday of most weeks from {@code from} to {@code to} (never all, never none). */
    private static String usage(String from, String to) {
        StringBuilder csv = new StringBuilder("user_id,unit,day,active_minutes\n");
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.MONDAY) continue;
            for (String unit : List.of("A", "B")) {
                for (int u = 1; u <= 6; u++) {
                    boolean active = (d.getDayOfYear() / 7 + u) % 3 != 0;
                    csv.append("u").append(unit).append(u).append(',').append(unit).append(',').append(d).append(active ? ",30\n" : ",0\n");
                }
            }
        }
        return csv.toString();
    }

    private static JsonNode indicator(JsonNode doc, String id) {
        for (JsonNode i : doc.path("indicators")) if (id.equals(i.path("id").asText())) return i;
        throw new AssertionError("no indicator " + id + " in " + doc);
    }
}

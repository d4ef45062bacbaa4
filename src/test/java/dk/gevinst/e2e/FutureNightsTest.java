package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.testing.Capture;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TinyRuns;
import java.nio.file.Files;
import java.nio.file.Path;
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
}

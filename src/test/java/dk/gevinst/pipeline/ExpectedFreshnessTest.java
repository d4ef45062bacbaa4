package dk.gevinst.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.indicator.Catalog;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A stranger's exports all came on time, yet the night a 14-day ramp-up ended was stale ('newest from 31 May, should
 * reach 10 June'): the ramp-up has no cells by design, so no export could reach a day inside it.
 */
class ExpectedFreshnessTest {
    @Test
    void theDayASourceShouldReachIsNeverADayOfTheRampUp() throws Exception {
        PilotSpec spec = new PilotSpecParser(Catalog.builtIn()).parse("p.yaml", """
            id: p
            title: P
            start: 2026-06-01
            end: 2026-10-30
            baseline_start: 2026-01-05
            ramp_up_days: 14
            arms: {pilot: [A], control: [B]}
            indicators:
              handling_time: {role: success, mde: "10%"}
            """);
        LocalDate postStart = LocalDate.of(2026, 6, 15);
        assertThat(spec.postStart()).isEqualTo(postStart);
        // The night the ramp-up ends, and the days after, until five days of the pilot period have passed.
        assertThat(PilotHealth.expectedFrom(spec, postStart, 5)).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(PilotHealth.expectedFrom(spec, postStart.plusDays(4), 5)).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(PilotHealth.expectedFrom(spec, postStart.plusDays(5), 5)).isEqualTo(postStart);
        // Before the start, as before.
        assertThat(PilotHealth.expectedFrom(spec, LocalDate.of(2026, 5, 20), 5)).isEqualTo(LocalDate.of(2026, 5, 15));
    }
}

package dk.gevinst.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.source.Source;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Freshness judged by what a source's newest cell may hold. */
class PilotHealthTest {
    @Test
    void aUsageWeekReachesItsSundayWhileADayCellReachesItsDay() {
        LocalDate monday = LocalDate.of(2026, 11, 23);
        // Usage rows through Sunday 29 November, judged on Tuesday 1 December with a limit of 7 days (from 24 November):
        // its Monday alone would be stale, the week it stands for is not.
        assertThat(PilotHealth.reaches(Source.USAGE, monday)).isEqualTo(LocalDate.of(2026, 11, 29)).isAfter(LocalDate.of(2026, 11, 24));
        assertThat(PilotHealth.reaches(Source.CASES, monday)).isEqualTo(monday);
        assertThat(PilotHealth.reaches(Source.SURVEY_RESPONSES, monday)).isEqualTo(monday);
        assertThat(PilotHealth.reaches(Source.USAGE, null)).isNull();
    }
}

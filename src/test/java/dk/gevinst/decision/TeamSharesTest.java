package dk.gevinst.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dk.gevinst.cells.Arm;
import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.Period;
import dk.gevinst.stats.Interval;
import dk.gevinst.stats.Moments;
import dk.gevinst.stats.WilsonInterval;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pilot's descriptive preference share: honest about the teams its respondents sit in. */
class TeamSharesTest {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    @Test
    void twoTeamsThatDisagreeGiveAFarWiderIntervalThanTheirRespondentsCountedAlone() {
        List<CellStats> days = new ArrayList<>();
        days.add(answers("Team A", Arm.PILOT, Period.POST, 40, 36));
        days.add(answers("Team B", Arm.PILOT, Period.POST, 40, 4));
        Interval naive = WilsonInterval.of(40, 80, 0.05);

        Interval honest = TeamShares.descriptive(days, DAY, 0.05);

        assertThat(naive.low()).isGreaterThan(0.38);
        assertThat(honest.low()).as("80 answers from two teams that disagree say little about the next team").isLessThan(0.2);
        assertThat(honest.high()).isGreaterThan(0.8);
    }

    @Test
    void oneTeamIsItsRespondentsAndOtherArmsAndPeriodsDoNotCount() {
        List<CellStats> days = List.of(answers("Team A", Arm.PILOT, Period.POST, 30, 21), answers("Team A", Arm.PILOT, Period.PRE, 30, 3),
            answers("Kontrol", Arm.CONTROL, Period.POST, 30, 0));

        Interval share = TeamShares.descriptive(days, DAY, 0.05);

        Interval alone = WilsonInterval.of(21, 30, 0.05);
        assertThat(share.low()).isCloseTo(alone.low(), within(1e-12));
        assertThat(share.high()).isCloseTo(alone.high(), within(1e-12));
    }

    private static CellStats answers(String unit, Arm arm, Period period, int n, int yes) {
        return new CellStats("p", "preference", unit, arm, period, DAY.minusDays(3), new Moments(n, yes, yes));
    }
}

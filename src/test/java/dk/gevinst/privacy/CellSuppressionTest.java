package dk.gevinst.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.cells.Arm;
import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.Period;
import dk.gevinst.stats.Moments;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The k ≥ 5 decision over one pilot's day cells of one indicator, whatever order the cells come in. */
class CellSuppressionTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 6, 1);

    private static CellStats day(String unit, Arm arm, int weekday, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 30 + i;
        return new CellStats("p", "handling_time", unit, arm, Period.POST, MONDAY.plusDays(weekday), Moments.of(x));
    }

    @Test
    void aWeekWhoseDaysAreInterruptedByAnotherUnitCountsAllOfThem() {
        // Nord's two days of three cases each are small, its week of six is not; Syd's day of ten stands alone.
        List<CellStats> interrupted = List.of(day("Nord", Arm.PILOT, 3, 3), day("Syd", Arm.CONTROL, 3, 10), day("Nord", Arm.PILOT, 4, 3));
        List<CellStats> adjacent = List.of(interrupted.get(0), interrupted.get(2), interrupted.get(1));
        CellSuppression a = CellSuppression.of(interrupted, true), b = CellSuppression.of(adjacent, true);
        assertThat(a.cell(0)).isTrue();
        assertThat(a.cell(2)).isTrue();
        assertThat(a.cell(1)).isFalse();
        assertThat(a.unitPeriodWeek("Nord", Arm.PILOT, Period.POST, MONDAY)).isFalse();
        assertThat(a.unitWeek("Nord", Arm.PILOT, MONDAY)).isFalse();
        // The same figures hidden as when Nord's days come together.
        for (CellSuppression s : List.of(a, b)) {
            assertThat(s.unitPeriodWeek("Nord", Arm.PILOT, Period.POST, MONDAY)).isEqualTo(b.unitPeriodWeek("Nord", Arm.PILOT, Period.POST, MONDAY));
            assertThat(s.unitPeriod("Nord", Arm.PILOT, Period.POST)).isEqualTo(b.unitPeriod("Nord", Arm.PILOT, Period.POST));
            assertThat(s.armPeriod(Arm.PILOT, Period.POST)).isEqualTo(b.armPeriod(Arm.PILOT, Period.POST));
            assertThat(s.armWeek(Arm.CONTROL, MONDAY)).isEqualTo(b.armWeek(Arm.CONTROL, MONDAY));
            assertThat(s.total()).isEqualTo(b.total());
        }
        assertThat(b.cell(0)).isTrue();
        assertThat(b.cell(1)).isTrue();
        assertThat(b.cell(2)).isFalse();
    }
}

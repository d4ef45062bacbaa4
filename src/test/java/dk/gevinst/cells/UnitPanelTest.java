package dk.gevinst.cells;

import static dk.gevinst.testing.TestCells.cell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.gevinst.stats.Moments;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnitPanelTest {
    /** Monday 2 March 2026; the pilot starts on Wednesday 4 March, so this week straddles the start. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    private static CellStats day(String unit, Arm arm, Period period, LocalDate day, Moments m) {
        return new CellStats("p", "handling_time", unit, arm, period, day, m);
    }

    /** Random day cells for two pilot units and two control units, over eight weeks around the start. */
    private static List<CellStats> randomCells(long seed) {
        Random random = new Random(seed);
        List<CellStats> cells = new ArrayList<>();
        String[][] units = {{"Nord", "PILOT"}, {"Øst", "PILOT"}, {"Syd", "CONTROL"}, {"Vest", "CONTROL"}};
        for (String[] u : units) {
            for (LocalDate d = MONDAY.minusWeeks(4); d.isBefore(MONDAY.plusWeeks(4)); d = d.plusDays(1)) {
                if (random.nextInt(4) == 0) continue;
                Period period = d.isBefore(MONDAY.plusDays(2)) ? Period.PRE : Period.POST;
                cells.add(day(u[0], Arm.valueOf(u[1]), period, d, cell(1 + random.nextInt(30), 40 + random.nextGaussian() * 5, 8)));
            }
        }
        return cells;
    }

    @Test
    void unitsSumToTheArmTotalsTheDecisionUses() {
        List<CellStats> cells = randomCells(7);
        UnitPanel panel = new CellTable(cells).panel("p", "handling_time");

        assertThat(panel.units()).containsExactly("Nord", "Øst", "Syd", "Vest");
        assertThat(panel.units(Arm.PILOT)).containsExactly("Nord", "Øst");
        assertThat(panel.arm("Syd")).isEqualTo(Arm.CONTROL);
        for (Arm arm : Arm.values()) {
            for (Period period : Period.values()) {
                Moments fromUnits = Moments.EMPTY;
                for (String unit : panel.units(arm)) {
                    for (Moments m : panel.weeks(unit, period).values()) fromUnits = fromUnits.plus(m);
                }
                Moments armTotal = CellTable.total(cells, arm, period, null);
                assertThat(armTotal.n()).isPositive();
                assertThat(fromUnits.n()).isEqualTo(armTotal.n());
                assertThat(fromUnits.sum()).isCloseTo(armTotal.sum(), org.assertj.core.data.Offset.offset(1e-6));
                assertThat(fromUnits.sumSq()).isCloseTo(armTotal.sumSq(), org.assertj.core.data.Offset.offset(1e-3));
                assertThat(panel.total(arm, period).n()).isEqualTo(armTotal.n());
            }
        }
    }

    @Test
    void aWeekStraddlingTheStartIsSplitByPeriod() {
        List<CellStats> cells = List.of(
            day("Nord", Arm.PILOT, Period.PRE, MONDAY, Moments.of(10, 20)),
            day("Nord", Arm.PILOT, Period.PRE, MONDAY.plusDays(1), Moments.of(30)),
            day("Nord", Arm.PILOT, Period.POST, MONDAY.plusDays(2), Moments.of(5)),
            day("Nord", Arm.PILOT, Period.POST, MONDAY.plusDays(8), Moments.of(7, 9)));
        UnitPanel panel = UnitPanel.of("p", "handling_time", cells, null);

        assertThat(panel.weeks("Nord", Period.PRE)).containsExactly(java.util.Map.entry(MONDAY, Moments.of(10, 20, 30)));
        assertThat(panel.weeks("Nord", Period.POST)).containsExactly(
            java.util.Map.entry(MONDAY, Moments.of(5)), java.util.Map.entry(MONDAY.plusWeeks(1), Moments.of(7, 9)));
        assertThat(panel.weeks(Period.POST)).containsExactly(MONDAY, MONDAY.plusWeeks(1));
    }

    @Test
    void aLastDayLeavesOutLaterDaysAndTechnicalMetricsHaveNoUnit() {
        List<CellStats> cells = List.of(
            new CellStats("p", "query_seconds", null, Arm.PILOT, Period.POST, MONDAY, Moments.of(3)),
            new CellStats("p", "query_seconds", null, Arm.PILOT, Period.POST, MONDAY.plusDays(9), Moments.of(2)));
        UnitPanel panel = UnitPanel.of("p", "query_seconds", cells, MONDAY.plusDays(6));

        assertThat(panel.units()).containsExactly((String) null);
        assertThat(panel.weeks(null, Period.POST)).containsExactly(java.util.Map.entry(MONDAY, Moments.of(3)));
    }

    @Test
    void isImmutableAndHoldsOnePilotAndIndicator() {
        UnitPanel panel = new CellTable(randomCells(3)).panel("p", "handling_time");
        assertThatThrownBy(() -> panel.series().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> panel.weeks("Nord", Period.PRE).clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new CellTable(randomCells(3)).panel("other", "handling_time").series()).isEmpty();
        assertThatThrownBy(() -> UnitPanel.of("q", "handling_time", randomCells(3), null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(q, handling_time)");
    }

    @Test
    void aSeriesWhoseCellsAreInterruptedByAnotherSeriesStillSumsAllOfThem() {
        Moments first = Moments.of(30, 40), other = Moments.of(50), again = Moments.of(35);
        LocalDate thursday = MONDAY.plusDays(3);
        UnitPanel panel = UnitPanel.of("p", "handling_time", List.of(day("Nord", Arm.PILOT, Period.POST, thursday, first),
            day("Syd", Arm.CONTROL, Period.POST, thursday, other), day("Nord", Arm.PILOT, Period.POST, thursday.plusDays(1), again)), null);
        assertThat(panel.series()).hasSize(2);
        assertThat(panel.weeks("Nord", Period.POST)).containsExactly(java.util.Map.entry(MONDAY, first.plus(again)));
        assertThat(panel.weeks("Syd", Period.POST)).containsExactly(java.util.Map.entry(MONDAY, other));
    }
}

package dk.gevinst.cells;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.stats.Moments;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The cheap forms the driver uses for 200 pilots' cells give what the plain forms gave: the order cells are
 * kept in, and the Monday that names a day's week.
 */
class CellOrderTest {
    @Test
    void cellsSortAsByPilotIndicatorUnitNoneFirstArmPeriodAndDay() {
        Random random = new Random(11);
        String[] pilots = {"chatbot-001", "chatbot-010", "datalake-002", "sagsoverblik"};
        String[] indicators = {"handling_time", "processing_time", "uptime"};
        String[] units = {null, "Ydelse Nord", "Ydelse Syd", "Jobcenter Øst"};
        List<CellStats> cells = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            // new String: equal units that are different objects must still compare by their text.
            String unit = units[random.nextInt(units.length)];
            cells.add(new CellStats(pilots[random.nextInt(pilots.length)], indicators[random.nextInt(indicators.length)],
                unit == null ? null : new String(unit), Arm.values()[random.nextInt(2)], Period.values()[random.nextInt(2)],
                LocalDate.of(2026, 1, 1).plusDays(random.nextInt(40)), new Moments(1, 1, 1)));
        }
        Comparator<CellStats> plain = Comparator.comparing(CellStats::pilotId).thenComparing(CellStats::indicatorId)
            .thenComparing(CellStats::unit, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(CellStats::arm).thenComparing(CellStats::period).thenComparing(CellStats::day);
        List<CellStats> expected = new ArrayList<>(cells);
        expected.sort(plain);
        Collections.shuffle(cells, random);
        cells.sort(CellTable.ORDER);
        assertThat(cells).containsExactlyElementsOf(expected);
        assertThat(cells.get(0).unit()).as("no unit sorts first").isNull();
    }

    @Test
    void strataSumAsAPlainGroupingSumsThemInTheOrderGivenAndInAnyOther() {
        Random random = new Random(5);
        // A source without case types (null) beside case strata, as a pilot with surveys and cases has.
        String[] strata = {null, CellStats.NO_CASE_TYPE, "Bolig", "Pension"};
        List<CellStats> cells = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            cells.add(new CellStats("p" + random.nextInt(3), random.nextBoolean() ? "handling_time" : "processing_days",
                random.nextInt(5) == 0 ? null : new String("Team " + random.nextInt(4)), strata[random.nextInt(4)], Arm.values()[random.nextInt(2)],
                Period.values()[random.nextInt(2)], LocalDate.of(2026, 1, 1).plusDays(random.nextInt(30)),
                new Moments(1 + random.nextInt(9), random.nextDouble() * 100, random.nextDouble() * 1e4)));
        }
        List<CellStats> sorted = new ArrayList<>(cells);
        sorted.sort(CellBindings.SORTED);

        // The cell stage's sorted cells (summed in one pass) and shuffled ones (summed through a map).
        assertThat(new CellTable(sorted).cells()).containsExactlyElementsOf(plainSum(sorted));
        Collections.shuffle(cells, random);
        assertThat(new CellTable(cells).cells()).containsExactlyElementsOf(plainSum(cells));
        assertThat(new CellTable(sorted).cells()).hasSizeLessThan(sorted.size());
    }

    /** Strata summed away per cell, in the order each cell first appears, each sum from left to right. */
    private static List<CellStats> plainSum(List<CellStats> cells) {
        java.util.Map<List<Object>, CellStats> out = new java.util.LinkedHashMap<>();
        for (CellStats c : cells) {
            List<Object> key = java.util.Arrays.asList(c.pilotId(), c.indicatorId(), c.unit(), c.arm(), c.period(), c.day());
            CellStats was = out.get(key);
            Moments m = was == null ? c.moments() : was.moments().plus(c.moments());
            out.put(key, new CellStats(c.pilotId(), c.indicatorId(), c.unit(), c.arm(), c.period(), c.day(), m));
        }
        return new ArrayList<>(out.values());
    }

    @Test
    void aWeekIsNamedByItsMondayAcrossMonthAndYearEnds() {
        for (LocalDate d = LocalDate.of(2025, 12, 20); d.isBefore(LocalDate.of(2026, 3, 10)); d = d.plusDays(1)) {
            LocalDate monday = Weeks.monday(d);
            assertThat(monday).as(d.toString()).isEqualTo(d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            assertThat(monday.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        }
        assertThat(Weeks.monday(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2025, 12, 29));
    }
}

package dk.gevinst.cells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dk.gevinst.stats.Contrast;
import dk.gevinst.stats.Contrast.Term;
import dk.gevinst.stats.Moments;
import dk.gevinst.stats.PostStratified;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The adjusted cells are the post-stratified estimate in the shape every analysis reads: their four period
 * cells give its estimate and case-level standard error exactly, and their weekly means no longer move with
 * the case mix.
 */
class CaseMixCellsTest {
    private static final LocalDate START = LocalDate.of(2026, 5, 4);
    private static final List<String> TYPES = List.of("easy", "hard", "rare", CellStats.NO_CASE_TYPE);
    private static final Map<String, Double> MINUTES = Map.of("easy", 30.0, "hard", 90.0, "rare", 60.0, CellStats.NO_CASE_TYPE, 50.0);

    /**
     * Twelve weeks before and twelve after the start; a pilot unit and two controls, each day a random number
     * of cases of each type. After the start the pilot gets {@code easyShift} times its share of easy cases.
     */
    private static List<CellStats> cells(long seed, double easyShift, double effect) {
        Random random = new Random(seed);
        List<CellStats> out = new ArrayList<>();
        for (String unit : List.of("Nord", "Syd", "Vest")) {
            Arm arm = unit.equals("Nord") ? Arm.PILOT : Arm.CONTROL;
            for (LocalDate day = START.minusWeeks(12); day.isBefore(START.plusWeeks(12)); day = day.plusDays(1)) {
                if (day.getDayOfWeek().getValue() > 5) continue;
                Period period = day.isBefore(START) ? Period.PRE : Period.POST;
                for (String type : TYPES) {
                    double rate = type.equals("rare") ? 0.12 : type.isEmpty() ? 0.5 : 4;
                    if (arm == Arm.PILOT && period == Period.POST && type.equals("easy")) rate *= easyShift;
                    int n = (int) Math.floor(rate * (0.5 + random.nextDouble()) + random.nextDouble());
                    if (n == 0) continue;
                    double[] x = new double[n];
                    for (int i = 0; i < n; i++) {
                        double mean = MINUTES.get(type) * (arm == Arm.PILOT && period == Period.POST ? 1 + effect : 1);
                        x[i] = mean + mean / 4 * random.nextGaussian();
                    }
                    out.add(new CellStats("p", "handling_time", unit, type, arm, period, day, Moments.of(x)));
                }
            }
        }
        return out;
    }

    private static Contrast did(List<CellStats> cells) {
        return Contrast.of(new Term(1, CellTable.total(cells, Arm.PILOT, Period.POST, null)), new Term(-1, CellTable.total(cells, Arm.PILOT, Period.PRE, null)),
            new Term(-1, CellTable.total(cells, Arm.CONTROL, Period.POST, null)), new Term(1, CellTable.total(cells, Arm.CONTROL, Period.PRE, null)));
    }

    @Test
    void theFourPeriodCellsOfTheAdjustedCellsAreThePostStratifiedEstimateAndItsStandardError() {
        for (long seed = 1; seed <= 20; seed++) {
            List<CellStats> strata = cells(seed, 1 + seed % 4 * 0.15, seed % 3 * -0.05);
            CaseMixCells adjusted = CaseMixCells.of(strata, null, true, true);
            Contrast expected = adjusted.fit().contrast();
            Contrast fromCells = did(adjusted.cells());

            assertThat(adjusted.fit().pooled()).as("the rare type is thin").contains("rare");
            assertThat(fromCells.estimate()).as("seed " + seed).isCloseTo(expected.estimate(), within(1e-9));
            assertThat(fromCells.standardError()).as("seed " + seed).isCloseTo(expected.standardError(), within(1e-9 * expected.standardError()));
            assertThat(adjusted.cells()).allMatch(c -> c.stratum() == null);
            assertThat(fromCells.totalN()).isEqualTo(expected.totalN());
        }
    }

    @Test
    void aWeekWithMoreEasyCasesIsNotAFasterWeekOnceAdjusted() {
        List<CellStats> strata = cells(7, 1.6, 0);
        List<CellStats> unadjusted = new CellTable(strata).cells();
        List<CellStats> adjusted = CaseMixCells.of(strata, null, true, true).cells();
        List<CellStats> pilotUnadjusted = unadjusted.stream().filter(c -> c.arm() == Arm.PILOT).toList();
        List<CellStats> pilotAdjusted = adjusted.stream().filter(c -> c.arm() == Arm.PILOT).toList();

        double before = CellTable.total(pilotUnadjusted, Arm.PILOT, Period.PRE, null).mean();
        double after = CellTable.total(pilotUnadjusted, Arm.PILOT, Period.POST, null).mean();
        assertThat(after / before).as("60 % more easy cases look like a faster team").isLessThan(0.95);
        double adjustedBefore = CellTable.total(pilotAdjusted, Arm.PILOT, Period.PRE, null).mean();
        double adjustedAfter = CellTable.total(pilotAdjusted, Arm.PILOT, Period.POST, null).mean();
        assertThat(adjustedAfter / adjustedBefore).as("type by type nothing changed").isCloseTo(1.0, within(0.02));
        for (var week : CellTable.weekly(pilotAdjusted, Arm.PILOT).entrySet()) {
            assertThat(week.getValue().mean() / adjustedBefore).as("week of " + week.getKey()).isCloseTo(1.0, within(0.12));
        }
    }

    @Test
    void aDayCellWhoseCaseTypesAreNotNextToEachOtherIsStillTheSumOfAllOfThem() {
        List<CellStats> sorted = new ArrayList<>(cells(5, 1.4, 0.1));
        sorted.sort(CellBindings.SORTED);
        // Every case type's cells together: a day cell's types are then far apart, each type's cells still in the
        // same order (so the fit and each day's sum are made in the same order as from the sorted list).
        List<CellStats> byType = new ArrayList<>(sorted);
        byType.sort(java.util.Comparator.comparing(CellStats::stratum).thenComparing(CellBindings.SORTED));
        assertThat(byType).isNotEqualTo(sorted);
        assertThat(byDayCell(CaseMixCells.of(byType, null, true, true).cells())).isEqualTo(byDayCell(CaseMixCells.of(sorted, null, true, true).cells()));
    }

    private static Map<List<Object>, Moments> byDayCell(List<CellStats> cells) {
        Map<List<Object>, Moments> out = new java.util.HashMap<>();
        for (CellStats c : cells) assertThat(out.put(List.of(c.unit(), c.arm(), c.period(), c.day()), c.moments())).isNull();
        return out;
    }

    @Test
    void theWindowEndsAtTheLastDayAndNothingStandingAloneLeavesTheCellsAsTheyWere() {
        List<CellStats> strata = cells(3, 1.3, 0);
        LocalDate end = START.plusWeeks(4);
        CaseMixCells atEnd = CaseMixCells.of(strata, end, true, true);
        assertThat(atEnd.cells()).allMatch(c -> !c.day().isAfter(end));
        List<CellStats> window = strata.stream().filter(c -> !c.day().isAfter(end)).toList();
        assertThat(did(atEnd.cells()).estimate()).isCloseTo(CaseMixCells.of(window, null, true, true).fit().contrast().estimate(), within(1e-9));

        List<CellStats> thin = strata.stream().filter(c -> c.day().isAfter(START.minusDays(3)) && c.day().isBefore(START.plusDays(3))).toList();
        CaseMixCells pooled = CaseMixCells.of(thin, null, true, true);
        assertThat(pooled.fit().pooledAll()).isTrue();
        assertThat(pooled.cells()).isEqualTo(new CellTable(thin).cells());
        assertThat(PostStratified.POOLED).isEqualTo(pooled.fit().strata().get(0).stratum());
    }
}

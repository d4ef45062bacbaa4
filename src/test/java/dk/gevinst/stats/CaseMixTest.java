package dk.gevinst.stats;

import static dk.gevinst.testing.TestCells.cell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dk.gevinst.cells.Arm;
import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.CellTable;
import dk.gevinst.cells.Period;
import dk.gevinst.cells.Strata;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The case-mix adjustment where it matters: a pilot team that gets more easy cases after the start must not
 * pass for a better system, and case types that predict the outcome narrow the interval.
 */
class CaseMixTest {
    /** Alpha of one success indicator in one analysis, as the rule spends it: 0.05 / 2. */
    private static final double ALPHA = 0.025;
    private static final double N_STAR = 5000;

    /** Easy cases take 30 minutes, hard ones 90; 2,000 pilot cases and 2,000 control cases per period. */
    private static StratumCells type(String name, double mean, double sd, double pilotPreShare, double pilotPostShare) {
        long n = 2000;
        return new StratumCells(name, cell(Math.round(n * pilotPreShare), mean, sd), cell(Math.round(n * pilotPostShare), mean, sd),
            cell(n / 2, mean, sd), cell(n / 2, mean, sd));
    }

    @Test
    void thirtyPercentMoreEasyCasesAndNoRealEffectShowsAGainOnlyUnadjusted() {
        // Before the start the pilot team's mix is half easy, like the control's; after it, 30 % more easy cases.
        List<StratumCells> strata = List.of(type("easy", 30, 8, 0.5, 0.65), type("hard", 90, 20, 0.5, 0.35));
        StratumCells all = strata.get(0).plus(strata.get(1), "all");
        Contrast unadjusted = PostStratified.of(List.of(all), true, true, 0).contrast();
        PostStratified adjusted = PostStratified.of(strata, true, true, PostStratified.MIN_STRATUM_CASES);

        // Handling time is lower-is-better: a gain is an interval below zero.
        Interval naive = ConfidenceSequence.of(unadjusted, ALPHA, N_STAR);
        Interval fair = ConfidenceSequence.of(adjusted.contrast(), ALPHA, N_STAR);
        assertThat(unadjusted.estimate()).as("the unadjusted analysis sees 9 minutes saved").isCloseTo(-9.0, within(1e-9));
        assertThat(naive.high()).as("and its always-valid interval excludes no effect: it would GO").isNegative();
        assertThat(adjusted.contrast().estimate()).as("within case type nothing changed").isCloseTo(0.0, within(1e-9));
        assertThat(fair.low()).as("the adjusted interval holds no effect: no GO").isNegative();
        assertThat(fair.high()).isPositive();
        double mde = 0.10 * adjusted.counterfactual();
        assertThat(fair.high()).as("and rules out the 10 % that matters: futile").isLessThan(mde);
        assertThat(adjusted.weights()).as("the pilot's own post-period mix").containsExactly(0.65, 0.35);
        assertThat(adjusted.counterfactual()).isCloseTo(0.65 * 30 + 0.35 * 90, within(1e-9));
    }

    @Test
    void caseTypesThatPredictTheOutcomeNarrowTheInterval() {
        // The same mix everywhere, so both analyses estimate the same effect; the types explain most of the spread.
        List<StratumCells> strata = List.of(type("easy", 30, 8, 0.5, 0.5), type("hard", 90, 20, 0.5, 0.5));
        Contrast unadjusted = PostStratified.of(List.of(strata.get(0).plus(strata.get(1), "all")), true, true, 0).contrast();
        Contrast adjusted = PostStratified.of(strata, true, true, PostStratified.MIN_STRATUM_CASES).contrast();

        double reduction = 1 - Math.pow(adjusted.standardError() / unadjusted.standardError(), 2);
        assertThat(adjusted.estimate()).isCloseTo(unadjusted.estimate(), within(1e-9));
        // Within a type the variance is (8² + 20²)/2 = 232; across both, 232 plus the between-type part 30² = 1132.
        assertThat(reduction).as("variance reduction: what the types explain").isCloseTo(1 - 232.0 / 1132, within(0.002));
    }

    @Test
    void thinStrataArePooledAndAStratumWithoutPilotCasesCarriesNoWeight() {
        List<StratumCells> strata = List.of(
            new StratumCells("A", cell(300, 30, 5), cell(300, 30, 5), cell(300, 30, 5), cell(300, 30, 5)),
            new StratumCells("B", cell(300, 60, 5), cell(100, 60, 5), cell(300, 60, 5), cell(300, 60, 5)),
            new StratumCells("C", cell(10, 45, 5), cell(12, 45, 5), cell(30, 45, 5), cell(30, 45, 5)),
            new StratumCells("D", cell(15, 50, 5), cell(9, 50, 5), cell(19, 50, 5), cell(25, 50, 5)),
            new StratumCells("E", cell(0, 0, 0), cell(0, 0, 0), cell(40, 70, 5), cell(40, 70, 5)));

        PostStratified p = PostStratified.of(strata, true, true, PostStratified.MIN_STRATUM_CASES);

        assertThat(p.leftOut()).containsExactly("E");
        assertThat(p.pooled()).containsExactly("C", "D");
        assertThat(p.strata()).extracting(StratumCells::stratum).containsExactly("A", "B", PostStratified.POOLED);
        assertThat(p.strata().get(2).pilotPost().n()).isEqualTo(21);
        assertThat(p.weights()).containsExactly(300 / 421.0, 100 / 421.0, 21 / 421.0);
        assertThat(p.pooledAll()).isFalse();
    }

    @Test
    void aThinPoolJoinsTheStratumWithTheMostPilotCases() {
        List<StratumCells> strata = List.of(
            new StratumCells("A", cell(300, 30, 5), cell(100, 31, 5), Moments.EMPTY, Moments.EMPTY),
            new StratumCells("B", cell(300, 60, 5), cell(200, 59, 5), Moments.EMPTY, Moments.EMPTY),
            new StratumCells("C", cell(5, 45, 5), cell(4, 47, 5), Moments.EMPTY, Moments.EMPTY));

        PostStratified p = PostStratified.of(strata, true, false, PostStratified.MIN_STRATUM_CASES);

        assertThat(p.pooled()).containsExactly("C");
        assertThat(p.strata()).extracting(StratumCells::stratum).containsExactly("A", "B");
        assertThat(p.strata().get(1).pilotPre()).isEqualTo(strata.get(1).pilotPre().plus(strata.get(2).pilotPre()));
    }

    @Test
    void withNoStratumStandingAloneTheAdjustedEffectIsTheUnadjustedOne() {
        List<StratumCells> strata = List.of(
            new StratumCells("A", cell(10, 30, 5), cell(12, 28, 5), cell(11, 31, 5), cell(13, 30, 5)),
            new StratumCells("B", Moments.EMPTY, Moments.EMPTY, cell(15, 60, 5), cell(14, 61, 5)),
            new StratumCells("C", cell(9, 60, 5), cell(8, 50, 5), cell(10, 61, 5), cell(12, 60, 5)));
        StratumCells all = strata.stream().reduce((a, b) -> a.plus(b, "all")).orElseThrow();

        PostStratified p = PostStratified.of(strata, true, true, PostStratified.MIN_STRATUM_CASES);

        assertThat(p.pooledAll()).isTrue();
        assertThat(p.contrast().estimate()).isEqualTo(PostStratified.of(List.of(all), true, true, 0).contrast().estimate());
        assertThat(p.contrast().standardError()).isEqualTo(PostStratified.of(List.of(all), true, true, 0).contrast().standardError());
    }

    @Test
    void aDesignNeedsPilotCasesAfterTheStartAndSomethingToCompareWith() {
        StratumCells noPost = new StratumCells("A", cell(30, 1, 1), Moments.EMPTY, cell(30, 1, 1), cell(30, 1, 1));
        assertThatThrownBy(() -> PostStratified.of(List.of(noPost), true, true, 20)).hasMessageContaining("pilot cases after the start");
        StratumCells some = new StratumCells("A", cell(30, 1, 1), cell(30, 1, 1), cell(30, 1, 1), cell(30, 1, 1));
        assertThatThrownBy(() -> PostStratified.of(List.of(some), false, false, 20)).hasMessageContaining("baseline, a control or both");
    }

    @Test
    void dayCellsPerCaseTypeSumToTheUnitCells() {
        LocalDate pre = LocalDate.of(2026, 2, 2), post = LocalDate.of(2026, 4, 6);
        List<CellStats> cells = new ArrayList<>();
        String[] types = {"A", "B", CellStats.NO_CASE_TYPE};
        int k = 0;
        for (String unit : List.of("Nord", "Syd")) {
            Arm arm = unit.equals("Nord") ? Arm.PILOT : Arm.CONTROL;
            for (String type : types) {
                for (LocalDate day : List.of(pre, pre.plusDays(1), post, post.plusDays(1))) {
                    Period period = day.isBefore(post) ? Period.PRE : Period.POST;
                    cells.add(new CellStats("p", "handling_time", unit, type, arm, period, day, Moments.of(10 + k++, 20 + k)));
                }
            }
        }
        CellTable table = new CellTable(cells);

        List<StratumCells> strata = Strata.periodCells(table.strata("p", "handling_time"), null);
        StratumCells sum = strata.stream().reduce((a, b) -> a.plus(b, "all")).orElseThrow();
        List<CellStats> units = table.of("p", "handling_time");

        assertThat(strata).extracting(StratumCells::stratum).containsExactly(CellStats.NO_CASE_TYPE, "A", "B");
        assertThat(units).hasSize(8).allMatch(c -> c.stratum() == null);
        assertThat(table.collectedCount()).isEqualTo(24);
        assertThat(sum.pilotPre()).isEqualTo(CellTable.total(units, Arm.PILOT, Period.PRE, null));
        assertThat(sum.pilotPost()).isEqualTo(CellTable.total(units, Arm.PILOT, Period.POST, null));
        assertThat(sum.controlPre()).isEqualTo(CellTable.total(units, Arm.CONTROL, Period.PRE, null));
        assertThat(sum.controlPost()).isEqualTo(CellTable.total(units, Arm.CONTROL, Period.POST, null));
        assertThat(Strata.periodCells(table.strata("p", "handling_time"), pre.plusDays(1)).get(1).pilotPost()).isEqualTo(Moments.EMPTY);
    }
}

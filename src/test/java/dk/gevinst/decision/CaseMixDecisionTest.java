package dk.gevinst.decision;

import static dk.gevinst.testing.TestCells.cell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dk.gevinst.business.CostLine;
import dk.gevinst.cells.Arm;
import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.CellTable;
import dk.gevinst.cells.Period;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.indicator.Catalog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The decision uses the case-mix adjusted evidence, with the same team-level inference: a pilot team that
 * gets 30 % more of an easy case type after the start, and no real effect, would GO on the unadjusted
 * analysis and does not on the adjusted one.
 */
class CaseMixDecisionTest {
    private static final LocalDate BASELINE = LocalDate.of(2026, 1, 5), START = LocalDate.of(2026, 3, 2), AS_OF = LocalDate.of(2026, 5, 31);
    private static final List<CostLine> CHEAP = List.of(new CostLine("p", "hosted", "licens", "yearly", 100_000));

    private static PilotSpec spec() throws Exception {
        return new PilotSpecParser(Catalog.builtIn()).parse("t.yaml", """
            id: p
            title: "P"
            start: 2026-03-02
            end: 2026-06-30
            baseline_start: 2026-01-05
            arms: {pilot: [A], control: [B]}
            indicators:
              handling_time: {role: success, mde: "10%"}
            decision: {alpha: 0.05, min_cases: 50, max_extension_weeks: 8}
            business_case: {hourly_cost_dkk: 500, horizon_years: 3, annual_cases: 10000}
            """);
    }

    /**
     * Weekly cells per case type: easy cases take 30 minutes (SD 8), hard ones 90 (SD 20), 200 cases a week
     * per team, half of them easy; after the start the pilot team's easy share is 65 %. Nothing else changes.
     */
    private static List<CellStats> strata(double easyShareAfter) {
        SplittableRandom random = new SplittableRandom(11);
        List<CellStats> out = new ArrayList<>();
        for (LocalDate day = BASELINE.plusDays(2); !day.isAfter(AS_OF); day = day.plusWeeks(1)) {
            Period period = day.isBefore(START) ? Period.PRE : Period.POST;
            for (String unit : List.of("A", "B")) {
                Arm arm = unit.equals("A") ? Arm.PILOT : Arm.CONTROL;
                double easy = arm == Arm.PILOT && period == Period.POST ? easyShareAfter : 0.5;
                long nEasy = Math.round(200 * easy), nHard = 200 - nEasy;
                out.add(new CellStats("p", "handling_time", unit, "easy", arm, period, day, cell(nEasy, 30 + 8 * gauss(random) / Math.sqrt(nEasy), 8)));
                out.add(new CellStats("p", "handling_time", unit, "hard", arm, period, day, cell(nHard, 90 + 20 * gauss(random) / Math.sqrt(nHard), 20)));
            }
        }
        return out;
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void thirtyPercentMoreEasyCasesWouldGoUnadjustedAndDoesNotAdjusted() throws Exception {
        List<CellStats> strata = strata(0.65);
        List<CellStats> summed = new CellTable(strata).cells();

        PilotEvaluation naive = PilotEvaluator.evaluate(spec(), new CellTable(summed), CHEAP, AS_OF, Map.of());
        PilotEvaluation fair = PilotEvaluator.evaluate(spec(), new CellTable(strata), CHEAP, AS_OF, Map.of());

        assertThat(naive.caseMix()).as("cells without case types are not adjusted").isEmpty();
        assertThat(naive.decision().outcome()).as("the unadjusted analysis takes the easier cases for a faster system").isEqualTo(Outcome.GO);
        CaseMixEvidence evidence = fair.caseMixOf("handling_time");
        assertThat(evidence.unadjusted().verdict()).as("published beside it: the unadjusted verdict").isEqualTo(Verdict.BETTER);
        assertThat(evidence.unadjusted().effect()).isCloseTo(naive.indicators().get(0).effect(), within(1e-9));
        assertThat(evidence.adjusted()).isSameAs(fair.indicators().get(0));
        assertThat(fair.indicators().get(0).verdict()).isNotEqualTo(Verdict.BETTER);
        assertThat(fair.indicators().get(0).effect()).as("type by type nothing changed").isCloseTo(0, within(1.0));
        assertThat(fair.decision().outcome()).isNotEqualTo(Outcome.GO);
        assertThat(evidence.fit().weights()).containsExactly(0.65, 0.35);
    }

    @Test
    void theAdjustedEvidenceGetsTheSameTeamLevelInferenceAndNarrowerCaseLevelIntervals() throws Exception {
        PilotEvaluation fair = PilotEvaluator.evaluate(spec(), new CellTable(strata(0.5)), CHEAP, AS_OF, Map.of());
        CaseMixEvidence evidence = fair.caseMixOf("handling_time");
        IndicatorResult adjusted = evidence.adjusted();

        assertThat(adjusted.sequential().unitLevel().method()).isEqualTo(evidence.unadjusted().sequential().unitLevel().method());
        assertThat(adjusted.sequential().unitLevelAvailable()).isTrue();
        // Within a type the variance is (8² + 20²)/2 = 232; across both, 232 plus the between-type part 30² = 1132.
        assertThat(evidence.varianceReduction()).as("what the case types explain").isCloseTo(1 - 232.0 / 1132, within(0.02));
    }
}

package dk.gevinst.decision.comparison;

import static dk.gevinst.testing.TestCells.cell;
import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.cells.Arm;
import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.CellTable;
import dk.gevinst.cells.Period;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.decision.Outcome;
import dk.gevinst.decision.Reason;
import dk.gevinst.decision.Verdict;
import dk.gevinst.indicator.Catalog;
import dk.gevinst.stats.Moments;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Each path of the recommendation rule, on weekly cells with known effects: two candidates (a in unit A, b in
 * unit B) against one control unit C, 8 weeks before the start and 13 after.
 */
public class RecommendationRuleTest {
    public static final LocalDate BASELINE = LocalDate.of(2026, 1, 5), START = LocalDate.of(2026, 3, 2), AS_OF = LocalDate.of(2026, 5, 31);

    public static PilotSpec spec(long yearlyA, long yearlyB, boolean preference) throws Exception {
        return spec(yearlyA, yearlyB, preference, 8);
    }

    static PilotSpec spec(long yearlyA, long yearlyB, boolean preference, int extensionWeeks) throws Exception {
        return new PilotSpecParser(Catalog.builtIn()).parse("t.yaml", """
            id: k
            title: "K"
            start: 2026-03-02
            end: 2026-06-30
            baseline_start: 2026-01-05
            arms:
              control: [C]
              candidates:
                a: {vendor: "Leverandør A", units: [A], options: {hosted: {one_off_dkk: 100000, yearly_dkk: %d}}}
                b: {vendor: "Leverandør B", units: [B], options: {cloud: {one_off_dkk: 100000, yearly_dkk: %d}}}
            indicators:
              handling_time: {role: success, mde: "10%%"}
              processing_days: {role: guardrail, margin: "20%%"}
            %s
            decision: {alpha: 0.05, min_cases: 50, max_extension_weeks: %d}
            business_case: {hourly_cost_dkk: 500, horizon_years: 3, annual_cases: 10000}
            """.formatted(yearlyA, yearlyB, preference ? "  preference: {role: descriptive}" : "", extensionWeeks));
    }

    /** Weekly cells of one unit: {@code n} cases a week around {@code base}, moved by {@code shift} from the start. */
    private static List<CellStats> unit(String indicator, String unit, double base, double shift, double sd, long n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<CellStats> out = new ArrayList<>();
        Arm arm = unit.equals("C") ? Arm.CONTROL : Arm.PILOT;
        for (LocalDate day = BASELINE.plusDays(2); !day.isAfter(AS_OF); day = day.plusWeeks(1)) {
            Period period = day.isBefore(START) ? Period.PRE : Period.POST;
            double noise = sd / Math.sqrt(n) * Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            out.add(new CellStats("k", indicator, unit, arm, period, day, cell(n, base + noise + (period == Period.POST ? shift : 0), sd)));
        }
        return out;
    }

    /** One survey wave after the start: {@code yes} of {@code n} respondents in the unit prefer the system they tried. */
    public static CellStats preferring(String unit, long yes, long n) {
        return new CellStats("k", "preference", unit, Arm.PILOT, Period.POST, START.plusWeeks(8), new Moments(n, yes, yes));
    }

    /** Handling time moved by a and b (minutes from 60); processing days by their guardrail shifts (from 10). */
    static ComparisonResult run(PilotSpec spec, double a, double b, double guardA, double guardB, CellStats... extra) {
        return ComparisonEvaluator.evaluate(spec, new CellTable(cells(a, b, guardA, guardB, extra)), AS_OF);
    }

    public static List<CellStats> cells(double a, double b, double guardA, double guardB, CellStats... extra) {
        return cells(15, a, b, guardA, guardB, extra);
    }

    /** The same, with handling time's spread between cases {@code sd} minutes. */
    public static List<CellStats> cells(double sd, double a, double b, double guardA, double guardB, CellStats... extra) {
        List<CellStats> cells = new ArrayList<>();
        cells.addAll(unit("handling_time", "A", 60, a, sd, 200, 1));
        cells.addAll(unit("handling_time", "B", 62, b, sd, 200, 2));
        cells.addAll(unit("handling_time", "C", 61, 0, sd, 200, 3));
        cells.addAll(unit("processing_days", "A", 10, guardA, 3, 200, 4));
        cells.addAll(unit("processing_days", "B", 10, guardB, 3, 200, 5));
        cells.addAll(unit("processing_days", "C", 10, 0, 3, 200, 6));
        cells.addAll(List.of(extra));
        return cells;
    }

    private static List<String> codes(ComparisonResult r) {
        return r.decision().reasons().stream().map(Reason::code).toList();
    }

    @Test
    void aCandidateThatBreachesAGuardrailDropsOut() throws Exception {
        ComparisonResult r = run(spec(100_000, 100_000, false), -12, -6, 3, 0);
        assertThat(r.candidate("a").droppedBy()).isEqualTo(RecommendationRule.GUARDRAIL);
        assertThat(r.recommended()).isEqualTo("b");
        assertThat(r.decidedBy()).isEqualTo(RecommendationRule.DROP_OUT);
        assertThat(r.decision().outcome()).isEqualTo(Outcome.GO);
        assertThat(codes(r)).as("b's own evidence, then why a dropped out")
            .containsExactly("only_candidate_left", "core_task_improved", "guardrails_held", "value_positive", "candidate_breached_guardrail");
        assertThat(r.decision().reasons().get(4).da()).startsWith("Leverandør A falder fra: et kvalitetsværn blev brudt");
    }

    @Test
    void aFutileCandidateDropsOutAndWithBothGoneNothingIsRecommended() throws Exception {
        ComparisonResult one = run(spec(100_000, 100_000, false), 0, -9, 0, 0);
        assertThat(one.candidate("a").droppedBy()).isEqualTo(RecommendationRule.FUTILITY);
        assertThat(one.recommended()).isEqualTo("b");
        assertThat(codes(one)).containsExactly("only_candidate_left", "core_task_improved", "guardrails_held", "value_positive", "candidate_futile");

        ComparisonResult none = run(spec(100_000, 100_000, false), 0, 0.5, 0, 0);
        assertThat(none.recommended()).isNull();
        assertThat(none.decision().outcome()).isEqualTo(Outcome.STOP);
        assertThat(codes(none)).containsExactly("no_candidate_left", "candidate_futile", "candidate_futile");
    }

    @Test
    void theCandidateTheContrastsShowBetterOnTheCoreTaskIsRecommended() throws Exception {
        ComparisonResult r = run(spec(100_000, 100_000, true), -5, -14, 0, 0, preferring("A", 50, 60), preferring("B", 10, 60));
        assertThat(r.pairs()).singleElement().satisfies(p -> assertThat(p.results().get(0).verdict()).as("a − b: a is slower").isEqualTo(Verdict.WORSE));
        assertThat(r.pairs().get(0).results().get(0).published().unitLevelAvailable()).as("the contrast gets team-level inference").isTrue();
        assertThat(r.recommended()).as("the core task comes before the employees' preference").isEqualTo("b");
        assertThat(r.decidedBy()).isEqualTo(RecommendationRule.CORE_TASK);
        assertThat(r.decision().reasons().get(0).da()).startsWith("Leverandør B løfter kerneopgaven mest: Leverandør A mod vinderen: Sagsbehandlingstid steg");
        assertThat(r.decision().reasons().get(0).en()).startsWith("Leverandør B lifts the core task most");
        assertThat(r.pairAlpha()).isEqualTo(0.05);
        assertThat(r.candidateAlpha()).as("Bonferroni over the two candidates").isEqualTo(0.025);
    }

    @Test
    void whereTheCoreTaskDoesNotSeparateThemTheEmployeesPreferenceDecides() throws Exception {
        ComparisonResult r = run(spec(100_000, 100_000, true), -9, -9, 0, 0, preferring("A", 18, 60), preferring("B", 48, 60));
        assertThat(r.pairs().get(0).results().get(0).verdict()).isNotIn(Verdict.BETTER, Verdict.WORSE);
        assertThat(r.recommended()).isEqualTo("b");
        assertThat(r.decidedBy()).isEqualTo(RecommendationRule.PREFERENCE);
        // 48 of 60 at 97.5 %: statsmodels' proportion_confint(48, 60, alpha=0.025, method='wilson') = (0.6632, 0.8904).
        assertThat(r.decision().reasons().get(0).da())
            .isEqualTo("Leverandør A og Leverandør B kan ikke skilles på kerneopgaven; medarbejderne foretrækker Leverandør B (80\u00a0%, 97,5\u00a0% interval 66 til 89\u00a0%).");
    }

    @Test
    void whereNeitherTheCoreTaskNorThePreferenceSeparatesThemNpvDecides() throws Exception {
        ComparisonResult r = run(spec(100_000, 1_500_000, true), -9, -9, 0, 0, preferring("A", 30, 60), preferring("B", 31, 60));
        assertThat(r.recommended()).isEqualTo("a");
        assertThat(r.decidedBy()).isEqualTo(RecommendationRule.NPV);
        assertThat(r.candidate("a").bestOption().npvLowDkk()).isGreaterThan(r.candidate("b").bestOption().npvDkk());
        assertThat(r.decision().reasons().get(0).en()).startsWith("Leverandør A and Leverandør B cannot be told apart on the core task or the employees' preference; Leverandør A has the highest net present value");
    }

    @Test
    void whenNothingSeparatesThemTheComparisonExtendsWithTheWeeksItsContrastNeeds() throws Exception {
        ComparisonResult r = ComparisonEvaluator.evaluate(spec(100_000, 100_000, false), new CellTable(cells(15, -9, -6, 0, 0)), AS_OF);
        assertThat(r.recommended()).isNull();
        assertThat(r.decidedBy()).isEqualTo(RecommendationRule.NOTHING);
        assertThat(r.decision().outcome()).isEqualTo(Outcome.EXTEND);
        assertThat(r.pairs().get(0).evaluation().decision().extendWeeks()).isEqualTo(5);
        assertThat(r.decision().extendWeeks()).isEqualTo(5);
        assertThat(r.decision().reasons().get(0).en()).contains("cannot yet be told apart").endsWith("About 5\u00a0more weeks of data are needed.");
    }

    @Test
    void whenTheCoreTaskHasSettledThatNeitherIsAheadNoWeeksArePromised() throws Exception {
        ComparisonResult r = run(spec(100_000, 100_000, false), -9, -9, 0, 0);
        assertThat(r.recommended()).isNull();
        assertThat(r.pairs().get(0).evaluation().decision().outcome()).as("the contrast: no difference that matters").isEqualTo(Outcome.STOP);
        assertThat(r.decision().outcome()).isEqualTo(Outcome.EXTEND);
        assertThat(r.decision().extendWeeks()).as("was 8, the cap, read as 'about 8 more weeks'").isNull();
        assertThat(r.decision().reasons().get(0).en()).endsWith("More data will not separate them on the core task: the comparisons between them are settled, and none "
            + "puts one candidate ahead of every other. If the employees' preference or the net present value does not, the comparison stops on 26\u00a0August\u00a02026.");
    }

    @Test
    void whenTheContrastsCannotDecideWithinTheExtensionTheCapIsNotGivenAsAnEstimate() throws Exception {
        // Handling time spread 20 times wider between cases: the contrast a − b cannot narrow to the MDE in 8 weeks.
        ComparisonResult r = ComparisonEvaluator.evaluate(spec(100_000, 100_000, false), new CellTable(cells(300, -9, -9, 0, 0)), AS_OF);
        assertThat(r.recommended()).isNull();
        assertThat(r.pairs().get(0).evaluation().decision().extendWeeks()).as("the contrast's own rule: not within the cap").isNull();
        assertThat(r.decision().outcome()).isEqualTo(Outcome.EXTEND);
        assertThat(r.decision().extendWeeks()).as("was 8, the cap, read as 'about 8 more weeks'").isNull();
        assertThat(r.decision().reasons().get(0).en()).endsWith("The core task is not expected to tell them apart within the 8\u00a0weeks of extension; "
            + "if nothing separates them, the comparison stops on 26\u00a0August\u00a02026.");
        assertThat(r.decision().reasons().get(0).da()).endsWith("Kerneopgaven forventes ikke at skille dem inden for de 8\u00a0ugers forlængelse; "
            + "skiller intet dem, stoppes sammenligningen den 26.\u00a0august\u00a02026.");
    }

    @Test
    void inThePilotPeriodsFirstDaysItSaysThereIsNoEstimateYet() throws Exception {
        LocalDate night = START.plusDays(1);
        List<CellStats> sofar = cells(15, -9, -6, 0, 0).stream().filter(c -> !c.day().isAfter(night)).toList();
        ComparisonResult r = ComparisonEvaluator.evaluate(spec(100_000, 100_000, false), new CellTable(sofar), night);
        assertThat(r.decision().outcome()).isEqualTo(Outcome.EXTEND);
        assertThat(r.decision().extendWeeks()).as("was 8, the cap").isNull();
        assertThat(r.decision().reasons().get(0).en()).endsWith("Not decidable yet: the pilot period counts from 2\u00a0March\u00a02026, "
            + "and it has not yet brought data enough for an estimate of any success indicator.");
    }

    @Test
    void withoutAnExtensionTheComparisonPromisesNoWeek() throws Exception {
        ComparisonResult r = run(spec(100_000, 100_000, false, 0), -9, -9, 0, 0);
        assertThat(r.recommended()).isNull();
        assertThat(r.decision().outcome()).isEqualTo(Outcome.EXTEND);
        assertThat(r.decision().extendWeeks()).as("was 1: 'about 1 more week' of an extension the spec does not allow").isNull();
        assertThat(r.decision().reasons().get(0).en()).endsWith("The spec allows no extension (max_extension_weeks: 0): if nothing separates them by the end date "
            + "30\u00a0June\u00a02026, the comparison stops.");
    }

    @Test
    void afterTheEndNoWeeksArePromisedPastTheDeadline() throws Exception {
        // End 30 June + 8 weeks: the rule stops the comparison after 25 August. Two weeks before, the contrast cannot decide in time.
        PilotSpec spec = spec(100_000, 100_000, false);
        LocalDate night = LocalDate.of(2026, 8, 11);
        ComparisonResult r = ComparisonEvaluator.evaluate(spec, new CellTable(cells(20, -9, -5.6, 0, 0)), night);
        assertThat(r.pairs().get(0).evaluation().decision().outcome()).isEqualTo(Outcome.EXTEND);
        assertThat(r.decision().outcome()).isEqualTo(Outcome.EXTEND);
        assertThat(r.decision().extendWeeks()).as("was 2: the weeks left, given as an estimate").isNull();
        assertThat(r.decision().reasons().get(0).en()).endsWith("The core task is not expected to tell them apart before the extension ends on 25\u00a0August\u00a02026; "
            + "if nothing separates them, the comparison stops on 26\u00a0August\u00a02026.");
        // Five days before it no whole week is left: no weeks are promised, and the reason names the day it stops.
        ComparisonResult last = ComparisonEvaluator.evaluate(spec, new CellTable(cells(-9, -9, 0, 0)), LocalDate.of(2026, 8, 20));
        assertThat(last.decision().outcome()).isEqualTo(Outcome.EXTEND);
        assertThat(last.decision().extendWeeks()).isNull();
        assertThat(last.decision().reasons().get(0).en()).contains("Less than a week of the extension is left; on 26\u00a0August\u00a02026 the comparison stops");
        assertThat(last.decision().reasons().get(0).da()).contains("Under en uge er tilbage af forlængelsen; den 26.\u00a0august\u00a02026 stopper sammenligningen");
    }
}

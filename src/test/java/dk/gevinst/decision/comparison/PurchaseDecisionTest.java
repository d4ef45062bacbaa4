package dk.gevinst.decision.comparison;

import static dk.gevinst.decision.comparison.RecommendationRuleTest.cells;
import static dk.gevinst.decision.comparison.RecommendationRuleTest.preferring;
import static dk.gevinst.decision.comparison.RecommendationRuleTest.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.cells.CellTable;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.decision.IndicatorResult;
import dk.gevinst.decision.Outcome;
import dk.gevinst.decision.Reason;
import dk.gevinst.decision.Verdict;
import dk.gevinst.indicator.Role;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Leading is not buying: a comparison says GO only when the candidate the rule points to itself measurably
 * lifts the core task against the control (as a pilot must); otherwise EXTEND, or STOP past the deadline
 * (end 2026-06-30 + 8 weeks = 2026-08-25) or when its value is below its cost.
 */
class PurchaseDecisionTest {
    private static final LocalDate PAST_DEADLINE = LocalDate.of(2026, 9, 1);

    private static List<String> codes(ComparisonResult r) {
        return r.decision().reasons().stream().map(Reason::code).toList();
    }

    /**
     * Both systems move handling time by 3.5 minutes (of 60), cases spread by {@code sd} minutes: too little to
     * show with one team each; the caseworkers clearly prefer b.
     */
    private static ComparisonResult preferredButNotLifted(double sd, LocalDate asOf) throws Exception {
        return preferredButNotLifted(sd, -3.5, asOf);
    }

    private static ComparisonResult preferredButNotLifted(double sd, double shift, LocalDate asOf) throws Exception {
        PilotSpec spec = spec(100_000, 100_000, true);
        return ComparisonEvaluator.evaluate(spec, new CellTable(cells(sd, shift, shift, 0, 0, preferring("A", 18, 60), preferring("B", 48, 60))), asOf);
    }

    @Test
    void aPreferredCandidateThatHasNotLiftedTheCoreTaskIsNotBoughtYet() throws Exception {
        ComparisonResult r = preferredButNotLifted(15, RecommendationRuleTest.AS_OF);
        assertThat(r.candidate("b").results(Role.SUCCESS)).extracting(IndicatorResult::verdict).containsOnly(Verdict.INCONCLUSIVE);
        assertThat(r.leading()).isEqualTo("b");
        assertThat(r.decidedBy()).isEqualTo(RecommendationRule.PREFERENCE);
        assertThat(r.decision().outcome()).as("was GO before the rule's gate").isEqualTo(Outcome.EXTEND);
        assertThat(r.recommended()).isNull();
        // The comparison waits as long as b's own evidence needs, said as for a pilot (its projection counts the final look).
        assertThat(r.decision().extendWeeks()).isEqualTo(r.candidate("b").evaluation().decision().extendWeeks());
        assertThat(codes(r)).startsWith("leader_not_lifted", "preference_decides");
        assertThat(r.decision().mainReason().da())
            .startsWith("Leverandør B ligger forrest, men har endnu ikke målbart løftet kerneopgaven mod kontrolenhederne: Sagsbehandlingstid faldt")
            .contains("(sikkerhedsinterval for ændringen ").endsWith("uger mere data skal til.");
        assertThat(r.decision().mainReason().en()).startsWith("Leverandør B is ahead, but has not yet measurably lifted the core task");
    }

    @Test
    void pastTheDeadlineALeaderThatDidNotLiftTheCoreTaskStops() throws Exception {
        ComparisonResult r = preferredButNotLifted(30, PAST_DEADLINE);
        assertThat(r.leading()).isEqualTo("b");
        assertThat(r.decision().outcome()).isEqualTo(Outcome.STOP);
        assertThat(r.decision().extendWeeks()).isNull();
        assertThat(codes(r)).startsWith("deadline_not_lifted", "preference_decides").doesNotContain("deadline_passed");
        assertThat(r.decision().mainReason().en()).isEqualTo("The decision date 30\u00a0June\u00a02026 plus 8\u00a0weeks of extension has passed, and no candidate can be "
            + "recommended: Leverandør B was ahead, but did not measurably lift the core task against the control units.");
    }

    @Test
    void pastTheDeadlineCandidatesNothingSeparatesStop() throws Exception {
        PilotSpec spec = spec(100_000, 100_000, false);
        ComparisonResult before = ComparisonEvaluator.evaluate(spec, new CellTable(cells(-9, -9, 0, 0)), RecommendationRuleTest.AS_OF);
        assertThat(before.decision().outcome()).isEqualTo(Outcome.EXTEND);
        ComparisonResult r = ComparisonEvaluator.evaluate(spec, new CellTable(cells(-9, -9, 0, 0)), PAST_DEADLINE);
        assertThat(r.leading()).isNull();
        assertThat(r.decidedBy()).isEqualTo(RecommendationRule.NOTHING);
        assertThat(r.decision().outcome()).isEqualTo(Outcome.STOP);
        assertThat(codes(r)).containsExactly("deadline_nothing_separated");
        assertThat(r.decision().mainReason().da()).isEqualTo("Beslutningsdatoen 30.\u00a0juni\u00a02026 plus 8\u00a0ugers forlængelse er passeret, og ingen kandidat kan "
            + "anbefales: Leverandør A og Leverandør B kunne ikke skilles på kerneopgaven, medarbejdernes præference eller nutidsværdien.");
    }

    @Test
    void pastTheDeadlineACandidateHeldByAGuardrailIsNamed() throws Exception {
        // a's processing days rose 1.5 of 10 against a margin of 20 %: its interval still reaches past the margin.
        ComparisonResult r = ComparisonEvaluator.evaluate(spec(100_000, 100_000, false), new CellTable(cells(-9, -9, 1.5, 0)), PAST_DEADLINE);
        assertThat(r.leading()).isNull();
        assertThat(PurchaseDecision.lifts(r.candidate("a"))).isTrue();
        assertThat(r.candidate("a").results(Role.GUARDRAIL)).extracting(IndicatorResult::verdict).containsExactly(Verdict.INCONCLUSIVE);
        assertThat(r.candidate("b").results(Role.GUARDRAIL)).extracting(IndicatorResult::verdict).containsExactly(Verdict.NON_INFERIOR);
        assertThat(r.decision().outcome()).isEqualTo(Outcome.STOP);
        assertThat(codes(r)).as("only a, whose guardrail held it").containsExactly("deadline_nothing_separated", "candidate_guardrail_unshown");
        assertThat(r.decision().reasons().get(1).en()).isEqualTo("Leverandør A lifted the core task against the control units, but Processing time was not shown to stay within its margin.");
        assertThat(r.decision().reasons().get(1).da()).isEqualTo("Leverandør A løftede kerneopgaven mod kontrolenhederne, men det er ikke vist, at kvalitetsværnet "
            + "Gennemløbstid holder sig inden for grænsen.");
    }

    @Test
    void aLeaderThatLiftsTheCoreTaskButCostsMoreThanItGivesIsNotBought() throws Exception {
        ComparisonResult r = RecommendationRuleTest.run(spec(100_000, 50_000_000, false), -12, -9, 3, 0);
        assertThat(r.leading()).as("a breached a guardrail; b is the only one left").isEqualTo("b");
        assertThat(PurchaseDecision.lifts(r.candidate("b"))).isTrue();
        assertThat(r.decision().outcome()).isEqualTo(Outcome.STOP);
        assertThat(codes(r)).startsWith("leader_not_ready", "only_candidate_left").endsWith("candidate_breached_guardrail");
        assertThat(r.decision().mainReason().en()).startsWith("Leverandør B is ahead, but cannot be recommended: The gain does not cover the costs");
    }
}

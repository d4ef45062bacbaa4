package dk.gevinst.decision.comparison;

import dk.gevinst.config.PilotSpec;
import dk.gevinst.decision.Decision;
import dk.gevinst.decision.IndicatorResult;
import dk.gevinst.decision.Outcome;
import dk.gevinst.decision.Reason;
import dk.gevinst.decision.Verdict;
import dk.gevinst.indicator.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether to buy the candidate the rule points to. Gevinst's rule applies to a comparison as to a pilot: a
 * system goes to production only if it measurably lifts the core task. So GO only when the leading candidate's
 * own evidence against the control, at the comparison's split alpha with unit-level inference, passes a
 * pilot's rule ({@link dk.gevinst.decision.DecisionRule}: a success indicator better, every guardrail
 * non-inferior, no pre-trend, value covering cost). Being ahead of the other candidates is not enough: the
 * best of several systems may still lift nothing. Otherwise:
 * <ul>
 * <li>every candidate dropped out → STOP;</li>
 * <li>nothing separates them → EXTEND with the weeks the pairwise contrasts need; past end +
 *     max_extension_weeks → STOP (nothing separated them);</li>
 * <li>the leading candidate has not lifted the core task yet → EXTEND with its own weeks needed; past the
 *     deadline → STOP (the leader did not lift the core task);</li>
 * <li>the leading candidate lifts it but its own rule says otherwise (a pre-trend, value uncertain, value
 *     below cost) → its own outcome, with its own reasons after ours.</li>
 * </ul>
 * The reasons then give the step that picked the leader and the candidates that dropped out.
 */
final class PurchaseDecision {
    private PurchaseDecision() {}

    static Decision decide(PilotSpec spec, LocalDate asOf, RecommendationRule.Pick pick, List<CandidateEvidence> left, List<PairContrast> pairs,
                           List<Reason> droppedOut) {
        List<Reason> reasons = new ArrayList<>();
        Outcome outcome;
        Integer weeks = null;
        boolean deadlinePassed = asOf.isAfter(spec.deadline());
        CandidateEvidence leader = pick.candidate();
        if (left.isEmpty()) {
            outcome = Outcome.STOP;
            reasons.add(pick.reason());
        } else if (leader == null && deadlinePassed) {
            outcome = Outcome.STOP;
            reasons.add(ComparisonReasons.deadlineNothingSeparated(spec, left));
            // A candidate that lifted the core task but was held by a guardrail says so, as a pilot's deadline STOP does.
            for (CandidateEvidence c : left) {
                List<IndicatorResult> unshown = c.results(Role.GUARDRAIL).stream().filter(r -> r.verdict() != Verdict.NON_INFERIOR).toList();
                if (lifts(c) && !unshown.isEmpty()) reasons.add(ComparisonReasons.guardrailUnshown(c, unshown));
            }
        } else if (leader == null) {
            outcome = Outcome.EXTEND;
            RecommendationRule.Wait wait = RecommendationRule.wait(spec, asOf, left, pairs);
            weeks = wait.weeks();
            reasons.add(ComparisonReasons.nothingSeparates(spec, asOf, left, wait));
        } else {
            Decision own = leader.evaluation().decision();
            outcome = own.outcome();
            weeks = own.extendWeeks();
            if (outcome == Outcome.GO) {
                reasons.add(pick.reason());
                reasons.addAll(own.reasons());
            } else {
                boolean lifts = lifts(leader);
                if (!lifts && "deadline_passed".equals(own.mainReason().code())) reasons.add(ComparisonReasons.deadlineNotLifted(spec, leader));
                else if (!lifts) reasons.add(ComparisonReasons.notYetLifted(leader, own.mainReason().indicator(), weeks));
                else reasons.add(ComparisonReasons.notReady(leader, own));
                reasons.add(pick.reason());
                // The leader's own main reason is told in ours (deadline, more data, or quoted), unless it is another one (e.g. not decidable in time).
                boolean told = lifts || "deadline_passed".equals(own.mainReason().code()) || "more_data_needed".equals(own.mainReason().code());
                reasons.addAll(told ? own.reasons().subList(1, own.reasons().size()) : own.reasons());
            }
        }
        reasons.addAll(droppedOut);
        return new Decision(outcome, reasons, weeks);
    }

    /** Whether the candidate's own evidence shows a success indicator better than in the control. */
    static boolean lifts(CandidateEvidence c) {
        return c.results(Role.SUCCESS).stream().anyMatch(r -> r.verdict() == Verdict.BETTER);
    }
}

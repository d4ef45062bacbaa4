package dk.gevinst.decision;

import dk.gevinst.business.BusinessCaseResult;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.indicator.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Fagsystemet først: a pilot goes to production only if the core task measurably improves, no guardrail
 * is breached, the teams did not drift apart before the start, and the value covers the cost. The rules
 * apply in order; technical indicators never enter:
 * <ol>
 * <li>a guardrail breached → STOP;</li>
 * <li>every success indicator futile or worse → STOP;</li>
 * <li>a success indicator better, every guardrail non-inferior, no pre-trend in that evidence, NPV ≥ 0 → GO;</li>
 * <li>the same evidence but even the high NPV &lt; 0 → STOP (value below cost);</li>
 * <li>past end + max_extension_weeks → STOP (deadline passed), with what held it up;</li>
 * <li>the evidence, but a pre-trend in it → EXTEND, with the pre-trend as the reason and no week estimate;</li>
 * <li>the evidence, but an NPV interval that straddles zero → EXTEND (value uncertain);</li>
 * <li>otherwise EXTEND, with the weeks a decision is expected in, or that none is reachable in the cap.</li>
 * </ol>
 */
public final class DecisionRule {
    private DecisionRule() {}

    public static Decision decide(PilotSpec spec, List<IndicatorResult> results, BusinessCaseResult business, LocalDate asOf) {
        List<IndicatorResult> success = byRole(results, Role.SUCCESS);
        List<IndicatorResult> guardrails = byRole(results, Role.GUARDRAIL);
        List<Reason> reasons = new ArrayList<>();
        Outcome outcome;
        Integer extendWeeks = null;

        List<IndicatorResult> breached = guardrails.stream().filter(r -> r.verdict() == Verdict.BREACHED).toList();
        boolean allFutileOrWorse = !success.isEmpty()
            && success.stream().allMatch(r -> r.verdict() == Verdict.FUTILE || r.verdict() == Verdict.WORSE);
        List<IndicatorResult> better = success.stream().filter(r -> r.verdict() == Verdict.BETTER).toList();
        boolean guardrailsHold = guardrails.stream().allMatch(r -> r.verdict() == Verdict.NON_INFERIOR);
        boolean evidence = !better.isEmpty() && guardrailsHold;
        // The evidence GO would rest on: a drift before the start in any of it blocks GO.
        List<IndicatorResult> drifted = new ArrayList<>();
        for (IndicatorResult r : better) if (r.preTrendFound()) drifted.add(r);
        for (IndicatorResult r : guardrails) if (r.preTrendFound()) drifted.add(r);
        boolean costsUnknown = business != null && !business.costsKnown();
        boolean valueClear = business == null || !costsUnknown && business.best().npvDkk() >= 0;
        boolean deadlinePassed = asOf.isAfter(spec.deadline());

        if (!breached.isEmpty()) {
            outcome = Outcome.STOP;
            breached.forEach(r -> reasons.add(ReasonTexts.breached(r)));
        } else if (allFutileOrWorse) {
            outcome = Outcome.STOP;
            reasons.add(ReasonTexts.futile(success));
            success.forEach(r -> reasons.add(ReasonTexts.worseOrFutile(r)));
        } else if (evidence && drifted.isEmpty() && valueClear) {
            outcome = Outcome.GO;
            better.forEach(r -> reasons.add(ReasonTexts.improved(r)));
            reasons.add(ReasonTexts.guardrailsHeld(guardrails));
            reasons.add(business == null ? ReasonTexts.noBusinessCase() : ReasonTexts.valuePositive(business, spec));
        } else if (evidence && costsUnknown && drifted.isEmpty()) {
            // More weeks of data cannot settle this: someone has to enter the costs.
            outcome = Outcome.EXTEND;
            reasons.add(ReasonTexts.costsUnknown(spec));
            better.forEach(r -> reasons.add(ReasonTexts.improved(r)));
        } else if (evidence && business != null && business.best().npvHighDkk() < 0) {
            outcome = Outcome.STOP;
            reasons.add(ReasonTexts.valueBelowCost(business));
            better.forEach(r -> reasons.add(ReasonTexts.improved(r)));
        } else if (deadlinePassed) {
            outcome = Outcome.STOP;
            // A core-task gain stopped by a guardrail never shown to hold says so first: the steering group read only
            // 'no clear result' above a 16 % faster handling time, and not what held it back.
            List<IndicatorResult> unshown = better.isEmpty() ? List.of()
                : guardrails.stream().filter(r -> r.verdict() != Verdict.NON_INFERIOR).toList();
            reasons.add(ReasonTexts.deadlinePassed(spec, unshown));
            drifted.forEach(r -> reasons.add(InferenceReasons.preTrend(r)));
            success.forEach(r -> reasons.add(statusOf(spec, r)));
            unshown.forEach(r -> reasons.add(guardrailStatus(spec, r)));
        } else if (evidence && !drifted.isEmpty()) {
            outcome = Outcome.EXTEND;
            drifted.forEach(r -> reasons.add(InferenceReasons.preTrend(r)));
            better.forEach(r -> reasons.add(ReasonTexts.improved(r)));
        } else if (evidence) {
            outcome = Outcome.EXTEND;
            var best = business.best();
            extendWeeks = ExtensionEstimate.untilValueIsClear(spec, results, asOf, best.npvDkk(), best.npvLowDkk(), best.npvHighDkk());
            reasons.add(InferenceReasons.valueUncertain(business, extendWeeks));
            better.forEach(r -> reasons.add(ReasonTexts.improved(r)));
        } else {
            outcome = Outcome.EXTEND;
            ExtensionEstimate.Estimate estimate = ExtensionEstimate.of(spec, results, asOf);
            extendWeeks = estimate.weeks();
            reasons.add(estimate.decidable() ? ReasonTexts.moreDataNeeded(estimate.indicator(), extendWeeks) : InferenceReasons.notDecidable(spec, estimate, asOf));
            for (IndicatorResult r : success) if (r != estimate.indicator() || r.withheld()) reasons.add(statusOf(spec, r));
            for (IndicatorResult r : guardrails) if (r.verdict() == Verdict.INSUFFICIENT_DATA || r.withheld()) reasons.add(statusOf(spec, r));
        }
        for (IndicatorResult r : byRole(results, Role.TECHNICAL)) if (!Double.isNaN(r.effect())) reasons.add(ReasonTexts.technical(r));
        return new Decision(outcome, reasons, extendWeeks);
    }

    private static Reason statusOf(PilotSpec spec, IndicatorResult r) {
        if (r.verdict() == Verdict.INSUFFICIENT_DATA) {
            int min = r.indicator().definition().source().countsPersons() ? spec.decision().minResponses() : spec.decision().minCases();
            return ReasonTexts.insufficient(r, min);
        }
        if (r.verdict() == Verdict.FUTILE || r.verdict() == Verdict.WORSE) return ReasonTexts.worseOrFutile(r);
        if (r.verdict() == Verdict.BETTER) return ReasonTexts.improved(r);
        if (r.withheld()) return InferenceReasons.teamLevelMissing(spec, r);
        return new Reason("inconclusive", r.id(), ReasonTexts.change(r, dk.gevinst.text.Language.DA) + ": endnu uafklaret.",
            ReasonTexts.change(r, dk.gevinst.text.Language.EN) + ": not yet conclusive.");
    }

    /** A guardrail not shown to hold: too few cases, or its interval still reaching past the margin. */
    private static Reason guardrailStatus(PilotSpec spec, IndicatorResult r) {
        if (r.verdict() != Verdict.INCONCLUSIVE || r.withheld()) return statusOf(spec, r);
        return new Reason("inconclusive", r.id(), ReasonTexts.change(r, dk.gevinst.text.Language.DA) + ": ikke vist at holde sig inden for grænsen.",
            ReasonTexts.change(r, dk.gevinst.text.Language.EN) + ": not shown to stay within its margin.");
    }

    private static List<IndicatorResult> byRole(List<IndicatorResult> results, Role role) {
        return results.stream().filter(r -> r.indicator().role() == role).toList();
    }
}

package dk.gevinst.decision;

import dk.gevinst.business.BusinessCaseResult;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.indicator.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Fagsystemet først: a pilot goes to production only if the core task measurably improves, no guardrail
 * is breached, and the value covers the cost. The rules apply in order; technical indicators never enter.
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

        if (!breached.isEmpty()) {
            outcome = Outcome.STOP;
            breached.forEach(r -> reasons.add(ReasonTexts.breached(r)));
        } else if (allFutileOrWorse) {
            outcome = Outcome.STOP;
            reasons.add(ReasonTexts.futile(success));
            success.forEach(r -> reasons.add(ReasonTexts.worseOrFutile(r)));
        } else if (evidence && (business == null || business.best().npvDkk() >= 0)) {
            outcome = Outcome.GO;
            better.forEach(r -> reasons.add(ReasonTexts.improved(r)));
            reasons.add(ReasonTexts.guardrailsHeld(guardrails));
            reasons.add(business == null ? ReasonTexts.noBusinessCase() : ReasonTexts.valuePositive(business, spec));
        } else if (evidence && business.best().npvHighDkk() < 0) {
            outcome = Outcome.STOP;
            reasons.add(ReasonTexts.valueBelowCost(business));
            better.forEach(r -> reasons.add(ReasonTexts.improved(r)));
        } else if (asOf.isAfter(spec.end().plusWeeks(spec.decision().maxExtensionWeeks()))) {
            outcome = Outcome.STOP;
            reasons.add(ReasonTexts.deadlinePassed(spec));
            success.forEach(r -> reasons.add(statusOf(spec, r)));
        } else {
            outcome = Outcome.EXTEND;
            ExtensionEstimate.Estimate estimate = ExtensionEstimate.of(spec, results, asOf);
            extendWeeks = estimate.weeks();
            reasons.add(ReasonTexts.moreDataNeeded(estimate.indicator(), extendWeeks));
            for (IndicatorResult r : success) if (r != estimate.indicator()) reasons.add(statusOf(spec, r));
            for (IndicatorResult r : guardrails) if (r.verdict() == Verdict.INSUFFICIENT_DATA) reasons.add(statusOf(spec, r));
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
        return new Reason("inconclusive", r.id(), ReasonTexts.change(r, dk.gevinst.text.Language.DA) + ": endnu uafklaret.",
            ReasonTexts.change(r, dk.gevinst.text.Language.EN) + ": not yet conclusive.");
    }

    private static List<IndicatorResult> byRole(List<IndicatorResult> results, Role role) {
        return results.stream().filter(r -> r.indicator().role() == role).toList();
    }
}

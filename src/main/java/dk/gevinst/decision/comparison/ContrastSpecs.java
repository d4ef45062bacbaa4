package dk.gevinst.decision.comparison;

import dk.gevinst.business.CostLine;
import dk.gevinst.config.Candidate;
import dk.gevinst.config.DecisionRules;
import dk.gevinst.config.PilotIndicator;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.indicator.Role;
import dk.gevinst.ingest.CostKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The pilot specs a comparison is evaluated as, so every contrast gets exactly the evidence a pilot gets
 * (design, case-mix adjustment, unit-level inference, verdicts, business case):
 * <ul>
 * <li>each candidate against the shared control, at α/c (Bonferroni over the c candidates: the
 *     recommendation reads all of them, so a false drop-out or a false gain is a union over them);</li>
 * <li>each pair of candidates, the first as the pilot arm and the second as the control, on the success
 *     indicators only, at α/P (Bonferroni over the P = c(c − 1)/2 pairs, on top of the split over the k
 *     success indicators that every pilot makes).</li>
 * </ul>
 * Bonferroni rather than Holm or Tukey: the pages publish intervals, not only tests, and Bonferroni gives
 * simultaneous intervals that stay valid for the always-valid confidence sequence and under any
 * dependence; the contrasts share units (A − B and A − C share A), so they are far from independent.
 */
final class ContrastSpecs {
    private ContrastSpecs() {}

    static PilotSpec candidate(PilotSpec comparison, Candidate c) {
        return derived(comparison, c.units(), comparison.controlUnits(), comparison.indicators(), c.options().get(0).name(),
            comparison.decision().alpha() / comparison.candidates().size(), comparison.businessCase() != null);
    }

    static PilotSpec pair(PilotSpec comparison, Candidate first, Candidate second) {
        List<PilotIndicator> success = comparison.withRole(Role.SUCCESS);
        return derived(comparison, first.units(), second.units(), success, first.options().get(0).name(),
            comparison.decision().alpha() / pairs(comparison.candidates().size()), false);
    }

    static int pairs(int candidates) {
        return candidates * (candidates - 1) / 2;
    }

    /** The candidate's bid as cost lines of the comparison, one yearly and one one-off line per deployment option. */
    static List<CostLine> costs(PilotSpec comparison, Candidate c) {
        List<CostLine> out = new ArrayList<>();
        for (Candidate.DeploymentOption o : c.options()) {
            out.add(new CostLine(comparison.id(), o.name(), "bid", CostKind.ONE_OFF, o.oneOffDkk()));
            out.add(new CostLine(comparison.id(), o.name(), "bid", CostKind.YEARLY, o.yearlyDkk()));
        }
        return out;
    }

    private static PilotSpec derived(PilotSpec s, List<String> pilot, List<String> control, List<PilotIndicator> indicators, String deployment,
                                     double alpha, boolean businessCase) {
        DecisionRules d = s.decision();
        DecisionRules rules = new DecisionRules(alpha, d.minCases(), d.minResponses(), d.maxExtensionWeeks(), d.sequentialTuning());
        return new PilotSpec(s.id(), s.title(), s.owner(), deployment, s.start(), s.end(), s.baselineStart(), s.rampUpDays(), pilot, control,
            indicators, rules, businessCase ? s.businessCase() : null, s.file());
    }
}

package dk.gevinst.decision.comparison;

import dk.gevinst.business.OptionValue;
import dk.gevinst.config.Candidate;
import dk.gevinst.decision.IndicatorResult;
import dk.gevinst.decision.PilotEvaluation;
import dk.gevinst.decision.Verdict;
import dk.gevinst.indicator.Role;
import dk.gevinst.stats.ClusteredShare;
import dk.gevinst.stats.Interval;
import java.util.List;

/**
 * One candidate's own evidence against the shared control: exactly what a pilot of it would get (at the
 * comparison's split alpha), its employees' preference and its business case per deployment option.
 *
 * @param preferred the share of the candidate's respondents preferring it, with an interval honest about
 *                  respondents clustering in its teams ({@link ClusteredShare}); null without a preference indicator
 */
public record CandidateEvidence(Candidate candidate, PilotEvaluation evaluation, ClusteredShare preferred) {
    /** Why the candidate drops out of the recommendation: a guardrail breached, or futile on every success indicator; null if it stays. */
    public String droppedBy() {
        if (results(Role.GUARDRAIL).stream().anyMatch(r -> r.verdict() == Verdict.BREACHED)) return RecommendationRule.GUARDRAIL;
        List<IndicatorResult> success = results(Role.SUCCESS);
        if (!success.isEmpty() && success.stream().allMatch(r -> r.verdict() == Verdict.FUTILE || r.verdict() == Verdict.WORSE)) {
            return RecommendationRule.FUTILITY;
        }
        return null;
    }

    public List<IndicatorResult> results(Role role) {
        return evaluation.indicators().stream().filter(r -> r.indicator().role() == role).toList();
    }

    public IndicatorResult result(String indicatorId) {
        return evaluation.indicators().stream().filter(r -> r.id().equals(indicatorId)).findFirst().orElse(null);
    }

    /**
     * The share of the candidate's users who prefer it, with its Wilson interval at the comparison's split
     * alpha and the effective sample size of its teams; null without a {@code preference} indicator or answers.
     */
    public Interval preference() {
        return preferred == null || preferred.n() == 0 ? null : preferred.interval();
    }

    public double preferenceShare() {
        return preferred == null || preferred.n() == 0 ? Double.NaN : preferred.share();
    }

    /** The candidate's best deployment option by NPV; null without a business case. */
    public OptionValue bestOption() {
        return evaluation.businessCase() == null ? null : evaluation.businessCase().best();
    }

    public String id() {
        return candidate.id();
    }

    public String vendor() {
        return candidate.vendor();
    }
}

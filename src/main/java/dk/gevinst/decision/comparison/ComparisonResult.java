package dk.gevinst.decision.comparison;

import dk.gevinst.config.PilotSpec;
import dk.gevinst.decision.Decision;
import dk.gevinst.decision.Outcome;
import dk.gevinst.decision.PilotEvaluation;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything evaluated about one comparison on one night: each candidate's own evidence, the pairwise
 * contrasts, and the recommendation.
 *
 * @param leading   the candidate the rule points to, or null (every candidate dropped out, or nothing separates them)
 * @param decidedBy the step of the rule that picked it ({@link RecommendationRule#DROP_OUT} … {@link RecommendationRule#NOTHING})
 * @param decision  GO only when the leading candidate itself passes a pilot's rule against the control (it
 *                  measurably lifts the core task, its guardrails hold, its value covers its cost); else EXTEND
 *                  with the weeks needed, or STOP (every candidate dropped out, value below cost, or past the
 *                  deadline); see {@link PurchaseDecision}
 * @param pairAlpha   the alpha each pairwise contrast is judged at before the split over success indicators
 */
public record ComparisonResult(PilotSpec spec, LocalDate asOf, List<CandidateEvidence> candidates, List<PairContrast> pairs,
                               String leading, String decidedBy, Decision decision, double candidateAlpha, double pairAlpha) {
    public ComparisonResult {
        candidates = List.copyOf(candidates);
        pairs = List.copyOf(pairs);
    }

    /** The candidate to buy: the leading one when the decision is GO, else null. */
    public String recommended() {
        return decision.outcome() == Outcome.GO ? leading : null;
    }

    /** Each contrast's evaluation by its key ({@link ComparisonEvaluator#contrastKeys}): candidates first, then pairs. */
    public Map<String, PilotEvaluation> contrasts() {
        Map<String, PilotEvaluation> out = new LinkedHashMap<>();
        candidates.forEach(c -> out.put(ComparisonEvaluator.candidateKey(spec, c.candidate()), c.evaluation()));
        pairs.forEach(p -> out.put(ComparisonEvaluator.pairKey(spec, p.first(), p.second()), p.evaluation()));
        return out;
    }

    public CandidateEvidence candidate(String id) {
        return candidates.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }
}

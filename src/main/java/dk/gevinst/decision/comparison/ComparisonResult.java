package dk.gevinst.decision.comparison;

import dk.gevinst.config.PilotSpec;
import dk.gevinst.decision.Decision;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything evaluated about one comparison on one night: each candidate's own evidence, the pairwise
 * contrasts, and the recommendation.
 *
 * @param recommended the candidate recommended, or null (every candidate dropped out, or nothing separates them)
 * @param decidedBy   the step of the rule that decided ({@link RecommendationRule#GUARDRAIL} … {@link RecommendationRule#NOTHING})
 * @param decision    GO (buy the recommended candidate), STOP (every candidate dropped out) or EXTEND (nothing separates yet), with reasons
 * @param pairAlpha   the alpha each pairwise contrast is judged at before the split over success indicators
 */
public record ComparisonResult(PilotSpec spec, LocalDate asOf, List<CandidateEvidence> candidates, List<PairContrast> pairs,
                               String recommended, String decidedBy, Decision decision, double candidateAlpha, double pairAlpha) {
    public ComparisonResult {
        candidates = List.copyOf(candidates);
        pairs = List.copyOf(pairs);
    }

    public CandidateEvidence candidate(String id) {
        return candidates.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }
}

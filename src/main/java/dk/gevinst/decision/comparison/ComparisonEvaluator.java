package dk.gevinst.decision.comparison;

import dk.gevinst.cells.Arm;
import dk.gevinst.cells.CellTable;
import dk.gevinst.config.Candidate;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.decision.DriftFits;
import dk.gevinst.decision.PilotEvaluator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a comparison from the run's cells: each candidate against the shared control, each pair of
 * candidates against each other (all through {@link PilotEvaluator}, so every contrast gets a pilot's
 * evidence), then the recommendation. Plain Java over small records, no Spark.
 */
public final class ComparisonEvaluator {
    private ComparisonEvaluator() {}

    public static ComparisonResult evaluate(PilotSpec spec, CellTable table, LocalDate asOf) {
        if (!spec.isComparison()) throw new IllegalArgumentException(spec.id() + " names no candidates; evaluate it as a pilot");
        DriftFits fits = new DriftFits();
        List<CandidateEvidence> candidates = new ArrayList<>();
        for (Candidate c : spec.candidates()) {
            Map<String, Arm> arms = new HashMap<>();
            c.units().forEach(u -> arms.put(u, Arm.PILOT));
            spec.controlUnits().forEach(u -> arms.put(u, Arm.CONTROL));
            PilotSpec alone = ContrastSpecs.candidate(spec, c);
            candidates.add(new CandidateEvidence(c, PilotEvaluator.evaluate(alone, CandidateCells.of(alone, table, arms),
                ContrastSpecs.costs(spec, c), asOf, Map.of(), fits)));
        }
        List<PairContrast> pairs = new ArrayList<>();
        List<Candidate> all = spec.candidates();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Map<String, Arm> arms = new HashMap<>();
                all.get(i).units().forEach(u -> arms.put(u, Arm.PILOT));
                all.get(j).units().forEach(u -> arms.put(u, Arm.CONTROL));
                PilotSpec pair = ContrastSpecs.pair(spec, all.get(i), all.get(j));
                pairs.add(new PairContrast(all.get(i), all.get(j), PilotEvaluator.evaluate(pair, CandidateCells.of(pair, table, arms), List.of(),
                    asOf, Map.of(), fits)));
            }
        }
        return RecommendationRule.recommend(spec, asOf, candidates, pairs);
    }
}

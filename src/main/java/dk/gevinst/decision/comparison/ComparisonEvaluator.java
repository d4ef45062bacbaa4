package dk.gevinst.decision.comparison;

import dk.gevinst.cells.Arm;
import dk.gevinst.cells.CellTable;
import dk.gevinst.config.Candidate;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.decision.Analysis;
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
        return evaluate(spec, table, asOf, Map.of());
    }

    /**
     * @param frozen fixed-horizon analyses made on an earlier night, by contrast key ({@link #contrastKeys}) and
     *               indicator id: each contrast's final look is made once and kept, as a pilot's is
     */
    public static ComparisonResult evaluate(PilotSpec spec, CellTable table, LocalDate asOf, Map<String, Map<String, Analysis>> frozen) {
        return evaluate(spec, table, asOf, frozen, new DriftFits());
    }

    /** The same, with drift fits kept by the caller (the nightly run's, seeded from the last night). */
    public static ComparisonResult evaluate(PilotSpec spec, CellTable table, LocalDate asOf, Map<String, Map<String, Analysis>> frozen,
                                            DriftFits fits) {
        if (!spec.isComparison()) throw new IllegalArgumentException(spec.id() + " names no candidates; evaluate it as a pilot");
        List<CandidateEvidence> candidates = new ArrayList<>();
        for (Candidate c : spec.candidates()) {
            Map<String, Arm> arms = new HashMap<>();
            c.units().forEach(u -> arms.put(u, Arm.PILOT));
            spec.controlUnits().forEach(u -> arms.put(u, Arm.CONTROL));
            PilotSpec alone = ContrastSpecs.candidate(spec, c);
            CellTable cells = CandidateCells.of(alone, table, arms);
            candidates.add(new CandidateEvidence(c, PilotEvaluator.evaluate(alone, cells, ContrastSpecs.costs(spec, c), asOf,
                frozen.getOrDefault(candidateKey(spec, c), Map.of()), fits), CandidateCells.preferred(alone, cells, asOf)));
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
                    asOf, frozen.getOrDefault(pairKey(spec, all.get(i), all.get(j)), Map.of()), fits)));
            }
        }
        return RecommendationRule.recommend(spec, asOf, candidates, pairs);
    }

    /** The key of each contrast, candidates first: '.' is in no pilot or candidate id, so no key is a pilot's. */
    public static List<String> contrastKeys(PilotSpec spec) {
        List<String> out = new ArrayList<>();
        List<Candidate> all = spec.candidates();
        all.forEach(c -> out.add(candidateKey(spec, c)));
        for (int i = 0; i < all.size(); i++) for (int j = i + 1; j < all.size(); j++) out.add(pairKey(spec, all.get(i), all.get(j)));
        return out;
    }

    static String candidateKey(PilotSpec spec, Candidate c) {
        return spec.id() + "." + c.id();
    }

    static String pairKey(PilotSpec spec, Candidate first, Candidate second) {
        return spec.id() + "." + first.id() + "." + second.id();
    }
}

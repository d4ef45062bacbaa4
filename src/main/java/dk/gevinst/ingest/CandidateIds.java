package dk.gevinst.ingest;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.map;

import dk.gevinst.config.Candidate;
import dk.gevinst.config.PilotSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * The candidate ids a preference answer may name, per unit: the ids under {@code arms.candidates} of every
 * comparison whose candidate or control units hold the unit. Ingest quarantines a {@code candidate} value
 * outside them ({@code unknown_candidate}), so an answer about a system nobody in the unit compares is never
 * counted for another. Built from tonight's valid specs; a row quarantined once stays so (like any row), and
 * a spec that later adds the candidate needs the file delivered again.
 */
public record CandidateIds(Map<String, Set<String>> byUnit) {
    public static final CandidateIds NONE = new CandidateIds(Map.of());

    public CandidateIds {
        Map<String, Set<String>> copy = new TreeMap<>();
        byUnit.forEach((u, ids) -> copy.put(u, Set.copyOf(new TreeSet<>(ids))));
        byUnit = Map.copyOf(copy);
    }

    public static CandidateIds of(List<PilotSpec> specs) {
        Map<String, Set<String>> byUnit = new TreeMap<>();
        for (PilotSpec s : specs) {
            if (!s.isComparison()) continue;
            List<String> ids = s.candidates().stream().map(Candidate::id).toList();
            for (Candidate c : s.candidates()) c.units().forEach(u -> byUnit.computeIfAbsent(u, k -> new TreeSet<>()).addAll(ids));
            s.controlUnits().forEach(u -> byUnit.computeIfAbsent(u, k -> new TreeSet<>()).addAll(ids));
        }
        return new CandidateIds(byUnit);
    }

    /** True when {@code candidate} is set and is no id of a comparison covering {@code unit}. */
    Column unknown(Column unit, Column candidate) {
        if (byUnit.isEmpty()) return candidate.isNotNull();
        List<Column> entries = new ArrayList<>();
        new TreeMap<>(byUnit).forEach((u, ids) -> {
            entries.add(lit(u));
            entries.add(array(new TreeSet<>(ids).stream().map(functions::lit).toArray(Column[]::new)));
        });
        Column known = coalesce(array_contains(element_at(map(entries.toArray(Column[]::new)), unit), candidate), lit(false));
        return candidate.isNotNull().and(known.equalTo(false));
    }
}

package dk.gevinst.publish;

import dk.gevinst.cells.CellStats;
import dk.gevinst.decision.IndicatorResult;
import dk.gevinst.decision.PilotEvaluation;
import dk.gevinst.privacy.CellSuppression;
import dk.gevinst.privacy.SmallCells;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation's day cells by indicator, each with its k ≥ 5 decision ({@link CellSuppression}), made once for
 * both places that publish them, the decision document and {@code tables/cell_stats}: the decision is the same
 * for both by construction, and a night of many pilots pays for it once.
 */
public final class PilotCells {
    private final PilotEvaluation evaluation;
    private final Map<String, List<CellStats>> byIndicator;
    private final Map<String, CellSuppression> suppression;

    private PilotCells(PilotEvaluation evaluation, Map<String, List<CellStats>> byIndicator, Map<String, CellSuppression> suppression) {
        this.evaluation = evaluation;
        this.byIndicator = byIndicator;
        this.suppression = suppression;
    }

    public static PilotCells of(PilotEvaluation e) {
        Map<String, Boolean> covered = new HashMap<>();
        for (IndicatorResult r : e.indicators()) covered.put(r.id(), SmallCells.covers(r.indicator().definition().source()));
        // In the order the cells come: the table's rows keep it.
        Map<String, List<CellStats>> byIndicator = new LinkedHashMap<>();
        for (CellStats c : e.cells()) byIndicator.computeIfAbsent(c.indicatorId(), k -> new ArrayList<>()).add(c);
        for (IndicatorResult r : e.indicators()) byIndicator.putIfAbsent(r.id(), List.of());
        Map<String, CellSuppression> suppression = new HashMap<>();
        byIndicator.forEach((id, cells) -> suppression.put(id, CellSuppression.of(cells, covered.getOrDefault(id, false))));
        return new PilotCells(e, Collections.unmodifiableMap(byIndicator), suppression);
    }

    public PilotEvaluation evaluation() {
        return evaluation;
    }

    /** Each indicator's day cells, in the order they came; an indicator without cells has an empty list. */
    public Map<String, List<CellStats>> byIndicator() {
        return byIndicator;
    }

    public List<CellStats> cells(String indicatorId) {
        return byIndicator.getOrDefault(indicatorId, List.of());
    }

    public CellSuppression suppression(String indicatorId) {
        CellSuppression s = suppression.get(indicatorId);
        return s != null ? s : CellSuppression.of(List.of(), false);
    }
}

package dk.gevinst.publish;

import dk.gevinst.cells.CellStats;
import dk.gevinst.decision.IndicatorResult;
import dk.gevinst.decision.PilotEvaluation;
import dk.gevinst.privacy.CellSuppression;
import dk.gevinst.privacy.SmallCells;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation's day cells by indicator, each with its k ≥ 5 decision ({@link CellSuppression}), made once for
 * both places that publish them, the decision document and {@code tables/cell_stats}: the decision is the same
 * for both by construction, and a night of many pilots pays for it once. The document needs every figure's
 * decision; the table only the day cells', so {@link #forTables} keeps just those (a bit per cell) for the
 * stages between, instead of indexes of tens of megabytes for 200 pilots.
 */
public final class PilotCells {
    private final PilotEvaluation evaluation;
    private final Map<String, List<CellStats>> byIndicator;
    private final Map<String, CellSuppression> suppression;
    private final Map<String, BitSet> hiddenDays;

    private PilotCells(PilotEvaluation evaluation, Map<String, List<CellStats>> byIndicator, Map<String, CellSuppression> suppression,
                       Map<String, BitSet> hiddenDays) {
        this.evaluation = evaluation;
        this.byIndicator = byIndicator;
        this.suppression = suppression;
        this.hiddenDays = hiddenDays;
    }

    public static PilotCells of(PilotEvaluation e) {
        Map<String, Boolean> covered = new HashMap<>();
        for (IndicatorResult r : e.indicators()) covered.put(r.id(), SmallCells.covers(r.indicator().definition().source()));
        // In the order the cells come: the table's rows keep it.
        Map<String, List<CellStats>> byIndicator = new LinkedHashMap<>();
        for (CellStats c : e.cells()) byIndicator.computeIfAbsent(c.indicatorId(), k -> new ArrayList<>()).add(c);
        for (IndicatorResult r : e.indicators()) byIndicator.putIfAbsent(r.id(), List.of());
        Map<String, CellSuppression> suppression = new HashMap<>();
        Map<String, BitSet> hiddenDays = new HashMap<>();
        byIndicator.forEach((id, cells) -> {
            CellSuppression s = CellSuppression.of(cells, covered.getOrDefault(id, false));
            suppression.put(id, s);
            BitSet hidden = new BitSet(cells.size());
            for (int i = 0; i < cells.size(); i++) if (s.cell(i)) hidden.set(i);
            hiddenDays.put(id, hidden);
        });
        return new PilotCells(e, Collections.unmodifiableMap(byIndicator), suppression, hiddenDays);
    }

    /** The same cells with the day cells' decisions only: what the tables need after the document is built. */
    public PilotCells forTables() {
        return new PilotCells(evaluation, byIndicator, Map.of(), hiddenDays);
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

    /** Every figure's decision for an indicator of this evaluation (not after {@link #forTables}). */
    public CellSuppression suppression(String indicatorId) {
        CellSuppression s = suppression.get(indicatorId);
        if (s == null) throw new IllegalArgumentException("no suppression decided for indicator " + indicatorId + " of pilot " + evaluation.pilotId());
        return s;
    }

    /** Whether the i-th day cell of the indicator (in {@link #byIndicator}'s order) is hidden. */
    public boolean hiddenDay(String indicatorId, int i) {
        return hiddenDays.get(indicatorId).get(i);
    }
}

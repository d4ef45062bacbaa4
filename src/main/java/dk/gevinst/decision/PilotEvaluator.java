package dk.gevinst.decision;

import dk.gevinst.business.BusinessCase;
import dk.gevinst.business.BusinessCaseResult;
import dk.gevinst.business.CostLine;
import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.CellTable;
import dk.gevinst.config.PilotIndicator;
import dk.gevinst.config.PilotSpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Evaluates one pilot from the run's cells: plain Java over small records, no Spark. */
public final class PilotEvaluator {
    private PilotEvaluator() {}

    /**
     * @param frozen fixed-horizon analyses made on an earlier night, by indicator id (empty if none)
     */
    public static PilotEvaluation evaluate(PilotSpec spec, CellTable table, List<CostLine> costs, LocalDate asOf,
                                           Map<String, Analysis> frozen) {
        return evaluate(spec, table, costs, asOf, frozen, new DriftFits());
    }

    /** The same, with drift fits kept by the caller (who evaluates the same pilot night after night). */
    public static PilotEvaluation evaluate(PilotSpec spec, CellTable table, List<CostLine> costs, LocalDate asOf,
                                           Map<String, Analysis> frozen, DriftFits fits) {
        List<IndicatorResult> results = new ArrayList<>();
        List<CaseMixEvidence> caseMix = new ArrayList<>();
        List<CellStats> cells = new ArrayList<>();
        for (PilotIndicator indicator : spec.indicators()) {
            List<CellStats> days = table.of(spec.id(), indicator.id());
            cells.addAll(days);
            // Case indicators decide on their case-mix adjusted evidence; the unadjusted one is published beside it.
            CaseMixEvidence adjusted = CaseMixEvidence.of(spec, indicator, table, asOf, frozen.get(indicator.id()), fits);
            if (adjusted != null) caseMix.add(adjusted);
            results.add(adjusted != null ? adjusted.adjusted() : IndicatorEvaluator.evaluate(spec, indicator, days, asOf, frozen.get(indicator.id()), fits));
        }
        BusinessCaseResult business = spec.businessCase() == null ? null : BusinessCase.evaluate(spec, results, costs);
        Decision decision = DecisionRule.decide(spec, results, business, asOf);
        String analysis = asOf.isBefore(spec.end()) ? PilotEvaluation.SEQUENTIAL : PilotEvaluation.FINAL;
        return new PilotEvaluation(spec.id(), spec.file(), spec, asOf, analysis, decision, results, business, cells, null, caseMix, null);
    }
}

package dk.gevinst.decision;

import dk.gevinst.business.BusinessCaseResult;
import dk.gevinst.cells.CellStats;
import dk.gevinst.config.PilotSpec;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything evaluated about one pilot on one night. A pilot whose spec failed or whose evaluation threw
 * has {@code spec} possibly null, no indicators, and an {@code error}: a failing pilot is a result.
 * {@code indicators} hold the evidence the decision used: case indicators adjusted for case mix; {@code caseMix}
 * holds, for those, the unadjusted result beside it.
 */
public record PilotEvaluation(
        String pilotId,
        String file,
        PilotSpec spec,
        LocalDate asOf,
        String analysis,
        Decision decision,
        List<IndicatorResult> indicators,
        BusinessCaseResult businessCase,
        List<CellStats> cells,
        String error,
        List<CaseMixEvidence> caseMix,
        dk.gevinst.decision.comparison.ComparisonResult comparison) {

    public static final String SEQUENTIAL = "sequential";
    public static final String FINAL = "final";

    public PilotEvaluation {
        indicators = List.copyOf(indicators);
        cells = List.copyOf(cells);
        caseMix = caseMix == null ? List.of() : List.copyOf(caseMix);
    }

    /** The case-mix evidence of one indicator (its unadjusted result beside the adjusted one), or null if it has none. */
    public CaseMixEvidence caseMixOf(String indicatorId) {
        return caseMix.stream().filter(c -> c.id().equals(indicatorId)).findFirst().orElse(null);
    }

    public static PilotEvaluation failed(String pilotId, String file, PilotSpec spec, LocalDate asOf, Reason reason, String error) {
        return new PilotEvaluation(pilotId, file, spec, asOf, null, new Decision(null, List.of(reason), null), List.of(), null, List.of(), error, List.of(), null);
    }

    /**
     * A comparison's evaluation: the recommendation is its decision, and {@code comparison} holds each
     * candidate's evidence and the pairwise contrasts. {@code indicators} stay all candidates together
     * against the control.
     */
    public PilotEvaluation withComparison(dk.gevinst.decision.comparison.ComparisonResult c) {
        return new PilotEvaluation(pilotId, file, spec, asOf, analysis, c.decision(), indicators, businessCase, cells, error, caseMix, c);
    }

    public boolean ok() {
        return error == null;
    }
}

package dk.gevinst.decision;

import dk.gevinst.business.BusinessCaseResult;
import dk.gevinst.cells.CellStats;
import dk.gevinst.config.PilotSpec;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything evaluated about one pilot on one night. A pilot whose spec failed or whose evaluation threw
 * has {@code spec} possibly null, no indicators, and an {@code error}: a failing pilot is a result.
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
        String error) {

    public static final String SEQUENTIAL = "sequential";
    public static final String FINAL = "final";

    public PilotEvaluation {
        indicators = List.copyOf(indicators);
        cells = List.copyOf(cells);
    }

    public static PilotEvaluation failed(String pilotId, String file, PilotSpec spec, LocalDate asOf, Reason reason, String error) {
        return new PilotEvaluation(pilotId, file, spec, asOf, null, new Decision(null, List.of(reason), null), List.of(), null, List.of(), error);
    }

    public boolean ok() {
        return error == null;
    }
}

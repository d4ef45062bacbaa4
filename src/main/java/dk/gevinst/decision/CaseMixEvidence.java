package dk.gevinst.decision;

import dk.gevinst.cells.CaseMixCells;
import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.CellTable;
import dk.gevinst.config.PilotIndicator;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.stats.PostStratified;
import java.time.LocalDate;
import java.util.List;

/**
 * One case indicator evaluated twice: on its unit cells as they are (unadjusted) and on its case-mix
 * adjusted cells ({@link CaseMixCells}: the post-stratified estimate in the shape every analysis reads).
 * Both run through the same {@link IndicatorEvaluator}, so the adjusted one gets the same unit-level
 * inference: its weekly gap series is built from the adjusted weekly means. The decision uses the adjusted
 * one; the unadjusted one is published beside it, so a reader sees what the case mix did.
 *
 * @param adjusted          the result the decision uses
 * @param unadjusted        the same indicator on the cells as they are; published, never decides
 * @param fit               the strata, their weights (the pilot's own post-period mix), what was pooled or left out
 * @param varianceReduction 1 − (se_adjusted / se_unadjusted)² of tonight's case-level standard error: what the
 *                          case types explain (negative when the weights cost more than the types explain)
 */
public record CaseMixEvidence(IndicatorResult adjusted, IndicatorResult unadjusted, PostStratified fit, double varianceReduction) {

    /**
     * @param frozen the final analysis frozen on an earlier night: the adjusted one, because that is what decided
     * @return the adjusted and unadjusted results, or null when the indicator has no case types or no design
     *         (then the unadjusted result is the only one, as for surveys and usage)
     */
    static CaseMixEvidence of(PilotSpec spec, PilotIndicator indicator, CellTable table, LocalDate asOf, Analysis frozen, DriftFits fits) {
        List<CellStats> strata = table.strata(spec.id(), indicator.id());
        if (strata.isEmpty()) return null;
        List<CellStats> days = table.of(spec.id(), indicator.id());
        LocalDate lastDay = asOf.minusDays(indicator.maturityDays());
        Design design = PeriodCells.of(days, lastDay).design(spec.hasBaseline(), spec.hasControl());
        if (design == Design.NONE) return null;
        // Tonight's window sets the weights; the final look at the end reads the same adjusted cells up to the end.
        CaseMixCells cells = CaseMixCells.of(strata, lastDay, design != Design.PARALLEL, design != Design.PREPOST);
        IndicatorResult unadjusted = IndicatorEvaluator.evaluate(spec, indicator, days, asOf, null, fits);
        IndicatorResult adjusted = IndicatorEvaluator.evaluate(spec, indicator, cells.cells(), asOf, frozen, fits);
        return new CaseMixEvidence(adjusted, unadjusted, cells.fit(), reduction(adjusted, unadjusted));
    }

    private static double reduction(IndicatorResult adjusted, IndicatorResult unadjusted) {
        if (adjusted.sequential() == null || unadjusted.sequential() == null || unadjusted.sequential().seCase() <= 0) return Double.NaN;
        return 1 - Math.pow(adjusted.sequential().seCase() / unadjusted.sequential().seCase(), 2);
    }

    public String id() {
        return adjusted.id();
    }
}

package dk.gevinst.decision;

import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.UnitPanel;
import dk.gevinst.config.PilotIndicator;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.indicator.Role;
import dk.gevinst.stats.Interval;
import dk.gevinst.stats.Moments;
import java.time.LocalDate;
import java.util.List;

/**
 * Evaluates one indicator of one pilot from its day cells (one per unit): the design, tonight's sequential
 * analysis, the final fixed-horizon analysis once its data are in (as_of ≥ end + the indicator's maturity;
 * frozen from then on), the pre-trend check, and the verdict.
 */
public final class IndicatorEvaluator {
    private IndicatorEvaluator() {}

    /**
     * The levels an indicator is judged at, the primary one first. Each of the two analyses (tonight's
     * sequence and the final look) spends half of alpha. Success indicators split theirs over the k success
     * indicators (Bonferroni): GO needs only one of them, so a false GO is a union over them. Guardrails
     * are judged at two levels: breached at α/2/g over the g guardrails, because one breached guardrail stops
     * the pilot, so a false STOP is a union over them; non-inferior at α/2 without a split, because GO needs
     * every guardrail non-inferior, an intersection–union test that is valid at the level of each part.
     */
    public static List<Double> levels(PilotSpec spec, PilotIndicator indicator) {
        double half = spec.decision().alpha() / 2;
        if (indicator.role() == Role.SUCCESS) return List.of(half / Math.max(1, spec.withRole(Role.SUCCESS).size()));
        int g = spec.withRole(Role.GUARDRAIL).size();
        if (indicator.role() == Role.GUARDRAIL && g > 1) return List.of(half, half / g);
        return List.of(half);
    }

    /** The primary level of an indicator: what its interval in the reasons is at. */
    public static double level(PilotSpec spec, PilotIndicator indicator) {
        return levels(spec, indicator).get(0);
    }

    /** The final analysis is made once the last post day's values have matured. */
    public static boolean finalDue(PilotSpec spec, PilotIndicator indicator, LocalDate asOf) {
        return !asOf.isBefore(spec.end().plusDays(indicator.maturityDays()));
    }

    /**
     * @param frozen a final analysis made on an earlier night, or null to make it now when it is due
     */
    public static IndicatorResult evaluate(PilotSpec spec, PilotIndicator indicator, List<CellStats> days, LocalDate asOf, Analysis frozen,
                                           DriftFits fits) {
        PeriodCells cells = PeriodCells.of(days, asOf);
        Design design = cells.design(spec.hasBaseline(), spec.hasControl());
        Interval share = indicator.definition().descriptive() && cells.pilotPost().n() > 0
            ? TeamShares.descriptive(days, asOf, spec.decision().alpha())
            : null;
        boolean decides = indicator.role().decides();
        List<Double> levels = levels(spec, indicator);
        LocalDate lastDay = asOf.minusDays(indicator.maturityDays());
        // Tonight's analysis, the pre-trend check and the projection all read the same panel: built once. Every
        // analysis gets team-level inference, the shown-only ones too: a technical metric's days, or a team's, are
        // correlated, and a case-level interval over them would read far surer than the data are.
        UnitPanel tonight = UnitPanel.of(spec.id(), indicator.id(), days, lastDay);
        Analysis sequential = design == Design.NONE || !cells.contrast(design).estimable() ? null
            : AnalysisMaker.make(Analysis.SEQUENTIAL, spec, indicator, tonight, design, lastDay, false, levels, true, fits);
        if (sequential == null) {
            Verdict v = decides ? Verdict.INSUFFICIENT_DATA : Verdict.INFORMATIONAL;
            return new IndicatorResult(indicator, design, cells, null, null, null, null, false, Double.NaN, Double.NaN, v, false, null, share, null);
        }
        Analysis fin = frozen != null ? frozen : finalDue(spec, indicator, asOf) ? finalAnalysis(spec, indicator, days, design, levels, fits) : null;
        PreTrend preTrend = decides ? PreTrend.check(spec, indicator, tonight, design, lastDay, levels.get(0), fits) : null;
        Analysis published;
        Analysis.Bound bound;
        Verdict verdict;
        boolean withheld = false;
        if (!decides || tooFew(spec, indicator, cells, design)) {
            published = fin != null ? fin : sequential;
            bound = published.at(levels.get(0));
            verdict = decides ? Verdict.INSUFFICIENT_DATA : Verdict.INFORMATIONAL;
        } else {
            Verdicts.Pick pick = Verdicts.pick(indicator, sequential, fin, levels);
            published = pick.analysis();
            bound = pick.judgement().bound();
            verdict = pick.judgement().verdict();
            withheld = pick.judgement().withheld();
        }
        double cf = published.counterfactual();
        return new IndicatorResult(indicator, design, cells, sequential, fin, published, bound, Verdicts.readsRelative(indicator, cf) && bound.relative() != null,
            indicator.mde() == null ? Double.NaN : indicator.mde().resolve(cf), indicator.margin() == null ? Double.NaN : indicator.margin().resolve(cf),
            verdict, withheld, preTrend, share, decides ? AnalysisMaker.projection(spec, indicator, tonight, design, lastDay, sequential, fits) : null);
    }

    private static Analysis finalAnalysis(PilotSpec spec, PilotIndicator indicator, List<CellStats> days, Design design, List<Double> levels,
                                          DriftFits fits) {
        PeriodCells atEnd = PeriodCells.of(days, spec.end());
        if (atEnd.design(spec.hasBaseline(), spec.hasControl()) != design || !atEnd.contrast(design).estimable()) return null;
        return AnalysisMaker.make(Analysis.FINAL, spec, indicator, days, design, spec.end(), true, levels, true, fits);
    }

    private static boolean tooFew(PilotSpec spec, PilotIndicator indicator, PeriodCells cells, Design design) {
        int minimum = indicator.definition().source().countsPersons() ? spec.decision().minResponses() : spec.decision().minCases();
        for (Moments m : cells.used(design)) if (m.n() < minimum) return true;
        return false;
    }
}

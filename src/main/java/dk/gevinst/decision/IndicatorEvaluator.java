package dk.gevinst.decision;

import dk.gevinst.cells.CellStats;
import dk.gevinst.config.PilotIndicator;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.indicator.Role;
import dk.gevinst.stats.ConfidenceSequence;
import dk.gevinst.stats.Contrast;
import dk.gevinst.stats.FixedHorizon;
import dk.gevinst.stats.Interval;
import dk.gevinst.stats.Moments;
import dk.gevinst.stats.WilsonInterval;
import java.time.LocalDate;
import java.util.List;

/**
 * Evaluates one indicator of one pilot from its day cells: design, effect, the always-valid interval, the
 * frozen fixed-horizon interval once the planned end has passed, and the verdict.
 *
 * <p>Each analysis spends half of alpha; success indicators split theirs over the k success indicators
 * (Bonferroni), guardrails do not. An interval shows something if either analysis shows it.
 */
public final class IndicatorEvaluator {
    private IndicatorEvaluator() {}

    public static double level(PilotSpec spec, PilotIndicator indicator) {
        double half = spec.decision().alpha() / 2;
        if (indicator.role() != Role.SUCCESS) return half;
        return half / Math.max(1, spec.withRole(Role.SUCCESS).size());
    }

    /**
     * @param frozen a fixed analysis made on an earlier night, or null to make it now (when as_of ≥ end)
     */
    public static IndicatorResult evaluate(PilotSpec spec, PilotIndicator indicator, List<CellStats> days, LocalDate asOf, FixedAnalysis frozen) {
        PeriodCells cells = PeriodCells.of(days, asOf);
        Design design = cells.design(spec.hasBaseline(), spec.hasControl());
        double a = level(spec, indicator);
        Interval share = indicator.definition().descriptive() && cells.pilotPost().n() > 0
            ? WilsonInterval.of(Math.round(cells.pilotPost().sum()), cells.pilotPost().n(), spec.decision().alpha())
            : null;
        if (design == Design.NONE || !cells.contrast(design).estimable()) {
            Verdict v = indicator.role().decides() ? Verdict.INSUFFICIENT_DATA : Verdict.INFORMATIONAL;
            return new IndicatorResult(indicator, design, cells, Double.NaN, Double.NaN, Double.NaN, cells.counterfactual(design),
                Double.NaN, cells.pilotPost().n(), null, null, Double.NaN, Double.NaN, v, share);
        }
        Contrast contrast = cells.contrast(design);
        double counterfactual = cells.counterfactual(design);
        double nStar = spec.decision().sequentialTuning();
        Interval cs = ConfidenceSequence.of(contrast, a, nStar);
        SequentialAnalysis sequential = new SequentialAnalysis(cs.low(), cs.high(), a, nStar);
        FixedAnalysis fixed = frozen;
        if (fixed == null && !asOf.isBefore(spec.end())) fixed = fixedAtEnd(spec, days, design, a);
        double mdeAbs = indicator.mde() == null ? Double.NaN : indicator.mde().resolve(counterfactual);
        double marginAbs = indicator.margin() == null ? Double.NaN : indicator.margin().resolve(counterfactual);
        IndicatorResult provisional = new IndicatorResult(indicator, design, cells, contrast.estimate(), contrast.standardError(),
            contrast.degreesOfFreedom(), counterfactual, contrast.estimate() / Math.abs(counterfactual), contrast.totalN(),
            sequential, fixed, mdeAbs, marginAbs, Verdict.INCONCLUSIVE, share);
        Verdict verdict = verdict(spec, provisional);
        return new IndicatorResult(indicator, design, cells, provisional.effect(), provisional.standardError(), provisional.dof(),
            counterfactual, provisional.relativeEffect(), provisional.n(), sequential, fixed, mdeAbs, marginAbs, verdict, share);
    }

    private static FixedAnalysis fixedAtEnd(PilotSpec spec, List<CellStats> days, Design design, double a) {
        PeriodCells atEnd = PeriodCells.of(days, spec.end());
        if (atEnd.design(spec.hasBaseline(), spec.hasControl()) != design || !atEnd.contrast(design).estimable()) return null;
        FixedHorizon.Result r = FixedHorizon.analyse(atEnd.contrast(design), a);
        return new FixedAnalysis(r.estimate(), r.standardError(), r.dof(), r.interval().low(), r.interval().high(), r.pValue(), a);
    }

    static Verdict verdict(PilotSpec spec, IndicatorResult r) {
        Role role = r.indicator().role();
        if (!role.decides()) return Verdict.INFORMATIONAL;
        int minimum = r.indicator().definition().source().countsPersons() ? spec.decision().minResponses() : spec.decision().minCases();
        for (Moments m : r.cells().used(r.design())) if (m.n() < minimum) return Verdict.INSUFFICIENT_DATA;
        List<Interval> intervals = goodSideIntervals(r);
        if (role == Role.SUCCESS) {
            if (intervals.stream().anyMatch(i -> i.low() > 0)) return Verdict.BETTER;
            if (intervals.stream().anyMatch(i -> i.high() < 0)) return Verdict.WORSE;
            if (!Double.isNaN(r.mdeAbs()) && intervals.stream().anyMatch(i -> i.high() < r.mdeAbs())) return Verdict.FUTILE;
            return Verdict.INCONCLUSIVE;
        }
        double margin = Double.isNaN(r.marginAbs()) ? 0 : r.marginAbs();
        if (intervals.stream().anyMatch(i -> i.high() < -margin)) return Verdict.BREACHED;
        if (intervals.stream().anyMatch(i -> i.low() > -margin)) return Verdict.NON_INFERIOR;
        return Verdict.INCONCLUSIVE;
    }

    /** Both analyses' intervals, turned so that above zero is good. */
    static List<Interval> goodSideIntervals(IndicatorResult r) {
        List<Interval> out = new java.util.ArrayList<>();
        if (r.sequential() != null) out.add(orient(r, new Interval(r.sequential().ciLow(), r.sequential().ciHigh(), r.sequential().alpha())));
        if (r.fixed() != null) out.add(orient(r, new Interval(r.fixed().ciLow(), r.fixed().ciHigh(), r.fixed().alpha())));
        return out;
    }

    private static Interval orient(IndicatorResult r, Interval i) {
        return r.sign() > 0 ? i : i.negate();
    }
}

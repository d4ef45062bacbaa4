package dk.gevinst.decision;

import dk.gevinst.cells.Arm;
import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.UnitPanel;
import dk.gevinst.config.PilotIndicator;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.indicator.Scale;
import dk.gevinst.stats.ConfidenceSequence;
import dk.gevinst.stats.FiellerInterval;
import dk.gevinst.stats.FixedHorizon;
import dk.gevinst.stats.RelativeEffect;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Makes one {@link Analysis} of one indicator: the weekly series of the pilot arm against the control arm,
 * its estimate, the case-level and the unit-level uncertainty, and the interval at each level the
 * indicator is judged at. The decision uses the wider of the case-level and the unit-level interval:
 * <ul>
 * <li>sequential: the confidence sequence with the case-level standard error and N observations, or with
 *     the unit-level standard error and the effective sample size N_eff = N·(se_case/se_unit)², widened by
 *     t_ν(1 − a/2)/z(1 − a/2) to pay for the uncertainty of the unit-level variance;</li>
 * <li>final: estimate ± t·se_case (Welch–Satterthwaite ν), or ± the unit-level critical value.</li>
 * </ul>
 * The relative interval is Fieller's (the level without the pilot is an estimate too) at the same multiplier
 * as the absolute one, so the two agree on whether the change is zero ({@link dk.gevinst.stats.FiellerInterval}).
 */
final class AnalysisMaker {
    private AnalysisMaker() {}

    /**
     * @param lastDay the last day of data (tonight: as_of less the indicator's maturity; final: the planned end)
     * @param closed  true for the final analysis: the window is closed, so its last week is complete
     * @param levels  the levels the indicator is judged at, the primary one first
     * @return null when the series cannot give an estimate
     */
    static Analysis make(String kind, PilotSpec spec, PilotIndicator indicator, List<CellStats> days, Design design, LocalDate lastDay,
                         boolean closed, List<Double> levels, boolean unitLevel, DriftFits fits) {
        return make(kind, spec, indicator, UnitPanel.of(spec.id(), indicator.id(), days, lastDay), design, lastDay, closed, levels, unitLevel, fits);
    }

    /** The same, on the unit panel of the indicator's cells up to {@code lastDay}, built once by the caller. */
    static Analysis make(String kind, PilotSpec spec, PilotIndicator indicator, UnitPanel panel, Design design, LocalDate lastDay,
                         boolean closed, List<Double> levels, boolean unitLevel, DriftFits fits) {
        boolean binary = "share".equals(indicator.definition().unit());
        WeeklySeries series = series(panel, spec, design, lastDay, closed, binary);
        if (!series.estimable()) return null;
        double estimate = series.estimate(), cf = series.counterfactual();
        WeeklySeries.CaseLevel caseLevel = series.caseLevel();
        double seCase = Math.sqrt(caseLevel.variance());
        double relative = Math.abs(cf) > 1e-9 ? estimate / Math.abs(cf) : Double.NaN;
        double seRelative = Double.isNaN(relative) ? Double.NaN
            : RelativeEffect.standardError(estimate, caseLevel.variance(), cf, caseLevel.counterfactualVariance(), caseLevel.covariance());
        Ratio ratio = Double.isNaN(relative) ? null : new Ratio(cf, caseLevel.counterfactualVariance(), caseLevel.covariance());
        long n = series.observations();
        List<String> controls = panel.units(Arm.CONTROL).stream().filter(Objects::nonNull).toList();
        UnitLevelInference.Result unit = unitLevel
            ? UnitLevelInference.of(series, controls, panel.units(Arm.PILOT).size(), u -> WeeklySeries.of(panel, design,
                WeeklySeries.Side.controlUnit(u), WeeklySeries.Side.controlsBut(u), spec.baselineStart(), spec.postStart(), lastDay, closed, binary),
                levels, fits)
            : null;
        double nStar = spec.decision().sequentialTuning();
        List<Analysis.Bound> bounds = new ArrayList<>();
        for (double a : levels) {
            bounds.add(ScaleClip.clip(bound(kind, a, estimate, ratio, seCase, caseLevel.dof(), n, nStar,
                unit == null || !unit.published().available() ? null : unit.at(a)), Scale.of(indicator.definition()), estimate, cf));
        }
        UnitLevel published = unit == null ? null : unit.published();
        return new Analysis(kind, lastDay, estimate, cf, relative, seCase, caseLevel.dof(), seRelative, n, series.size(), published, bounds, nStar,
            gapWeeks(series));
    }

    private static List<Analysis.GapWeek> gapWeeks(WeeklySeries series) {
        double[] gaps = series.gaps(), noise = series.noise();
        List<Analysis.GapWeek> out = new ArrayList<>();
        for (int i = 0; i < gaps.length; i++) {
            WeeklySeries.Week w = series.weeks().get(i);
            out.add(new Analysis.GapWeek(w.monday(), gaps[i], Math.sqrt(noise[i]), w.post(), w.complete(), w.pilot().n(),
                w.control() == null ? 0 : w.control().n()));
        }
        return out;
    }

    private static WeeklySeries series(UnitPanel panel, PilotSpec spec, Design design, LocalDate lastDay, boolean closed, boolean binary) {
        return WeeklySeries.of(panel, design, WeeklySeries.Side.arm(Arm.PILOT), WeeklySeries.Side.arm(Arm.CONTROL),
            spec.baselineStart(), spec.postStart(), lastDay, closed, binary);
    }

    /** How tonight's sequential analysis would look after more weeks: the extension estimate's model. */
    static Projection projection(PilotSpec spec, PilotIndicator indicator, UnitPanel panel, Design design, LocalDate lastDay,
                                 Analysis tonight, DriftFits fits) {
        WeeklySeries series = series(panel, spec, design, lastDay, false, "share".equals(indicator.definition().unit()));
        UnitLevel u = tonight.unitLevel();
        boolean gap = u != null && u.method().contains(UnitLevel.WEEKLY_GAP);
        boolean placebos = panel.units(Arm.CONTROL).stream().filter(Objects::nonNull).count() >= UnitLevelInference.MIN_PLACEBO_CONTROLS;
        // The baseline does not grow: a design without enough baseline weeks never gets a weekly-gap inference.
        boolean later = placebos || design != Design.PARALLEL && series.complete().count(false) >= UnitLevelInference.MIN_WEEKS_PER_PERIOD;
        return new Projection(series, gap ? fits.of(series.complete()) : null, u == null ? null : u.placebo(),
            u == null || u.dof() == null ? Double.POSITIVE_INFINITY : u.dof(), spec.decision().sequentialTuning(), later,
            lastDay, spec.end(), tonight.dofCase());
    }

    /** The counterfactual an effect is read relative to, with its case-level variance and its covariance with the effect. */
    record Ratio(double counterfactual, double variance, double covariance) {}

    /** @param ratio the counterfactual for the relative interval, or null for none */
    static Analysis.Bound bound(String kind, double a, double estimate, Ratio ratio, double seCase, double dofCase,
                                        long n, double nStar, UnitLevelInference.Critical unit) {
        boolean sequential = Analysis.SEQUENTIAL.equals(kind);
        double z = FixedHorizon.quantile(1 - a / 2, Double.POSITIVE_INFINITY);
        double halfCase = sequential ? ConfidenceSequence.halfWidth(seCase, n, a, nStar) : FixedHorizon.quantile(1 - a / 2, dofCase) * seCase;
        double half = halfCase, se = seCase, dof = sequential ? Double.POSITIVE_INFINITY : dofCase, nEff = n;
        String decidedBy = Analysis.CASE;
        if (unit != null) {
            double unitNEff = Math.max(1, n * Math.pow(seCase / unit.se(), 2));
            double halfUnit = sequential ? ConfidenceSequence.halfWidth(unit.se(), unitNEff, a, nStar) * unit.h() / (z * unit.se()) : unit.h();
            if (halfUnit > halfCase) {
                half = halfUnit;
                se = unit.se();
                dof = unit.dof();
                nEff = unitNEff;
                decidedBy = Analysis.UNIT;
            }
        }
        double[] rel = relative(estimate, half, seCase, ratio);
        return new Analysis.Bound(a, decidedBy, se, dof, nEff, estimate - half, estimate + half, rel[0], rel[1], false);
    }

    /**
     * The relative interval by Fieller's method at the absolute interval's own multiplier (half-width over the
     * case-level SE, so a team-level or sequential width carries over with the counterfactual's variance scaled
     * alike): it holds 0 exactly when the absolute interval does. When the counterfactual is not clearly away from
     * zero the absolute interval is divided by it, which keeps that agreement.
     */
    private static double[] relative(double estimate, double half, double seCase, Ratio ratio) {
        if (ratio == null) return new double[] {Double.NaN, Double.NaN};
        double cf = Math.abs(ratio.counterfactual());
        double[] fieller = seCase > 0
            ? FiellerInterval.of(estimate, ratio.counterfactual(), seCase * seCase, ratio.variance(), ratio.covariance(), half / seCase) : null;
        return fieller != null ? fieller : new double[] {(estimate - half) / cf, (estimate + half) / cf};
    }
}

package dk.gevinst.decision;

import dk.gevinst.cells.Arm;
import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.UnitPanel;
import dk.gevinst.config.PilotIndicator;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.stats.FixedHorizon;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The pre-trend check: a placebo effect at a fake start in the middle of the baseline, with the same
 * estimator and the same unit-level uncertainty as the real effect. If the pilot's and the control teams'
 * levels were already moving apart before the pilot started, the estimate would carry that movement into
 * the effect; an interval that excludes zero here blocks GO and is a health finding on the page.
 *
 * @param fakeStart   the Monday the baseline is split at
 * @param weeksBefore complete baseline weeks before it
 * @param weeksAfter  complete baseline weeks from it to the real start
 * @param decidedBy   {@code case} or {@code unit}: which interval was wider
 */
public record PreTrend(LocalDate fakeStart, int weeksBefore, int weeksAfter, double estimate, double low, double high, double alpha,
                       String decidedBy, boolean driftFound) {
    /** Baseline weeks needed on each side of the fake start for a unit-level interval. */
    static final int MIN_WEEKS_EACH_SIDE = 4;

    /** The check at level a, or null when the design has no baseline or too few weeks for a team-level interval. */
    static PreTrend check(PilotSpec spec, PilotIndicator indicator, List<CellStats> days, Design design, LocalDate lastDay, double a, DriftFits fits) {
        if (design != Design.DID && design != Design.PREPOST) return null;
        UnitPanel panel = UnitPanel.of(spec.id(), indicator.id(), days, lastDay);
        boolean binary = "share".equals(indicator.definition().unit());
        WeeklySeries all = WeeklySeries.of(panel, design, WeeklySeries.Side.arm(Arm.PILOT), WeeklySeries.Side.arm(Arm.CONTROL),
            spec.baselineStart(), spec.postStart(), lastDay, false, binary);
        List<WeeklySeries.Week> pre = all.complete().weeks().stream().filter(w -> !w.post()).toList();
        if (pre.size() < 2 * MIN_WEEKS_EACH_SIDE) return null;
        LocalDate fake = pre.get(pre.size() / 2).monday();
        WeeklySeries series = all.fakeStart(fake);
        List<String> controls = panel.units(Arm.CONTROL).stream().filter(Objects::nonNull).toList();
        UnitLevelInference.Result unit = UnitLevelInference.of(series, controls, panel.units(Arm.PILOT).size(),
            u -> WeeklySeries.of(panel, design, WeeklySeries.Side.controlUnit(u), WeeklySeries.Side.controlsBut(u), spec.baselineStart(),
                spec.postStart(), lastDay, false, binary).fakeStart(fake), List.of(a), fits);
        if (!unit.published().available()) return null;
        WeeklySeries.CaseLevel caseLevel = series.caseLevel();
        double halfCase = FixedHorizon.quantile(1 - a / 2, caseLevel.dof()) * Math.sqrt(caseLevel.variance());
        double halfUnit = unit.at(a).h();
        double half = Math.max(halfCase, halfUnit), est = series.estimate();
        return new PreTrend(fake, series.count(false), series.count(true), est, est - half, est + half, a,
            halfUnit >= halfCase ? Analysis.UNIT : Analysis.CASE, est - half > 0 || est + half < 0);
    }
}

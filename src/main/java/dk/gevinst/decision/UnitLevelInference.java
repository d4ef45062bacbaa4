package dk.gevinst.decision;

import dk.gevinst.stats.DriftPosterior;
import dk.gevinst.stats.FixedHorizon;
import dk.gevinst.stats.NeweyWest;
import dk.gevinst.stats.PlaceboInSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Team-level inference for one analysis, chosen by what the data allow (issue 8):
 * <ul>
 * <li><b>weekly gap</b> (did and prepost, at least {@value #MIN_WEEKS_PER_PERIOD} complete weeks before and after
 *     and {@value #MIN_WEEKS} in all): the gap series with AR(1) team drift on top of the known sampling
 *     noise, the drift integrated out ({@link DriftPosterior}), fitted on complete weeks only; the
 *     Newey–West standard error (t with T − 2) is a floor under it;</li>
 * <li><b>placebo in space</b> (at least {@value #MIN_PLACEBO_CONTROLS} control units): every control unit made
 *     a pseudo-pilot against the other controls with the same estimator; their root mean square is the
 *     standard error with J degrees of freedom.</li>
 * </ul>
 * When both apply, the wider interval counts. Five controls is where a placebo standard error starts to be
 * usable: with J degrees of freedom the t quantile at 98.75 % is 4.0 for J = 5 against 2.5 for the normal,
 * and below five a single odd control dominates the root mean square. Parallel designs (no baseline) get
 * no weekly-gap inference: a lasting difference between teams is then indistinguishable from the pilot.
 */
final class UnitLevelInference {
    static final int MIN_PLACEBO_CONTROLS = 5;
    static final int MIN_WEEKS_PER_PERIOD = 3;
    static final int MIN_WEEKS = 8;

    private UnitLevelInference() {}

    /** The unit-level critical value h (est ± h), its standard error and degrees of freedom, at one level. */
    record Critical(double h, double se, double dof) {}

    /** The published summary at the primary level, and the critical value at every level asked for. */
    record Result(UnitLevel published, Map<Double, Critical> byLevel) {
        Critical at(double alpha) {
            return byLevel.get(alpha);
        }
    }

    /**
     * @param series  tonight's (or the end's) series of the pilot against the controls
     * @param placebo builds the series of one control unit against the other controls; null without one
     * @param controlUnits the control units with data, for placebos
     */
    static Result of(WeeklySeries series, List<String> controlUnits, int pilotUnits, Function<String, WeeklySeries> placebo,
                     List<Double> levels, DriftFits fits) {
        WeeklySeries complete = series.complete();
        int pre = complete.count(false), post = complete.count(true);
        Gap gap = weeklyGap(series, complete, levels, fits);
        Placebos pl = controlUnits.size() >= MIN_PLACEBO_CONTROLS ? placebos(series, controlUnits, placebo) : null;
        if (gap == null && pl == null) {
            String why = series.design() == Design.PARALLEL ? "parallel_few_controls" : "too_few_weeks";
            return new Result(UnitLevel.none(why, pilotUnits, controlUnits.size(), pre, post), Map.of());
        }
        Map<Double, Critical> byLevel = new LinkedHashMap<>();
        for (double a : levels) {
            Critical g = gap == null ? null : gap.byLevel.get(a);
            Critical p = pl == null ? null : new Critical(FixedHorizon.quantile(1 - a / 2, pl.result.degreesOfFreedom()) * pl.result.standardError(),
                pl.result.standardError(), pl.result.degreesOfFreedom());
            byLevel.put(a, g == null ? p : p == null || g.h() >= p.h() ? g : p);
        }
        Critical primary = byLevel.get(levels.get(0));
        String method = gap != null && pl != null ? UnitLevel.WEEKLY_GAP + "+" + UnitLevel.PLACEBO : gap != null ? UnitLevel.WEEKLY_GAP : UnitLevel.PLACEBO;
        UnitLevel.Placebo published = pl == null ? null
            : new UnitLevel.Placebo(pl.units, pl.result.standardError(), pl.result.degreesOfFreedom(), pl.result.rankPValue());
        return new Result(new UnitLevel(method, null, pilotUnits, controlUnits.size(), pre, post, primary.se(), primary.dof(),
            gap == null ? null : gap.driftSd, gap == null ? null : gap.driftRho, gap == null ? null : gap.hacSe, gap == null ? null : gap.hacLag,
            published), byLevel);
    }

    /** The weekly gap's critical values per level, and its published diagnostics: the drift's size and persistence, the HAC standard error. */
    private record Gap(Map<Double, Critical> byLevel, double driftSd, double driftRho, double hacSe, int hacLag) {}

    /** The drift-integrated critical value of tonight's contrast, floored by Newey–West; null when the weeks are too few. */
    private static Gap weeklyGap(WeeklySeries series, WeeklySeries complete, List<Double> levels, DriftFits fits) {
        if (series.design() == Design.PARALLEL) return null;
        if (complete.count(false) < MIN_WEEKS_PER_PERIOD || complete.count(true) < MIN_WEEKS_PER_PERIOD || complete.size() < MIN_WEEKS) return null;
        DriftPosterior posterior = fits.of(complete);
        double[] c = series.contrast(), time = series.times(), noise = series.noise();
        double se = Math.sqrt(posterior.meanVariance(c, time, noise));
        int lag = NeweyWest.lag(complete.size());
        double hac = NeweyWest.standardError(complete.gaps(), complete.regressors(), complete.weights(), 1, lag);
        Map<Double, Critical> out = new LinkedHashMap<>();
        for (double a : levels) {
            double h = posterior.critical(c, time, noise, a / 2);
            double hHac = FixedHorizon.quantile(1 - a / 2, complete.size() - 2) * hac;
            out.put(a, h >= hHac ? new Critical(h, se, equivalentDof(h / se, a)) : new Critical(hHac, hac, complete.size() - 2));
        }
        return new Gap(out, posterior.meanSigma(), posterior.meanRho(), hac, lag);
    }

    private record Placebos(List<UnitLevel.PlaceboUnit> units, PlaceboInSpace result) {}

    private static Placebos placebos(WeeklySeries series, List<String> controlUnits, Function<String, WeeklySeries> placebo) {
        List<UnitLevel.PlaceboUnit> units = new ArrayList<>();
        List<Double> estimates = new ArrayList<>();
        for (String unit : controlUnits) {
            WeeklySeries s = placebo.apply(unit);
            if (!s.estimable()) continue;
            double e = s.estimate();
            units.add(new UnitLevel.PlaceboUnit(unit, e));
            estimates.add(e);
        }
        if (estimates.size() < MIN_PLACEBO_CONTROLS) return null;
        return new Placebos(units, PlaceboInSpace.of(series.estimate(), estimates));
    }

    /** The ν with t_ν(1 − a/2) = ratio: the degrees of freedom a t interval with this standard error would need. */
    static double equivalentDof(double ratio, double a) {
        if (ratio <= FixedHorizon.quantile(1 - a / 2, Double.POSITIVE_INFINITY)) return Double.POSITIVE_INFINITY;
        double lo = 0.05, hi = 1e7;
        if (FixedHorizon.quantile(1 - a / 2, lo) < ratio) return lo;
        for (int i = 0; i < 40; i++) {
            double mid = Math.sqrt(lo * hi);
            if (FixedHorizon.quantile(1 - a / 2, mid) > ratio) lo = mid;
            else hi = mid;
        }
        return Math.sqrt(lo * hi);
    }
}

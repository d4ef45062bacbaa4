package dk.gevinst.decision;

import dk.gevinst.stats.DriftPosterior;
import dk.gevinst.stats.FixedHorizon;
import dk.gevinst.stats.LeastSquares;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * Tonight's sequential interval as it would be after more weeks of data, for the extension estimate.
 * Future post weeks get the volume, spread and weight of the recent complete post weeks. The drift is the
 * one the data describe best tonight (σ and ρ at the largest restricted likelihood), and the uncertainty
 * about it shrinks as weeks come: tonight's excess of the drift-integrated variance over that plug-in
 * shrinks in proportion T/(T + w) to the T complete weeks, and tonight's ν grows in proportion (T + w)/T.
 * At w = 0 this is tonight's interval. So the case-level part shrinks like 1/√n and the team-level part only as far as the
 * drift allows: drift in the baseline stays, and persistent drift averages out slowly. The interval's
 * multiplier at the new effective sample size follows the same rule as tonight's ({@link AnalysisMaker#bound}).
 *
 * <p>The final look is projected too ({@link #atFinal}): the fixed-horizon interval on data up to the planned
 * end, made once as_of reaches end + maturity. It is narrower than the sequence (t instead of the sequence's
 * multiplier), so a pilot whose final look is expected to decide is not told it cannot be decided.
 */
final class Projection {
    private static final int RECENT = 4;
    private final WeeklySeries series;
    private final DriftPosterior drift;
    private final UnitLevel.Placebo placebo;
    private final double gapVariance, nStar, dof, excess, dofCase;
    private final boolean teamPossibleLater;
    private final LocalDate through, end;

    /**
     * @param drift     the drift fit behind tonight's weekly-gap inference, or null
     * @param placebo   tonight's placebo inference, or null
     * @param teamPossibleLater whether more weeks can bring team-level inference where there is none tonight
     * @param through   tonight's last day of data (as_of less the indicator's maturity)
     * @param end       the planned end: the final look uses data up to it
     * @param dofCase   tonight's case-level ν, kept for the final look (it only grows with more cases)
     */
    Projection(WeeklySeries series, DriftPosterior drift, UnitLevel.Placebo placebo, double dof, double nStar, boolean teamPossibleLater,
               LocalDate through, LocalDate end, double dofCase) {
        this.through = through;
        this.end = end;
        this.dofCase = dofCase;
        this.series = series;
        this.drift = drift;
        this.placebo = placebo;
        this.nStar = nStar;
        this.teamPossibleLater = teamPossibleLater;
        this.dof = dof;
        this.gapVariance = drift == null ? Double.NaN : plugIn(series.contrast(), series.times(), series.noise());
        this.excess = drift == null ? 0 : Math.max(0, drift.meanVariance(series.contrast(), series.times(), series.noise()) / gapVariance - 1);
    }

    /** Whether team-level inference exists tonight or can exist after more weeks. */
    boolean teamLevelReachable() {
        return drift != null || placebo != null || teamPossibleLater;
    }

    /** Complete post weeks still missing before the weekly gap can be fitted (0 when it can). */
    int weeksUntilTeamLevel() {
        if (drift != null || placebo != null) return 0;
        WeeklySeries complete = series.complete();
        return Math.max(0, Math.max(UnitLevelInference.MIN_WEEKS_PER_PERIOD - complete.count(true), UnitLevelInference.MIN_WEEKS - complete.size()));
    }

    /**
     * The sequential bound at level a after {@code weeks} more weeks, or null when tonight's weeks give no
     * volume to project (no post week yet).
     */
    Analysis.Bound after(int weeks, double a) {
        return projected(weeks, a, Analysis.SEQUENTIAL);
    }

    /**
     * Weeks from tonight until the final look is made: as_of reaches end + maturity, which is when the last
     * day of data (as_of − maturity) reaches the end. 0 when the end is behind tonight's data.
     */
    int weeksUntilFinal() {
        long days = ChronoUnit.DAYS.between(through, end);
        return days <= 0 ? 0 : (int) ((days + 6) / 7);
    }

    /**
     * The final fixed-horizon bound at level a as expected at the final look: the weeks up to the planned
     * end at the recent volume (whole weeks only, so never more data than the end allows), estimate ±
     * max(t(ν_case)·SE_case, h_team). Null when the end is behind tonight's data or there is no volume to
     * project, or when team-level inference is needed and will not exist by the end.
     */
    Analysis.Bound atFinal(double a, boolean needsTeam) {
        long days = ChronoUnit.DAYS.between(through, end);
        if (days <= 0) return null;
        int weeks = (int) (days / 7);
        if (needsTeam && (!teamLevelReachable() || weeksUntilTeamLevel() > weeks)) return null;
        return projected(weeks, a, Analysis.FINAL);
    }

    private Analysis.Bound projected(int weeks, double a, String kind) {
        List<WeeklySeries.Week> recent = series.complete().weeks().stream().filter(WeeklySeries.Week::post).toList();
        if (recent.isEmpty()) recent = series.weeks().stream().filter(WeeklySeries.Week::post).toList();
        if (recent.isEmpty()) return null;
        recent = recent.subList(Math.max(0, recent.size() - RECENT), recent.size());
        int t = series.size(), m = t + weeks;
        double[] time = Arrays.copyOf(series.times(), m), noise = Arrays.copyOf(series.noise(), m), h = Arrays.copyOf(series.weights(), m);
        double[] caseVariance = new double[m];
        double[][] x = Arrays.copyOf(series.regressors(), m);
        for (int i = 0; i < t; i++) caseVariance[i] = series.weeks().get(i).pilotCaseVariance() + series.weeks().get(i).controlCaseVariance();
        double futureNoise = recent.stream().mapToDouble(w -> w.pilotNoise() + w.controlNoise()).average().orElse(0);
        double futureCase = recent.stream().mapToDouble(w -> w.pilotCaseVariance() + w.controlCaseVariance()).average().orElse(0);
        double futureN = recent.stream().mapToDouble(w -> w.pilot().n() + (series.design() == Design.PREPOST ? 0 : w.control().n())).average().orElse(0);
        double futureH = 1 / recent.stream().mapToDouble(w -> 1 / weight(w)).average().orElse(1);
        for (int i = t; i < m; i++) {
            time[i] = time[t - 1] + (i - t + 1);
            noise[i] = futureNoise;
            caseVariance[i] = futureCase;
            h[i] = futureH;
            x[i] = x[t - 1].clone();
        }
        double[] c = LeastSquares.coefficientWeights(x, h)[x[0].length - 1];
        double vCase = 0;
        for (int i = 0; i < m; i++) vCase += c[i] * c[i] * caseVariance[i];
        long n = series.observations() + Math.round(weeks * futureN);
        UnitLevelInference.Critical unit = null;
        double z = FixedHorizon.quantile(1 - a / 2, Double.POSITIVE_INFINITY);
        int completeNow = series.complete().size();
        double nu = Double.isFinite(dof) ? dof * (completeNow + weeks) / Math.max(1, completeNow) : Double.POSITIVE_INFINITY;
        if (drift != null) {
            double se = Math.sqrt(plugIn(c, time, noise) * (1 + excess * completeNow / (completeNow + weeks)));
            unit = new UnitLevelInference.Critical(FixedHorizon.quantile(1 - a / 2, nu) * se, se, nu);
        }
        if (placebo != null) {
            double scale = drift == null ? 1 : Math.sqrt(plugIn(c, time, noise) / gapVariance);
            double se = placebo.se() * scale, hp = FixedHorizon.quantile(1 - a / 2, placebo.dof()) * se;
            if (unit == null || hp > unit.h()) unit = new UnitLevelInference.Critical(hp, se, Double.NaN);
        }
        double caseDof = Analysis.FINAL.equals(kind) ? dofCase : Double.POSITIVE_INFINITY;
        return AnalysisMaker.bound(kind, a, 0, null, Math.sqrt(vCase), caseDof, n, nStar, unit);
    }

    private double plugIn(double[] c, double[] time, double[] noise) {
        return DriftPosterior.variance(c, time, noise, drift.modeSigma2(), drift.modeRho());
    }

    private double weight(WeeklySeries.Week w) {
        return series.design() == Design.PREPOST ? w.pilot().n() : 1.0 / (1.0 / w.pilot().n() + 1.0 / w.control().n());
    }
}

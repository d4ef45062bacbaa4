package dk.gevinst.decision;

import dk.gevinst.cells.Arm;
import dk.gevinst.cells.Period;
import dk.gevinst.cells.UnitPanel;
import dk.gevinst.stats.LeastSquares;
import dk.gevinst.stats.Moments;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One indicator as a weekly series of the pilot arm against the control arm, the shape every estimate
 * here is made from. Per week (per period: a week that straddles the start appears in both): each arm's
 * pooled mean, the known sampling variance of that mean (from the within-week spread of each unit), and
 * its case-level variance (the arm's period variance over its count, as the four-cell analysis had it).
 *
 * <p>The effect is the weighted difference of the post and pre means of the weekly gap (pilot − control;
 * the pilot's own mean for prepost; the post mean of the gap for parallel): weighted least squares of the
 * gap on [1, post] with weight h = 1/(1/n_pilot + 1/n_control) per week. It removes anything the arms share
 * in a week (season, a holiday) exactly, gives a thin week (the current one, a holiday) the small weight its
 * few cases deserve, and equals the four-cell difference-in-differences when each period is one week (Card
 * and Krueger) or every week has the same counts (a balanced panel such as Cigar).
 */
public record WeeklySeries(Design design, List<Week> weeks) {

    /**
     * One week of one period. {@code time} is in weeks from the first week (parts of a week that straddles a
     * period boundary start where the period starts); {@code complete} is false for the week still being
     * filled tonight; {@code post} says which side of the (real or fake) start it is on.
     */
    public record Week(LocalDate monday, Period period, boolean post, double time, boolean complete, Moments pilot, Moments control,
                       double pilotNoise, double controlNoise, double pilotCaseVariance, double controlCaseVariance) {}

    public WeeklySeries {
        weeks = List.copyOf(weeks);
    }

    /** Which units make up one side of the comparison: an arm, or one control unit (a placebo) and the other controls. */
    public interface Side extends Predicate<UnitPanel.UnitWeeks> {
        static Side arm(Arm arm) {
            return s -> s.arm() == arm;
        }

        static Side controlUnit(String unit) {
            return s -> s.arm() == Arm.CONTROL && Objects.equals(s.unit(), unit);
        }

        static Side controlsBut(String unit) {
            return s -> s.arm() == Arm.CONTROL && !Objects.equals(s.unit(), unit);
        }
    }

    /**
     * The series of a panel (cut at {@code lastDay} already), comparing one side with the other. A week is
     * complete when its Sunday is on or before {@code lastDay}, or when {@code closed} (the analysis window
     * ends there, as at the planned end).
     */
    public static WeeklySeries of(UnitPanel panel, Design design, Side pilotSide, Side controlSide,
                                  LocalDate baselineStart, LocalDate postStart, LocalDate lastDay, boolean closed, boolean binary) {
        List<Week> out = new ArrayList<>();
        boolean needsControl = design != Design.PREPOST;
        for (Period period : Period.values()) {
            if (design == Design.PARALLEL && period == Period.PRE) continue;
            UnitMoments p = UnitMoments.of(panel, period, pilotSide, binary);
            UnitMoments c = UnitMoments.of(panel, period, controlSide, binary);
            LocalDate periodStart = period == Period.PRE ? baselineStart : postStart;
            for (LocalDate monday : panel.weeks(period)) {
                Moments pm = p.week(monday), cm = c.week(monday);
                if (pm.n() == 0 || (needsControl && cm.n() == 0)) continue;
                LocalDate partStart = periodStart != null && periodStart.isAfter(monday) ? periodStart : monday;
                boolean complete = closed || !monday.plusDays(6).isAfter(lastDay);
                out.add(new Week(monday, period, period == Period.POST, ChronoUnit.DAYS.between(LocalDate.EPOCH, partStart) / 7.0, complete,
                    pm, cm, p.noise(monday), needsControl ? c.noise(monday) : 0, p.caseVariance(monday), needsControl ? c.caseVariance(monday) : 0));
            }
        }
        out.sort(java.util.Comparator.comparingDouble(Week::time));
        return new WeeklySeries(design, rescaleTime(out));
    }

    /**
     * Time in the series' own step: weekly data keep weeks, yearly data (one observation per unit and
     * year) get years, so that the drift's ρ is per observation period. The step is the median gap.
     */
    private static List<Week> rescaleTime(List<Week> weeks) {
        if (weeks.isEmpty()) return weeks;
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < weeks.size(); i++) {
            double g = weeks.get(i).time() - weeks.get(i - 1).time();
            if (g >= 1) gaps.add(g);
        }
        java.util.Collections.sort(gaps);
        double step = gaps.isEmpty() ? 1 : Math.max(1, gaps.get(gaps.size() / 2));
        double origin = weeks.get(0).time();
        List<Week> out = new ArrayList<>();
        for (Week w : weeks) {
            out.add(new Week(w.monday(), w.period(), w.post(), (w.time() - origin) / step, w.complete(), w.pilot(), w.control(),
                w.pilotNoise(), w.controlNoise(), w.pilotCaseVariance(), w.controlCaseVariance()));
        }
        return out;
    }

    /** The pre weeks alone, with a fake start: what the pre-trend check estimates. */
    public WeeklySeries fakeStart(LocalDate fakeStart) {
        List<Week> out = new ArrayList<>();
        for (Week w : weeks) {
            if (w.period() != Period.PRE) continue;
            out.add(new Week(w.monday(), w.period(), !w.monday().isBefore(fakeStart), w.time(), w.complete(), w.pilot(), w.control(),
                w.pilotNoise(), w.controlNoise(), w.pilotCaseVariance(), w.controlCaseVariance()));
        }
        return new WeeklySeries(design == Design.PARALLEL ? Design.PARALLEL : design, out);
    }

    /** The complete weeks only: what the drift is fitted on, so the unit-level fit changes weekly, not nightly. */
    public WeeklySeries complete() {
        return new WeeklySeries(design, weeks.stream().filter(Week::complete).toList());
    }

    public int size() {
        return weeks.size();
    }

    public int count(boolean post) {
        return (int) weeks.stream().filter(w -> w.post() == post).count();
    }

    /** True when the effect can be estimated: post weeks, and pre weeks unless the design has none. */
    public boolean estimable() {
        return count(true) > 0 && (design == Design.PARALLEL || count(false) > 0);
    }

    /** The estimate's regressors: [1, post], or [1] for parallel (every week is post). */
    public double[][] regressors() {
        double[][] x = new double[weeks.size()][];
        for (int i = 0; i < x.length; i++) x[i] = design == Design.PARALLEL ? new double[] {1} : new double[] {1, weeks.get(i).post() ? 1 : 0};
        return x;
    }

    public double[] gaps() {
        double[] g = new double[weeks.size()];
        for (int i = 0; i < g.length; i++) {
            Week w = weeks.get(i);
            g[i] = design == Design.PREPOST ? w.pilot().mean() : w.pilot().mean() - w.control().mean();
        }
        return g;
    }

    public double[] times() {
        return weeks.stream().mapToDouble(Week::time).toArray();
    }

    /** The known sampling variance of each week's gap. */
    public double[] noise() {
        return weeks.stream().mapToDouble(w -> w.pilotNoise() + w.controlNoise()).toArray();
    }

    public double[] weights() {
        double[] h = new double[weeks.size()];
        for (int i = 0; i < h.length; i++) {
            Week w = weeks.get(i);
            h[i] = design == Design.PREPOST ? w.pilot().n() : 1.0 / (1.0 / w.pilot().n() + 1.0 / w.control().n());
        }
        return h;
    }

    /** c with effect = Σ c_i gap_i. */
    public double[] contrast() {
        double[][] x = regressors();
        return LeastSquares.coefficientWeights(x, weights())[x[0].length - 1];
    }

    public double estimate() {
        return dot(contrast(), gaps());
    }

    /** The pilot's level without the change: its weighted post mean less the effect. */
    public double counterfactual() {
        return pilotPostMean() - estimate();
    }

    private double pilotPostMean() {
        double[] h = weights();
        double s = 0, t = 0;
        for (int i = 0; i < h.length; i++) {
            if (!weeks.get(i).post()) continue;
            s += h[i] * weeks.get(i).pilot().mean();
            t += h[i];
        }
        return s / t;
    }

    /** Observations behind the estimate, over both arms and periods: the confidence sequence's N. */
    public long observations() {
        long n = 0;
        for (Week w : weeks) n += w.pilot().n() + (design == Design.PREPOST ? 0 : w.control().n());
        return n;
    }

    /** The case-level variances of the estimate, of the counterfactual, and their covariance, with each case independent. */
    public CaseLevel caseLevel() {
        double[] c = contrast(), h = weights();
        double postWeight = 0;
        for (int i = 0; i < h.length; i++) if (weeks.get(i).post()) postWeight += h[i];
        double ve = 0, vcf = 0, cov = 0;
        double[][] byCell = new double[2][2]; // [arm][post] Σ coefficient² v
        long[][] counts = new long[2][2];
        for (int i = 0; i < c.length; i++) {
            Week w = weeks.get(i);
            double a = w.post() ? h[i] / postWeight : 0;
            double vp = w.pilotCaseVariance(), vc = w.controlCaseVariance();
            boolean control = design != Design.PREPOST;
            // effect: +c on the pilot mean, −c on the control mean; counterfactual: (a − c) on the pilot, +c on the control
            ve += c[i] * c[i] * (vp + (control ? vc : 0));
            vcf += (a - c[i]) * (a - c[i]) * vp + (control ? c[i] * c[i] * vc : 0);
            cov += c[i] * (a - c[i]) * vp - (control ? c[i] * c[i] * vc : 0);
            int p = w.post() ? 1 : 0;
            byCell[0][p] += c[i] * c[i] * vp;
            counts[0][p] += w.pilot().n();
            if (control) {
                byCell[1][p] += c[i] * c[i] * vc;
                counts[1][p] += w.control().n();
            }
        }
        double num = 0, den = 0;
        for (int arm = 0; arm < 2; arm++) {
            for (int p = 0; p < 2; p++) {
                if (counts[arm][p] < 2 || byCell[arm][p] == 0) continue;
                num += byCell[arm][p];
                den += byCell[arm][p] * byCell[arm][p] / (counts[arm][p] - 1);
            }
        }
        return new CaseLevel(ve, vcf, cov, den == 0 ? Double.POSITIVE_INFINITY : num * num / den);
    }

    /** The estimate's case-level variance, the counterfactual's, their covariance, and Welch–Satterthwaite's ν over the arm-period cells. */
    public record CaseLevel(double variance, double counterfactualVariance, double covariance, double dof) {}

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}

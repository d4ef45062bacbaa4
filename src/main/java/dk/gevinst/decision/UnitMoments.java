package dk.gevinst.decision;

import dk.gevinst.cells.Period;
import dk.gevinst.cells.UnitPanel;
import dk.gevinst.stats.Moments;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One side of a comparison in one period, week by week: the pooled moments of its units, the sampling
 * variance of that pooled mean from each unit's own within-week spread (Σ_u n_u s²_u / N²: a difference
 * between teams is not sampling noise), and the case-level variance of the mean (the side's period
 * variance over the week's count, as if every case were independent).
 *
 * <p>A 0/1 indicator with no events (or only events) in a unit or period has sample variance 0; its
 * variance is floored at p̃(1 − p̃) with p̃ = (x + 1)/(n + 2), the Agresti–Coull/Wilson centre, so a rare
 * event never gets a standard error of 0.
 */
final class UnitMoments {
    private final Map<LocalDate, Moments> pooled = new HashMap<>();
    private final Map<LocalDate, Double> noise = new HashMap<>();
    private final double periodVariance;

    private UnitMoments(double periodVariance) {
        this.periodVariance = periodVariance;
    }

    static UnitMoments of(UnitPanel panel, Period period, WeeklySeries.Side side, boolean binary) {
        List<UnitPanel.UnitWeeks> units = new ArrayList<>();
        for (UnitPanel.UnitWeeks s : panel.series()) if (s.period() == period && side.test(s)) units.add(s);
        Moments total = Moments.EMPTY;
        double withinSs = 0;
        long withinDf = 0;
        for (UnitPanel.UnitWeeks u : units) {
            total = total.plus(u.total());
            for (Moments m : u.byWeek().values()) {
                withinSs += sumOfSquares(m);
                withinDf += m.n() - 1;
            }
        }
        double sideWithin = withinDf > 0 ? withinSs / withinDf : 0;
        UnitMoments out = new UnitMoments(variance(total, binary));
        Map<LocalDate, double[]> noiseSums = new HashMap<>(); // Σ n_u s²_u and N per week
        for (UnitPanel.UnitWeeks u : units) {
            double ss = 0;
            long df = 0;
            for (Moments m : u.byWeek().values()) {
                ss += sumOfSquares(m);
                df += m.n() - 1;
            }
            double within = df > 0 ? ss / df : sideWithin;
            if (binary) within = Math.max(within, floor(u.total()));
            for (var e : u.byWeek().entrySet()) {
                out.pooled.merge(e.getKey(), e.getValue(), Moments::plus);
                double[] acc = noiseSums.computeIfAbsent(e.getKey(), k -> new double[2]);
                acc[0] += e.getValue().n() * within;
                acc[1] += e.getValue().n();
            }
        }
        noiseSums.forEach((week, acc) -> out.noise.put(week, acc[1] == 0 ? 0 : acc[0] / (acc[1] * acc[1])));
        return out;
    }

    Moments week(LocalDate monday) {
        return pooled.getOrDefault(monday, Moments.EMPTY);
    }

    double noise(LocalDate monday) {
        return noise.getOrDefault(monday, 0.0);
    }

    double caseVariance(LocalDate monday) {
        long n = week(monday).n();
        return n == 0 ? 0 : periodVariance / n;
    }

    private static double sumOfSquares(Moments m) {
        return m.n() < 2 ? 0 : Math.max(0, m.sumSq() - m.sum() * m.sum() / m.n());
    }

    private static double variance(Moments total, boolean binary) {
        double v = total.n() < 2 ? 0 : total.variance();
        return binary ? Math.max(v, floor(total)) : v;
    }

    /** p̃(1 − p̃), p̃ = (x + 1)/(n + 2): the variance a 0/1 cell has at least. */
    static double floor(Moments m) {
        double p = (m.sum() + 1) / (m.n() + 2.0);
        return p * (1 - p);
    }
}

package dk.gevinst.testing;

import dk.gevinst.cells.Arm;
import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.Period;
import dk.gevinst.stats.Moments;
import java.time.LocalDate;
import java.util.List;

/** Cells with known means and spreads, for tests of the driver-side evaluation. */
public final class TestCells {
    private TestCells() {}

    /** A cell with the given mean and standard deviation. */
    public static Moments cell(long n, double mean, double sd) {
        return new Moments(n, mean * n, sd * sd * (n - 1) + mean * mean * n);
    }

    /**
     * Weekly cells for pilot "p": unit A is the pilot, unit B the control, one day a week (the Wednesday)
     * from {@code from} to {@code to}, {@code n} cases a week with standard deviation {@code sd}. The pilot
     * moves by {@code shift} from {@code start}. Each week's mean carries its sampling error (seeded), and
     * each unit a team drift: AR(1) with correlation 0.6 and standard deviation {@code drift}.
     */
    public static List<CellStats> weekly(String indicator, double base, double shift, double sd, long n, double drift,
                                         LocalDate from, LocalDate start, LocalDate to, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        List<CellStats> out = new java.util.ArrayList<>();
        double[] team = {drift * normal(random), drift * normal(random)};
        for (LocalDate day = from.plusDays(2); !day.isAfter(to); day = day.plusWeeks(1)) {
            Period period = day.isBefore(start) ? Period.PRE : Period.POST;
            for (int u = 0; u < 2; u++) {
                team[u] = 0.6 * team[u] + drift * Math.sqrt(1 - 0.36) * normal(random);
                double mean = base + team[u] + sd / Math.sqrt(n) * normal(random) + (u == 0 && period == Period.POST ? shift : 0);
                out.add(new CellStats("p", indicator, u == 0 ? "A" : "B", u == 0 ? Arm.PILOT : Arm.CONTROL, period, day, cell(n, mean, sd)));
            }
        }
        return out;
    }

    private static double normal(java.util.SplittableRandom r) {
        double u = 1 - r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * Four cells for pilot "p", one day each: the pilot moves by {@code shift} after the start, the control not
     * at all. One week per period gives an estimate but no team-level inference (as Card and Krueger's two waves).
     */
    public static List<CellStats> did(String indicator, double base, double shift, double sd, long n) {
        LocalDate pre = LocalDate.of(2026, 2, 1), post = LocalDate.of(2026, 4, 1);
        return List.of(
            new CellStats("p", indicator, Arm.PILOT, Period.PRE, pre, cell(n, base, sd)),
            new CellStats("p", indicator, Arm.PILOT, Period.POST, post, cell(n, base + shift, sd)),
            new CellStats("p", indicator, Arm.CONTROL, Period.PRE, pre, cell(n, base, sd)),
            new CellStats("p", indicator, Arm.CONTROL, Period.POST, post, cell(n, base, sd)));
    }
}

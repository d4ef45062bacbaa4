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

    /** Four cells for pilot "p": the pilot moves by {@code shift} after the start, the control not at all. */
    public static List<CellStats> did(String indicator, double base, double shift, double sd, long n) {
        LocalDate pre = LocalDate.of(2026, 2, 1), post = LocalDate.of(2026, 4, 1);
        return List.of(
            new CellStats("p", indicator, Arm.PILOT, Period.PRE, pre, cell(n, base, sd)),
            new CellStats("p", indicator, Arm.PILOT, Period.POST, post, cell(n, base + shift, sd)),
            new CellStats("p", indicator, Arm.CONTROL, Period.PRE, pre, cell(n, base, sd)),
            new CellStats("p", indicator, Arm.CONTROL, Period.POST, post, cell(n, base, sd)));
    }
}

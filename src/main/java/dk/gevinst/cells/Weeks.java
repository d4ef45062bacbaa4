package dk.gevinst.cells;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** ISO weeks, named by their Monday, as the trend lines and the unit panels group days. */
public final class Weeks {
    private Weeks() {}

    public static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}

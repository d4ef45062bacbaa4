package dk.gevinst.cells;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** ISO weeks, named by their Monday, as the trend lines and the unit panels group days. */
public final class Weeks {
    private Weeks() {}

    public static LocalDate monday(LocalDate day) {
        // Plain arithmetic rather than a TemporalAdjuster: this runs for every day cell of every pilot, twice.
        return day.minusDays(day.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
    }
}

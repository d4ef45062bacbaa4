package dk.gevinst.cells;

import dk.gevinst.stats.Moments;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** All day cells of one run; small enough for the driver, and never rescanned. */
public record CellTable(List<CellStats> cells) {
    public CellTable {
        cells = List.copyOf(cells);
    }

    public List<CellStats> of(String pilotId, String indicatorId) {
        return cells.stream().filter(c -> c.pilotId().equals(pilotId) && c.indicatorId().equals(indicatorId)).toList();
    }

    /** The period cell: its day cells summed, optionally only up to (and including) a last day. */
    public static Moments total(List<CellStats> cells, Arm arm, Period period, LocalDate lastDay) {
        Predicate<CellStats> keep = c -> c.arm() == arm && c.period() == period && (lastDay == null || !c.day().isAfter(lastDay));
        return cells.stream().filter(keep).map(CellStats::moments).reduce(Moments.EMPTY, Moments::plus);
    }

    /** Per ISO week (Monday), the summed moments of one arm; for trend lines. */
    public static Map<LocalDate, Moments> weekly(List<CellStats> cells, Arm arm) {
        Map<LocalDate, Moments> out = new TreeMap<>();
        for (CellStats c : cells) {
            if (c.arm() != arm) continue;
            LocalDate monday = c.day().minusDays(c.day().getDayOfWeek().getValue() - 1L);
            out.merge(monday, c.moments(), Moments::plus);
        }
        return out;
    }
}

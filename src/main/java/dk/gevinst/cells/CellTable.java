package dk.gevinst.cells;

import dk.gevinst.stats.Moments;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * All day cells of one run, one per pilot × indicator × unit × arm × period × day; small enough for the
 * driver, and never rescanned. Indexed by pilot and indicator once, because every pilot's evaluation asks
 * for its own cells and a run may hold hundreds of pilots.
 */
public final class CellTable {
    /**
     * The order cells are kept in: pilot, indicator, unit (none first), arm, period, day. Written out rather
     * than chained from key extractors: sorting 200 pilots' cells with the chained comparator took a third of
     * the cell stage's driver time.
     */
    public static final Comparator<CellStats> ORDER = (a, b) -> {
        int c = a.pilotId().compareTo(b.pilotId());
        if (c == 0) c = a.indicatorId().compareTo(b.indicatorId());
        if (c == 0 && a.unit() != b.unit()) c = a.unit() == null ? -1 : b.unit() == null ? 1 : a.unit().compareTo(b.unit());
        if (c == 0) c = a.arm().compareTo(b.arm());
        if (c == 0) c = a.period().compareTo(b.period());
        return c != 0 ? c : a.day().compareTo(b.day());
    };
    private final List<CellStats> cells;
    private final Map<String, List<CellStats>> byPilotAndIndicator;

    public CellTable(List<CellStats> cells) {
        this.cells = List.copyOf(cells);
        Map<String, List<CellStats>> index = new HashMap<>();
        for (CellStats c : this.cells) index.computeIfAbsent(key(c.pilotId(), c.indicatorId()), k -> new java.util.ArrayList<>()).add(c);
        index.replaceAll((k, v) -> List.copyOf(v));
        this.byPilotAndIndicator = index;
    }

    public List<CellStats> cells() {
        return cells;
    }

    public List<CellStats> of(String pilotId, String indicatorId) {
        return byPilotAndIndicator.getOrDefault(key(pilotId, indicatorId), List.of());
    }

    /** The unit × period × week panel of one indicator of one pilot, for unit-level inference. */
    public UnitPanel panel(String pilotId, String indicatorId) {
        return UnitPanel.of(pilotId, indicatorId, of(pilotId, indicatorId), null);
    }

    /** The period cell: its day cells summed over units, optionally only up to (and including) a last day. */
    public static Moments total(List<CellStats> cells, Arm arm, Period period, LocalDate lastDay) {
        Predicate<CellStats> keep = c -> c.arm() == arm && c.period() == period && (lastDay == null || !c.day().isAfter(lastDay));
        return cells.stream().filter(keep).map(CellStats::moments).reduce(Moments.EMPTY, Moments::plus);
    }

    /** Per ISO week (Monday), the summed moments of one arm over its units and both periods; for trend lines. */
    public static Map<LocalDate, Moments> weekly(List<CellStats> cells, Arm arm) {
        Map<LocalDate, Moments> out = new TreeMap<>();
        for (CellStats c : cells) {
            if (c.arm() == arm) out.merge(Weeks.monday(c.day()), c.moments(), Moments::plus);
        }
        return out;
    }

    private static String key(String pilotId, String indicatorId) {
        return pilotId + '\u0000' + indicatorId;
    }
}

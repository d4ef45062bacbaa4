package dk.gevinst.cells;

import dk.gevinst.stats.Moments;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * All day cells of one run; small enough for the driver, and never rescanned. Indexed by pilot and
 * indicator once, because every pilot's evaluation asks for its own cells and a run may hold hundreds of
 * pilots.
 *
 * <p>Case indicators arrive per case type (the stratum). {@link #of} and {@link #cells} sum the strata
 * away, so every figure that was a sum over a unit's cases stays exactly that; {@link #strata} keeps them
 * for the case-mix adjustment.
 */
public final class CellTable {
    /**
     * The order cells are kept in: pilot, indicator, unit (none first), arm, period, day. Written out rather
     * than chained from key extractors: sorting 200 pilots' cells with the chained comparator took a third of
     * the cell stage's driver time. A pilot's cells share its id and indicator ids, so those are compared by
     * identity before their characters.
     */
    public static final Comparator<CellStats> ORDER = (a, b) -> {
        int c = a.pilotId() == b.pilotId() ? 0 : a.pilotId().compareTo(b.pilotId());
        if (c == 0 && a.indicatorId() != b.indicatorId()) c = a.indicatorId().compareTo(b.indicatorId());
        if (c == 0 && a.unit() != b.unit()) c = a.unit() == null ? -1 : b.unit() == null ? 1 : a.unit().compareTo(b.unit());
        if (c == 0) c = a.arm().compareTo(b.arm());
        if (c == 0) c = a.period().compareTo(b.period());
        return c != 0 ? c : a.day().compareTo(b.day());
    };
    private final List<CellStats> cells;
    private final int collected;
    private final String caseCells;
    private final Map<String, List<Unobserved>> unobserved;
    private final Map<String, List<CellStats>> byPilotAndIndicator;
    private final Map<String, List<CellStats>> strataByPilotAndIndicator;

    /** @param collected the cells as the cell stage made them: with a stratum for case indicators, or already summed */
    public CellTable(List<CellStats> collected) {
        this(collected, null, List.of());
    }

    /**
     * @param caseCells  how the case cells were had tonight (KeptCaseCells: KEPT, UPDATED, REBUILT, REPLAYED), or null
     * @param unobserved the cases custom column indicators could not observe, per pilot and indicator
     */
    public CellTable(List<CellStats> collected, String caseCells, List<Unobserved> unobserved) {
        this.caseCells = caseCells;
        Map<String, List<Unobserved>> byPilot = new HashMap<>();
        for (Unobserved u : unobserved) byPilot.computeIfAbsent(u.pilotId(), k -> new ArrayList<>()).add(u);
        byPilot.replaceAll((k, v) -> List.copyOf(v));
        this.unobserved = byPilot;
        this.collected = collected.size();
        this.cells = List.copyOf(sumOverStrata(collected));
        this.byPilotAndIndicator = index(this.cells);
        this.strataByPilotAndIndicator = index(collected.stream().filter(c -> c.stratum() != null).toList());
    }

    /** Every day cell, summed over strata. */
    public List<CellStats> cells() {
        return cells;
    }

    /** How the case cells were had tonight, for the run manifest; null when no pilot has a case indicator. */
    public String caseCells() {
        return caseCells;
    }

    /** One pilot's cases that its custom column indicators could not observe, by indicator; empty when there are none. */
    public List<Unobserved> unobserved(String pilotId) {
        return unobserved.getOrDefault(pilotId, List.of());
    }

    /** How many cells the cell stage collected, before strata were summed away. */
    public int collectedCount() {
        return collected;
    }

    /** One pilot's day cells of one indicator, summed over strata. */
    public List<CellStats> of(String pilotId, String indicatorId) {
        return byPilotAndIndicator.getOrDefault(key(pilotId, indicatorId), List.of());
    }

    /** One pilot's day cells of one indicator per stratum (case type); empty for indicators without strata. */
    public List<CellStats> strata(String pilotId, String indicatorId) {
        return strataByPilotAndIndicator.getOrDefault(key(pilotId, indicatorId), List.of());
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

    /**
     * The cells with their strata summed away, in the order each summed cell first appears. The cell stage's
     * cells come in {@link #ORDER}, where a cell's strata are neighbours: then they are summed in one pass,
     * with the same sums in the same order as the general way.
     */
    private static List<CellStats> sumOverStrata(List<CellStats> collected) {
        if (collected.stream().allMatch(c -> c.stratum() == null)) return collected;
        if (inOrder(collected)) {
            List<CellStats> summed = new ArrayList<>();
            CellStats run = null;
            for (CellStats c : collected) {
                if (run != null && ORDER.compare(run, c) == 0) {
                    run = run.withoutStratum(run.moments().plus(c.moments()));
                } else {
                    if (run != null) summed.add(run);
                    run = c.withoutStratum(c.moments());
                }
            }
            summed.add(run);
            return summed;
        }
        Map<List<Object>, CellStats> summed = new LinkedHashMap<>();
        for (CellStats c : collected) {
            List<Object> key = Arrays.asList(c.pilotId(), c.indicatorId(), c.unit(), c.arm(), c.period(), c.day());
            summed.merge(key, c.withoutStratum(c.moments()), (a, b) -> a.withoutStratum(a.moments().plus(b.moments())));
        }
        return new ArrayList<>(summed.values());
    }

    private static boolean inOrder(List<CellStats> cells) {
        for (int i = 1; i < cells.size(); i++) if (ORDER.compare(cells.get(i - 1), cells.get(i)) > 0) return false;
        return true;
    }

    private static Map<String, List<CellStats>> index(List<CellStats> cells) {
        Map<String, List<CellStats>> index = new HashMap<>();
        List<CellStats> last = null;
        CellStats previous = null;
        for (CellStats c : cells) {
            // Cells of one pilot and indicator mostly follow each other: their list is found once per run of them.
            if (previous == null || !previous.pilotId().equals(c.pilotId()) || !previous.indicatorId().equals(c.indicatorId())) {
                last = index.computeIfAbsent(key(c.pilotId(), c.indicatorId()), k -> new ArrayList<>());
            }
            last.add(c);
            previous = c;
        }
        index.replaceAll((k, v) -> List.copyOf(v));
        return index;
    }

    private static String key(String pilotId, String indicatorId) {
        return pilotId + '\u0000' + indicatorId;
    }
}

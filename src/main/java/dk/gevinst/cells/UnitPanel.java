package dk.gevinst.cells;

import dk.gevinst.stats.Moments;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One indicator of one pilot as a unit × period × week panel: for every unit with observations (and the
 * arm it is in), the moments of each ISO week (named by its Monday) in each period. The team, not the case,
 * is the unit of evidence, so unit-level inference works on this. Summing the units of an arm gives the
 * arm's period cells ({@link CellTable#total}). A week that straddles a period boundary appears under both
 * periods, each with only its own days. Technical metrics have no unit: their panel has one series whose
 * unit is {@code null}. Immutable and small; plain Java.
 */
public record UnitPanel(String pilotId, String indicatorId, List<UnitWeeks> series) {

    /** The weekly moments of one unit in one period, oldest week first. */
    public record UnitWeeks(String unit, Arm arm, Period period, SortedMap<LocalDate, Moments> byWeek) {
        public UnitWeeks {
            byWeek = Collections.unmodifiableSortedMap(new TreeMap<>(byWeek));
        }

        public Moments total() {
            return byWeek.values().stream().reduce(Moments.EMPTY, Moments::plus);
        }
    }

    private static final Comparator<UnitWeeks> ORDER = Comparator.comparing(UnitWeeks::arm)
        .thenComparing(UnitWeeks::unit, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(UnitWeeks::period);

    public UnitPanel {
        List<UnitWeeks> sorted = new ArrayList<>(series);
        sorted.sort(ORDER);
        series = Collections.unmodifiableList(sorted);
    }

    /**
     * The panel of the given cells (all of one pilot and indicator), optionally only up to (and including)
     * a last day, as the fixed-horizon analysis at the end date needs.
     */
    public static UnitPanel of(String pilotId, String indicatorId, List<CellStats> cells, LocalDate lastDay) {
        Map<List<Object>, SortedMap<LocalDate, Moments>> weeks = new LinkedHashMap<>();
        Map<List<Object>, CellStats> first = new LinkedHashMap<>();
        // Cells come sorted by unit, arm and period (CellBindings), so a series is looked up once per run of its
        // cells, not once per cell: the same sums in the same order, without a hashed key per day.
        SortedMap<LocalDate, Moments> current = null;
        CellStats currentFirst = null;
        for (CellStats c : cells) {
            if (!c.pilotId().equals(pilotId) || !c.indicatorId().equals(indicatorId)) {
                throw new IllegalArgumentException("a panel holds one pilot and indicator (" + pilotId + ", " + indicatorId
                    + "); got a cell of (" + c.pilotId() + ", " + c.indicatorId() + ")");
            }
            if (lastDay != null && c.day().isAfter(lastDay)) continue;
            if (current == null || !c.sameSeries(currentFirst)) {
                List<Object> key = java.util.Arrays.asList(c.unit(), c.arm(), c.period());
                first.putIfAbsent(key, c);
                current = weeks.computeIfAbsent(key, k -> new TreeMap<>());
                currentFirst = c;
            }
            current.merge(Weeks.monday(c.day()), c.moments(), Moments::plus);
        }
        List<UnitWeeks> series = new ArrayList<>();
        weeks.forEach((key, byWeek) -> {
            CellStats c = first.get(key);
            series.add(new UnitWeeks(c.unit(), c.arm(), c.period(), byWeek));
        });
        return new UnitPanel(pilotId, indicatorId, series);
    }

    /** Every unit with observations, pilot arm first, then by name. */
    public List<String> units() {
        return Collections.unmodifiableList(series.stream().map(UnitWeeks::unit).distinct().toList());
    }

    public List<String> units(Arm arm) {
        return series.stream().filter(s -> s.arm() == arm).map(UnitWeeks::unit).distinct().toList();
    }

    /** The arm a unit is in, or null if the unit has no observations. */
    public Arm arm(String unit) {
        return series.stream().filter(s -> Objects.equals(s.unit(), unit)).map(UnitWeeks::arm).findFirst().orElse(null);
    }

    /** One unit's weekly moments in one period; empty if it has none. */
    public SortedMap<LocalDate, Moments> weeks(String unit, Period period) {
        return series.stream().filter(s -> Objects.equals(s.unit(), unit) && s.period() == period)
            .map(UnitWeeks::byWeek).findFirst().orElse(Collections.emptySortedMap());
    }

    /** Every week with an observation in the period, in any unit. */
    public SortedSet<LocalDate> weeks(Period period) {
        TreeSet<LocalDate> out = new TreeSet<>();
        for (UnitWeeks s : series) if (s.period() == period) out.addAll(s.byWeek().keySet());
        return Collections.unmodifiableSortedSet(out);
    }

    /** The arm's period cell: the sum over its units and weeks. */
    public Moments total(Arm arm, Period period) {
        return series.stream().filter(s -> s.arm() == arm && s.period() == period).map(UnitWeeks::total).reduce(Moments.EMPTY, Moments::plus);
    }
}

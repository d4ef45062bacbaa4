package dk.gevinst.cells;

import dk.gevinst.config.PilotIndicator;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.indicator.Measure;
import dk.gevinst.parallel.DriverCores;
import dk.gevinst.source.Source;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Gives measure cells their pilots, on the driver: each pilot × indicator × unit of the pilot's arms takes
 * the cells of its measure and unit (a technical indicator those of its measure and pilot), and each day
 * takes the period it falls in for that pilot, or none. A day cell of a pilot is therefore exactly the
 * measure cell of its unit and day: the same rows, summed once, whatever the number of pilots.
 */
final class CellBindings {
    private CellBindings() {}

    /** The units any pilot's arms hold, for indicators measured per unit: the only units worth summing. */
    static Set<String> boundUnits(Collection<PilotSpec> pilots) {
        Set<String> out = new TreeSet<>();
        for (PilotSpec p : pilots) {
            if (p.indicators().stream().anyMatch(i -> i.definition().source() != Source.TECH_METRICS)) {
                out.addAll(p.pilotUnits());
                out.addAll(p.controlUnits());
            }
        }
        return out;
    }

    /** Each measure with each unit some pilot's arms read it on, as {@link #key}: no other measure cell is read. */
    static Set<String> boundPairs(Collection<PilotSpec> pilots) {
        Set<String> out = new TreeSet<>();
        for (PilotSpec p : pilots) {
            for (PilotIndicator i : p.indicators()) {
                if (i.definition().source() == Source.TECH_METRICS) continue;
                for (String measure : MeasureKeys.withUnobserved(i.definition().measure())) {
                    for (String unit : p.pilotUnits()) out.add(key(measure, unit));
                    for (String unit : p.controlUnits()) out.add(key(measure, unit));
                }
            }
        }
        return out;
    }

    /** The pilots that report technical metrics for themselves. */
    static Set<String> metricScopes(Collection<PilotSpec> pilots) {
        Set<String> out = new TreeSet<>();
        for (PilotSpec p : pilots) {
            if (p.indicators().stream().anyMatch(i -> i.definition().source() == Source.TECH_METRICS)) out.add(p.id());
        }
        return out;
    }

    /** The first day any pilot's period can start: no measure cell before it is read by anyone. */
    static LocalDate firstDay(Collection<PilotSpec> pilots) {
        return pilots.stream().map(p -> p.hasBaseline() && p.baselineStart().isBefore(p.postStart()) ? p.baselineStart() : p.postStart())
            .min(LocalDate::compareTo).orElseThrow();
    }

    /** The order the cell stage hands its cells on in: {@link CellTable#ORDER}, then the stratum (none first). */
    static final Comparator<CellStats> SORTED = CellTable.ORDER.thenComparing(CellStats::stratum, Comparator.nullsFirst(Comparator.naturalOrder()));

    /**
     * Every pilot's day cells, in {@link #SORTED} order. Pilots are bound and sorted each on its own, on the
     * driver's cores, and follow each other by id: with 200 pilots one sort of all their cells was the largest
     * part of the cell stage's driver time.
     */
    static List<CellStats> bind(List<PilotSpec> pilots, List<MeasureCell> measureCells, LocalDate asOf) {
        MeasureIndex index = new MeasureIndex(measureCells);
        List<PilotSpec> byId = new ArrayList<>(pilots);
        byId.sort(Comparator.comparing(PilotSpec::id));
        List<CellStats> out = new ArrayList<>();
        DriverCores.map(byId, p -> {
            List<CellStats> cells = made(p, index, asOf);
            cells.sort(SORTED);
            return cells;
        }).forEach(out::addAll);
        // Each pilot's cells are sorted and pilots follow by id, so only two specs with one id could interleave;
        // the stage never gets them, but the order is promised.
        for (int i = 1; i < byId.size(); i++) {
            if (byId.get(i - 1).id().equals(byId.get(i).id())) {
                out.sort(SORTED);
                break;
            }
        }
        return out;
    }

    /** A measure's cells of one unit or pilot by day, then stratum (none first): SORTED's order within one pilot, indicator and unit. */
    private static final Comparator<MeasureCell> BY_DAY = Comparator.comparing(MeasureCell::day)
        .thenComparing(MeasureCell::stratum, Comparator.nullsFirst(Comparator.naturalOrder()));

    /**
     * The measure cells of each unit, and of each pilot (technical metrics), by day and stratum: indexed once for
     * every pilot that reads them. Sorted so that a pilot's cells are made in SORTED order already (see made). A
     * stable sort, so cells that compare equal keep the order they came in, as they did when each pilot's cells
     * were sorted from scratch.
     */
    static final class MeasureIndex {
        private final Map<String, List<MeasureCell>> byUnit = new HashMap<>();
        private final Map<String, List<MeasureCell>> byScope = new HashMap<>();

        MeasureIndex(List<MeasureCell> measureCells) {
            for (MeasureCell c : measureCells) {
                if (c.unit() != null) byUnit.computeIfAbsent(key(c.measure(), c.unit()), k -> new ArrayList<>()).add(c);
                else byScope.computeIfAbsent(key(c.measure(), c.scope()), k -> new ArrayList<>()).add(c);
            }
            byUnit.values().forEach(l -> l.sort(BY_DAY));
            byScope.values().forEach(l -> l.sort(BY_DAY));
        }
    }

    /**
     * One pilot's cells, made in SORTED order: indicators by id, their units by name (none first), then arm, each
     * unit's cells by day (a period's days all come before the next period's). The caller's sort keeps the order
     * promised whatever a spec holds, at the cost of one pass over cells that are in order; package-private so that
     * a test sees they come in order before it (CellBindingsTest), since the sort would hide a slip but for its time.
     */
    static List<CellStats> made(PilotSpec p, MeasureIndex index, LocalDate asOf) {
        Map<String, List<MeasureCell>> byUnit = index.byUnit, byScope = index.byScope;
        List<CellStats> out = new ArrayList<>();
        List<PilotIndicator> indicators = new ArrayList<>(p.indicators());
        indicators.sort(Comparator.comparing(PilotIndicator::id));
        List<Map.Entry<String, Arm>> units = new ArrayList<>();
        for (String unit : p.pilotUnits()) units.add(Map.entry(unit, Arm.PILOT));
        for (String unit : p.controlUnits()) units.add(Map.entry(unit, Arm.CONTROL));
        units.sort(Map.Entry.<String, Arm>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        for (PilotIndicator i : indicators) {
            String measure = MeasureKeys.of(i.definition().measure());
            Windows windows = new Windows(p, i, asOf);
            if (i.definition().source() == Source.TECH_METRICS) {
                bindTo(out, p, i, null, Arm.PILOT, byScope.get(key(measure, p.id())), windows);
                continue;
            }
            for (Map.Entry<String, Arm> u : units) bindTo(out, p, i, u.getKey(), u.getValue(), byUnit.get(key(measure, u.getKey())), windows);
        }
        return out;
    }

    /**
     * Per pilot, the cases of its units and periods that a custom column indicator could not observe (see
     * {@link MeasureKeys#readsExtraColumn}): the same units and days as the indicator's own cells, so the count is
     * of exactly the cases its analysis leaves out. Sorted by pilot, then indicator.
     */
    static List<Unobserved> unobserved(List<PilotSpec> pilots, List<MeasureCell> measureCells, LocalDate asOf) {
        // Most nights no pilot has a custom column indicator: then the measure cells are not indexed a second time.
        if (pilots.stream().flatMap(p -> p.indicators().stream()).noneMatch(CellBindings::readsCustomColumn)) return List.of();
        Map<String, List<MeasureCell>> byUnit = new HashMap<>();
        for (MeasureCell c : measureCells) if (c.unit() != null) byUnit.computeIfAbsent(key(c.measure(), c.unit()), k -> new ArrayList<>()).add(c);
        List<Unobserved> out = new ArrayList<>();
        for (PilotSpec p : pilots) {
            for (PilotIndicator i : p.indicators()) {
                Measure m = i.definition().measure();
                if (!readsCustomColumn(i)) continue;
                Windows windows = new Windows(p, i, asOf);
                Map<String, Long> notNumbers = new TreeMap<>(), outOfRange = new TreeMap<>();
                Map<String, List<LocalDate>> days = new TreeMap<>();
                List<String> units = new ArrayList<>(p.pilotUnits());
                units.addAll(p.controlUnits());
                for (String unit : new TreeSet<>(units)) {
                    countIn(notNumbers, days, unit, byUnit.get(key(MeasureKeys.notANumber(m), unit)), windows);
                    countIn(outOfRange, days, unit, byUnit.get(key(MeasureKeys.outOfRange(m), unit)), windows);
                }
                if (!days.isEmpty()) out.add(new Unobserved(p.id(), i.id(), m.argument(), notNumbers, outOfRange, days));
            }
        }
        out.sort(Comparator.comparing(Unobserved::pilotId).thenComparing(Unobserved::indicatorId));
        return out;
    }

    /** A case indicator on an extra column of the exports (a custom column), whose values may be no number. */
    private static boolean readsCustomColumn(PilotIndicator i) {
        return i.definition().source() == Source.CASES && MeasureKeys.readsExtraColumn(i.definition().measure());
    }

    private static void countIn(Map<String, Long> byUnit, Map<String, List<LocalDate>> days, String unit, List<MeasureCell> cells,
                                Windows windows) {
        if (cells == null) return;
        for (MeasureCell c : cells) {
            if (windows.periodOf(c.day()) == null) continue;
            byUnit.merge(unit, c.moments().n(), Long::sum);
            days.merge(unit, List.of(c.day(), c.day()), (a, b) -> List.of(a.get(0).isBefore(b.get(0)) ? a.get(0) : b.get(0),
                a.get(1).isAfter(b.get(1)) ? a.get(1) : b.get(1)));
        }
    }

    private static void bindTo(List<CellStats> out, PilotSpec p, PilotIndicator i, String unit, Arm arm, List<MeasureCell> cells,
                               Windows windows) {
        if (cells == null) return;
        for (MeasureCell c : cells) {
            Period period = windows.periodOf(c.day());
            if (period != null) out.add(new CellStats(p.id(), i.id(), unit, c.stratum(), arm, period, c.day(), c.moments()));
        }
    }

    /**
     * A pilot's periods for one indicator: pre from the baseline's start up to (not including) the pilot's
     * start, post from the end of the ramp-up up to as-of less the indicator's maturity, nothing after as-of.
     */
    private record Windows(LocalDate preFrom, LocalDate preUntil, LocalDate postFrom, LocalDate postTo, LocalDate asOf) {
        Windows(PilotSpec p, PilotIndicator i, LocalDate asOf) {
            this(p.baselineStart(), p.start(), p.postStart(), asOf.minusDays(i.maturityDays()), asOf);
        }

        Period periodOf(LocalDate day) {
            if (day.isAfter(asOf)) return null;
            if (preFrom != null && !day.isBefore(preFrom) && day.isBefore(preUntil)) return Period.PRE;
            if (!day.isBefore(postFrom) && !day.isAfter(postTo)) return Period.POST;
            return null;
        }
    }

    /** What joins a measure to its unit or pilot in a key; Spark builds the same key (see SparkCellStage). */
    static final String KEY_SEPARATOR = "\u0000";

    static String key(String measure, String unitOrScope) {
        return measure + KEY_SEPARATOR + unitOrScope;
    }
}

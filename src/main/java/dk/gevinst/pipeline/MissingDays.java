package dk.gevinst.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.CellTable;
import dk.gevinst.config.PilotIndicator;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.publish.HealthFlag;
import dk.gevinst.publish.Json;
import dk.gevinst.source.Source;
import dk.gevinst.text.Language;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A team's day without decided cases, on a weekday the team usually has many and while other teams worked: most
 * likely a day's export that is missing or late. A night operator's missing day of one system's exports (and
 * one delivered a week late) went unsaid: freshness reads only the newest day, and every estimate simply had a day
 * less. Said as a warning, not acted on: the pilot is decided on the cases that arrived, and the day counts as soon
 * as its export does.
 *
 * <p>Read from the night's case cells, counted per team and day (the largest count of any case indicator a pilot
 * observes there). A day is compared with the same weekday in the weeks around it, so closed weekends and quiet
 * Fridays are their own usual. A public holiday, when the whole municipality closes, is told apart by the other
 * teams without a calendar: a day is flagged only when at least a third of the teams busy on its weekday (in any
 * pilot) had a quarter of their usual count or more. So a day missing from most systems' exports at once cannot be told
 * from a holiday, and is not flagged; nor is a day with a few cases, which a late update can leave in a missing day.
 */
final class MissingDays {
    /** A weekday is a team's busy one when its usual count is at least this: a day without any case is then no chance (Poisson: e⁻¹⁰). */
    static final int MIN_USUAL = 10;
    /** How many of the same weekdays before and after a run of empty ones make its usual count (their median). */
    static final int NEIGHBOURS = 4;
    /**
     * A busy team worked on a day when it had at least this share of its usual count. Counted in decided cases, the first
     * week after Christmas runs at a third of the usual (few cases were opened over the holidays): at half, a stranger's
     * pilot team whose export stopped on 2 January read as a holiday for all of that week. A closed day has next to none.
     */
    static final double WORKED_SHARE = 0.25;
    /**
     * A day is open when at least this share of the teams busy on its weekday worked. One team at work on Christmas Eve does
     * not make it a working day; a system whose day is missing leaves the other systems' teams at work.
     */
    static final double OPEN_QUORUM = 1.0 / 3;
    static final String CODE = "missing_days";

    private MissingDays() {}

    /**
     * Days of one team without cases ({@code days} of them flagged between from and to), and its usual count on them: their
     * median, and the lowest and highest (a stretch spans weekdays with their own usual).
     */
    record Gap(String unit, LocalDate from, LocalDate to, int days, double usual, double usualLow, double usualHigh) {
        /** One usual count for all its days. */
        Gap(String unit, LocalDate from, LocalDate to, int days, double usual) {
            this(unit, from, to, days, usual, usual, usual);
        }
    }

    /**
     * The teams' case counts per day, per pilot, over the days its cells cover for each: from the team's first day with a
     * case to its own last one, or to the pilot's last when the team lags behind that by more than the cases' freshness
     * allows (an export that stopped while the others' came; a smaller lag is an export on its way), never past the
     * pilot's deadline, and less the ramp-up, which has no cells by design. The open days are read from all pilots' teams.
     */
    static final class Counts {
        private final Map<String, Map<String, TreeMap<LocalDate, Long>>> byPilot;
        private final Set<LocalDate> open = new HashSet<>();

        private Counts(Map<String, Map<String, TreeMap<LocalDate, Long>>> byPilot) {
            this.byPilot = byPilot;
            Map<String, TreeMap<LocalDate, Long>> byUnit = new HashMap<>();
            byPilot.values().forEach(units -> units.forEach((unit, counts) ->
                counts.forEach((day, n) -> byUnit.computeIfAbsent(unit, k -> new TreeMap<>()).merge(day, n, Math::max))));
            // Made once, before the pilots are evaluated on the driver's cores: they only read it.
            Map<LocalDate, int[]> busyAndWorked = new HashMap<>();
            byUnit.values().forEach(counts -> counts.forEach((day, n) -> {
                double usual = usual(counts, day);
                if (usual < MIN_USUAL) return;
                int[] c = busyAndWorked.computeIfAbsent(day, k -> new int[2]);
                c[0]++;
                if (n >= WORKED_SHARE * usual) c[1]++;
            }));
            busyAndWorked.forEach((day, c) -> {
                if (c[1] > 0 && c[1] >= OPEN_QUORUM * c[0]) open.add(day);
            });
        }

        /** @param allowedLagDays how far a team's newest case may lie behind its pilot's before its days after it count as empty */
        static Counts of(List<PilotSpec> specs, CellTable cells, int allowedLagDays) {
            Map<String, PilotSpec> byId = new HashMap<>();
            Map<String, Set<String>> caseIndicators = new HashMap<>();
            for (PilotSpec s : specs) {
                byId.put(s.id(), s);
                Set<String> ids = new HashSet<>();
                for (PilotIndicator i : s.indicators()) if (i.definition().source() == Source.CASES) ids.add(i.id());
                caseIndicators.put(s.id(), ids);
            }
            // pilot → unit → day → count. A unit has one arm and a day one period, so each indicator has one cell (summed
            // over strata) per unit and day; the day's count is the largest of them.
            Map<String, Map<String, TreeMap<LocalDate, Long>>> cases = new HashMap<>();
            for (CellStats c : cells.cells()) {
                if (c.unit() == null || c.moments().n() == 0 || !caseIndicators.getOrDefault(c.pilotId(), Set.of()).contains(c.indicatorId())) continue;
                cases.computeIfAbsent(c.pilotId(), k -> new HashMap<>()).computeIfAbsent(c.unit(), k -> new TreeMap<>())
                    .merge(c.day(), c.moments().n(), Math::max);
            }
            Map<String, Map<String, TreeMap<LocalDate, Long>>> byPilot = new HashMap<>();
            cases.forEach((pilot, units) -> {
                PilotSpec spec = byId.get(pilot);
                LocalDate last = units.values().stream().map(TreeMap::lastKey).max(LocalDate::compareTo).orElseThrow();
                units.forEach((unit, days) -> {
                    LocalDate end = days.lastKey().plusDays(allowedLagDays).isBefore(last) ? last : days.lastKey();
                    if (end.isAfter(spec.deadline())) end = spec.deadline();
                    TreeMap<LocalDate, Long> counts = new TreeMap<>();
                    for (LocalDate d = days.firstKey(); !d.isAfter(end); d = d.plusDays(1)) {
                        if (d.isBefore(spec.start()) || !d.isBefore(spec.postStart())) counts.put(d, days.getOrDefault(d, 0L));
                    }
                    byPilot.computeIfAbsent(pilot, k -> new HashMap<>()).put(unit, counts);
                });
            });
            return new Counts(byPilot);
        }

        boolean open(LocalDate day) {
            return open.contains(day);
        }

        TreeMap<LocalDate, Long> of(String pilot, String unit) {
            return byPilot.getOrDefault(pilot, Map.of()).getOrDefault(unit, new TreeMap<>());
        }
    }

    /** The median count of the same weekday in the weeks around a day (the day itself left out), or 0 with too few of them. */
    private static double usual(TreeMap<LocalDate, Long> counts, LocalDate day) {
        List<Long> around = new ArrayList<>();
        for (int k = 1; k <= NEIGHBOURS; k++) {
            Long before = counts.get(day.minusWeeks(k)), after = counts.get(day.plusWeeks(k));
            if (before != null) around.add(before);
            if (after != null) around.add(after);
        }
        return around.size() < NEIGHBOURS ? 0 : median(around);
    }

    /** The gaps of the spec's teams, in the order the spec names them, each team's by day. */
    static List<Gap> of(PilotSpec spec, Counts counts) {
        Set<String> units = new LinkedHashSet<>(spec.pilotUnits());
        units.addAll(spec.controlUnits());
        List<Gap> out = new ArrayList<>();
        for (String unit : units) out.addAll(gaps(unit, counts.of(spec.id(), unit), counts));
        return out;
    }

    /**
     * A team's empty days that are news: per weekday, a run of empty ones is compared with the same weekdays just before
     * and after it, so a team whose export stopped weeks ago is still measured against its weeks before the stop.
     */
    private static List<Gap> gaps(String unit, TreeMap<LocalDate, Long> counts, Counts all) {
        TreeMap<LocalDate, Double> flagged = new TreeMap<>();
        for (DayOfWeek weekday : DayOfWeek.values()) {
            List<LocalDate> days = counts.keySet().stream().filter(d -> d.getDayOfWeek() == weekday).toList();
            int i = 0;
            while (i < days.size()) {
                if (counts.get(days.get(i)) != 0) {
                    i++;
                    continue;
                }
                int end = i;
                while (end < days.size() && counts.get(days.get(end)) == 0) end++;
                List<Long> around = new ArrayList<>();
                for (int k = Math.max(0, i - NEIGHBOURS); k < i; k++) around.add(counts.get(days.get(k)));
                for (int k = end; k < Math.min(days.size(), end + NEIGHBOURS); k++) around.add(counts.get(days.get(k)));
                double usual = around.size() < NEIGHBOURS ? 0 : median(around);
                if (usual >= MIN_USUAL) {
                    for (int k = i; k < end; k++) if (all.open(days.get(k))) flagged.put(days.get(k), usual);
                }
                i = end;
            }
        }
        List<Gap> out = new ArrayList<>();
        LocalDate from = null, to = null;
        List<Double> usuals = new ArrayList<>();
        for (Map.Entry<LocalDate, Double> f : flagged.entrySet()) {
            // Days with only empty ones between them (a weekend, a holiday) are one stretch: a stopped export reads as one, not
            // as a list of weeks. A day with cases between them parts them.
            if (to != null && (f.getKey().isAfter(to.plusDays(7)) || counts.subMap(to, false, f.getKey(), false).values().stream().anyMatch(n -> n > 0))) {
                out.add(gap(unit, from, to, usuals));
                from = null;
                usuals.clear();
            }
            if (from == null) from = f.getKey();
            to = f.getKey();
            usuals.add(f.getValue());
        }
        if (from != null) out.add(gap(unit, from, to, usuals));
        return out;
    }

    private static Gap gap(String unit, LocalDate from, LocalDate to, List<Double> usuals) {
        return new Gap(unit, from, to, usuals.size(), median(usuals), usuals.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
            usuals.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    }

    private static double median(List<? extends Number> values) {
        return ValueJumps.median(values.stream().mapToDouble(Number::doubleValue).toArray());
    }

    /** One warning for all of a pilot's gaps: the three newest stretches of days named with their teams and usual counts, then how many more. */
    static HealthFlag flag(List<Gap> gaps) {
        ObjectNode details = Json.MAPPER.createObjectNode();
        ArrayNode list = details.putArray("gaps");
        for (Gap g : gaps) {
            list.addObject().put("unit", g.unit()).put("from", g.from().toString()).put("to", g.to().toString()).put("days", g.days()).put("usual", g.usual());
        }
        return new HealthFlag(CODE, HealthFlag.Severity.WARNING, text(gaps, Language.DA), text(gaps, Language.EN), details);
    }

    private static String text(List<Gap> gaps, Language l) {
        // A system's missing day empties all its teams on the same days: said once for them all.
        // The newest first: that is the one a redelivery can still mend before the steering group meets.
        Map<String, List<Gap>> byDays = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (Gap g : gaps) byDays.computeIfAbsent(g.to() + "/" + g.from(), k -> new ArrayList<>()).add(g);
        List<String> shown = new ArrayList<>();
        for (List<Gap> same : byDays.values().stream().limit(3).toList()) {
            Gap g = same.get(0);
            // The stretch, not a count of its days: weekends and quiet weekdays inside it are not flagged, and '8 days' for a
            // fortnight read as a miscount to a stranger (details.gaps[].days has the number).
            String when = g.from().equals(g.to()) ? l.pick("den ", "on ") + l.date(g.from())
                : l.pick("fra ", "from ") + l.date(g.from()) + l.pick(" til ", " to ") + l.date(g.to());
            long low = Math.round(same.stream().mapToDouble(Gap::usualLow).min().orElseThrow());
            long high = Math.round(same.stream().mapToDouble(Gap::usualHigh).max().orElseThrow());
            String usual = low == high ? l.number(low, 0) : l.range(l.number(low, 0), l.number(high, 0));
            shown.add(l.list(same.stream().map(Gap::unit).toList()) + " " + when + l.pick(" (plejer at have " + usual + " afgjorte sager)",
                " (usually " + usual + " decided cases)"));
        }
        int more = byDays.size() - shown.size();
        String rest = more > 0 ? l.pick(" og " + more + (more == 1 ? " periode" : " perioder") + " mere", " and " + more + (more == 1 ? " more stretch" : " more stretches")) : "";
        return l.pick("Dage uden afgjorte sager fra et team, der plejer at have mange, mens andre teams afgjorde sager: ",
                "Days without decided cases from a team that usually has many, while other teams decided cases: ") + String.join("; ", shown) + rest
            + l.pick(". Mangler en dags eksport, eller er den forsinket? Beslutningen bygger på de sager, der er kommet; dagene tæller med, så snart "
                + "eksporten leveres.", ". Is a day's export missing or late? The decision rests on the cases that have arrived; the days count as soon as "
                + "the export is delivered.");
    }
}

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
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A team's day without cases, on a weekday the team usually has many and while other teams had their usual number:
 * most likely a day's export that is missing or late. A night operator's missing day of one system's exports (and
 * one delivered a week late) went unsaid: freshness reads only the newest day, and every estimate simply had a day
 * less. Said as a warning, not acted on: the pilot is decided on the cases that arrived, and the day counts as soon
 * as its export does.
 *
 * <p>Read from the night's case cells, counted per team and day (the largest count of any case indicator a pilot
 * observes there). A day is compared with the same weekday in the weeks around it, so closed weekends and quiet
 * Fridays are their own usual. A public holiday, when the whole municipality closes, is told apart by the other
 * teams without a calendar: on a day none of them had its usual number, nothing is said. So a day missing from every
 * system's export at once cannot be told from a holiday, and is not flagged.
 */
final class MissingDays {
    /** A weekday is a team's busy one when its usual count is at least this: a day without any case is then no chance (Poisson: e⁻¹⁰). */
    static final int MIN_USUAL = 10;
    /** How many of the same weekdays before and after a run of empty ones make its usual count (their median). */
    static final int NEIGHBOURS = 4;
    /** A day counts as open when a busy team had at least this share of its usual count. */
    static final double OPEN_SHARE = 0.5;
    static final String CODE = "missing_days";

    private MissingDays() {}

    /** Consecutive days of one team without cases ({@code days} of them flagged between from and to), and its usual count on them. */
    record Gap(String unit, LocalDate from, LocalDate to, int days, double usual) {}

    /**
     * Every team's case count per day, over the days the night's cells cover for it: from its first day with a case in a
     * pilot to that pilot's last day with one (so a team whose export stopped while the others' came has empty days),
     * less the pilot's ramp-up, which has no cells by design. A team in several pilots has the union of their days.
     */
    static final class Counts {
        private final Map<String, TreeMap<LocalDate, Long>> byUnit;
        /** The days some busy team had at least half its usual count: the municipality was at work. */
        private final Set<LocalDate> open = new HashSet<>();

        private Counts(Map<String, TreeMap<LocalDate, Long>> byUnit) {
            this.byUnit = byUnit;
            // Made once, before the pilots are evaluated on the driver's cores: they only read it.
            byUnit.values().forEach(counts -> counts.forEach((day, n) -> {
                double usual = usual(counts, day);
                if (usual >= MIN_USUAL && n >= OPEN_SHARE * usual) open.add(day);
            }));
        }

        static Counts of(List<PilotSpec> specs, CellTable cells) {
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
            Map<String, Map<String, TreeMap<LocalDate, Long>>> perPilot = new HashMap<>();
            for (CellStats c : cells.cells()) {
                if (c.unit() == null || c.moments().n() == 0 || !caseIndicators.getOrDefault(c.pilotId(), Set.of()).contains(c.indicatorId())) continue;
                perPilot.computeIfAbsent(c.pilotId(), k -> new HashMap<>()).computeIfAbsent(c.unit(), k -> new TreeMap<>())
                    .merge(c.day(), c.moments().n(), Math::max);
            }
            Map<String, TreeMap<LocalDate, Long>> byUnit = new TreeMap<>();
            perPilot.forEach((pilot, units) -> {
                PilotSpec spec = byId.get(pilot);
                LocalDate last = units.values().stream().map(TreeMap::lastKey).max(LocalDate::compareTo).orElseThrow();
                units.forEach((unit, days) -> {
                    TreeMap<LocalDate, Long> counts = byUnit.computeIfAbsent(unit, k -> new TreeMap<>());
                    for (LocalDate d = days.firstKey(); !d.isAfter(last); d = d.plusDays(1)) {
                        if (!d.isBefore(spec.start()) && d.isBefore(spec.postStart())) continue;
                        counts.merge(d, days.getOrDefault(d, 0L), Math::max);
                    }
                });
            });
            return new Counts(byUnit);
        }

        boolean open(LocalDate day) {
            return open.contains(day);
        }

        TreeMap<LocalDate, Long> of(String unit) {
            return byUnit.getOrDefault(unit, new TreeMap<>());
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
        for (String unit : units) out.addAll(gaps(unit, counts.of(unit), counts));
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
            // Days a weekend apart are one gap: a stopped export reads as one stretch, not a list of weeks.
            if (to != null && f.getKey().isAfter(to.plusDays(3))) {
                out.add(new Gap(unit, from, to, usuals.size(), median(usuals)));
                from = null;
                usuals.clear();
            }
            if (from == null) from = f.getKey();
            to = f.getKey();
            usuals.add(f.getValue());
        }
        if (from != null) out.add(new Gap(unit, from, to, usuals.size(), median(usuals)));
        return out;
    }

    private static double median(List<? extends Number> values) {
        double[] v = values.stream().mapToDouble(Number::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** One warning for all of a pilot's gaps: the first three stretches of days named with their teams and usual counts, then how many more. */
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
        Map<String, List<Gap>> byDays = new java.util.LinkedHashMap<>();
        for (Gap g : gaps) byDays.computeIfAbsent(g.from() + "/" + g.to(), k -> new ArrayList<>()).add(g);
        List<String> shown = new ArrayList<>();
        for (List<Gap> same : byDays.values().stream().limit(3).toList()) {
            Gap g = same.get(0);
            String when = g.from().equals(g.to()) ? l.pick("den ", "on ") + l.date(g.from())
                : l.pick("fra ", "from ") + l.date(g.from()) + l.pick(" til ", " to ") + l.date(g.to()) + ", " + g.days() + l.pick(" dage", " days");
            long low = Math.round(same.stream().mapToDouble(Gap::usual).min().orElseThrow());
            long high = Math.round(same.stream().mapToDouble(Gap::usual).max().orElseThrow());
            String usual = low == high ? l.number(low, 0) : l.range(l.number(low, 0), l.number(high, 0));
            shown.add(l.list(same.stream().map(Gap::unit).toList()) + " " + when + l.pick(" (plejer at have " + usual + " sager)",
                " (usually " + usual + " cases)"));
        }
        int more = byDays.size() - shown.size();
        String rest = more > 0 ? l.pick(" og " + more + " gange mere", " and " + more + " more times") : "";
        return l.pick("Dage uden sager fra et team, mens andre teams havde deres sædvanlige antal: ",
                "Days without cases from a team while other teams had their usual number: ") + String.join("; ", shown) + rest
            + l.pick(". Mangler en dags eksport, eller er den forsinket? Beslutningen bygger på de sager, der er kommet; dagene tæller med, så snart "
                + "eksporten leveres.", ". Is a day's export missing or late? The decision rests on the cases that have arrived; the days count as soon as "
                + "the export is delivered.");
    }
}

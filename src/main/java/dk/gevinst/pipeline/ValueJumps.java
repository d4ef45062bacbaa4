package dk.gevinst.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.Weeks;
import dk.gevinst.config.PilotIndicator;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.publish.HealthFlag;
import dk.gevinst.publish.Json;
import dk.gevinst.stats.Moments;
import dk.gevinst.text.Language;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A team's week whose mean time is five times its usual one, or a fifth of it: an export that changed its unit
 * (seconds for minutes, hours for days) or its figures. A stranger's file with handling minutes ×10 read as 'rose
 * 252 %' and a promise of a decision in a week, with no word of the jump. Within the contract's bounds each value is
 * plausible on its own; only the team's own history shows the jump. Said as a warning, not acted on: the rows count
 * until the file is corrected and delivered again, as any other row does.
 */
final class ValueJumps {
    /** How far from the team's usual week a week must be, either way. */
    static final double FACTOR = 5;
    /** Weeks with fewer cases than this are too noisy to call a jump, and too few such weeks give no usual level. */
    static final int MIN_CASES = 10, MIN_WEEKS = 5;
    private static final Set<String> TIMES = Set.of("minutes", "days");

    private ValueJumps() {}

    record Jump(String indicator, String unit, LocalDate week, double mean, long n, double usual) {}

    /** The jumps in the deciding time indicators of one pilot's day cells, per unit and ISO week, in indicator, unit and week order. */
    static List<Jump> of(PilotSpec spec, List<CellStats> cells) {
        List<Jump> out = new ArrayList<>();
        for (PilotIndicator i : spec.indicators()) {
            if (!i.role().decides() || !TIMES.contains(i.definition().unit())) continue;
            Map<String, TreeMap<LocalDate, Moments>> weeks = new TreeMap<>();
            for (CellStats c : cells) {
                if (!c.indicatorId().equals(i.id()) || c.unit() == null || c.moments().n() == 0) continue;
                weeks.computeIfAbsent(c.unit(), k -> new TreeMap<>()).merge(Weeks.monday(c.day()), c.moments(), Moments::plus);
            }
            weeks.forEach((unit, byWeek) -> {
                List<Map.Entry<LocalDate, Moments>> full = byWeek.entrySet().stream().filter(w -> w.getValue().n() >= MIN_CASES).toList();
                if (full.size() < MIN_WEEKS) return;
                double usual = median(full.stream().mapToDouble(w -> w.getValue().mean()).toArray());
                if (!(usual > 0)) return;
                for (Map.Entry<LocalDate, Moments> w : full) {
                    double mean = w.getValue().mean();
                    if (mean >= FACTOR * usual || mean <= usual / FACTOR) out.add(new Jump(i.id(), unit, w.getKey(), mean, w.getValue().n(), usual));
                }
            });
        }
        return out;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** One warning for all of a pilot's jumps: the first three named with indicator, team, week and both levels, then how many more. */
    static HealthFlag flag(PilotSpec spec, List<Jump> jumps) {
        ObjectNode details = Json.MAPPER.createObjectNode();
        ArrayNode list = details.putArray("weeks");
        for (Jump j : jumps) {
            list.addObject().put("indicator", j.indicator()).put("unit", j.unit()).put("week", j.week().toString()).put("mean", j.mean())
                .put("n", j.n()).put("usual", j.usual());
        }
        return new HealthFlag(HealthTexts.VALUE_JUMP, HealthFlag.Severity.WARNING, text(spec, jumps, Language.DA), text(spec, jumps, Language.EN), details);
    }

    private static String text(PilotSpec spec, List<Jump> jumps, Language l) {
        List<String> shown = new ArrayList<>();
        for (Jump j : jumps.subList(0, Math.min(3, jumps.size()))) {
            PilotIndicator i = spec.indicators().stream().filter(x -> x.id().equals(j.indicator())).findFirst().orElseThrow();
            String unit = i.definition().unit().equals("days") ? l.pick("dage", "days") : "min";
            double times = j.mean() / j.usual();
            shown.add(i.definition().label(l.code()) + l.pick(" i " + j.unit() + " i ugen fra " + l.date(j.week()) + ": i gennemsnit ",
                    " in " + j.unit() + " in the week of " + l.date(j.week()) + ": on average ")
                + l.number(j.mean(), 1) + Language.NBSP + unit + l.pick(" mod typisk ", " against a usual ") + l.number(j.usual(), 1) + Language.NBSP + unit
                + " (" + (times >= 1 ? l.number(times, 0) + l.pick(" gange så meget", " times as much") : "1/" + l.number(1 / times, 0)
                    + l.pick(" af det", " of it")) + ", " + j.n() + l.pick(" sager)", " cases)"));
        }
        String more = jumps.size() > 3 ? l.pick(" og " + (jumps.size() - 3) + " uger mere", " and " + (jumps.size() - 3) + " more weeks") : "";
        return l.pick("Et teams uge skiller sig ud fra dets sædvanlige niveau: ", "A team's week stands out from its usual level: ") + String.join("; ", shown) + more
            + l.pick(". Er eksporten skiftet enhed (sekunder, timer) eller tallene forkerte? Ugens sager tæller med i beslutningen, indtil filen rettes og "
                + "leveres igen.", ". Did the export change its unit (seconds, hours) or its figures? The week's cases count in the decision until the file is "
                + "corrected and delivered again.");
    }
}

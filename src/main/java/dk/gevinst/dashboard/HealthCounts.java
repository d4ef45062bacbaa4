package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the portfolio adds to the generic health banner: how many errors and warnings it lists ("1 fejl ·
 * 3 advarsler", once, in the banner's heading), the warnings folded when there are more than
 * {@value #UNFOLDED_UP_TO} so that a flag every pilot carries (one team) neither buries an error nor pushes
 * the decisions off a phone's first screen, and which pilots rest on a single team (the {@code one_team}
 * flag of their document, shown as a marker beside the pilot's name, issue 8 point 6).
 */
public final class HealthCounts {
    /** The health flag a stage publishes when a pilot runs in one team. */
    static final String ONE_TEAM = "one_team";

    /** Up to this many warnings the portfolio's banner shows them open; more are folded under the heading. */
    static final int UNFOLDED_UP_TO = 2;

    private HealthCounts() {}

    /** Whether the portfolio shows these warnings open (a short list) rather than folded. Print opens them all (gevinst.css). */
    public static boolean unfolded(List<HealthItem> warnings) {
        return warnings.size() <= UNFOLDED_UP_TO;
    }

    /** "1 fejl · 3 advarsler"; empty without items. */
    public static String text(Texts t, List<HealthItem> items) {
        long errors = errors(items).size();
        long warnings = items.size() - errors;
        StringBuilder s = new StringBuilder();
        if (errors > 0) s.append(t.format(errors == 1 ? "health.counts.error" : "health.counts.errors", t.count(errors)));
        if (warnings > 0) {
            if (s.length() > 0) s.append(" · ");
            s.append(t.format(warnings == 1 ? "health.counts.warning" : "health.counts.warnings", t.count(warnings)));
        }
        return s.toString();
    }

    public static List<HealthItem> errors(List<HealthItem> items) {
        return items.stream().filter(i -> HealthItem.ERROR.equals(i.severity())).toList();
    }

    public static List<HealthItem> warnings(List<HealthItem> items) {
        return items.stream().filter(i -> !HealthItem.ERROR.equals(i.severity())).toList();
    }

    /** Pilot id → the marker's explanation, for each pilot whose document carries the one_team flag. */
    static Map<String, String> oneTeam(Texts t, List<JsonNode> docs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode d : docs) {
            for (JsonNode f : d.path("health")) {
                if (!ONE_TEAM.equals(f.path("code").asText())) continue;
                StringBuilder teams = new StringBuilder();
                for (JsonNode u : f.path("pilot_units")) teams.append(teams.length() > 0 ? ", " : "").append(u.asText());
                // A comparison: each of its candidates (listed in the flag) rests on its own single team.
                String title = f.path("candidates").isEmpty() ? "portfolio.oneteam.title" : "portfolio.oneteam.candidates.title";
                out.put(Docs.id(d), t.format(title, teams.toString()));
            }
        }
        return out;
    }
}

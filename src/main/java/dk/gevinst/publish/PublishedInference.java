package dk.gevinst.publish;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads an indicator's published {@code inference} block (written by {@link InferenceJson}) the one way the
 * dashboard's "how sure are we" and {@code gevinst explain} both tell it: which uncertainty decided the interval,
 * and where the pilot team ranks among the placebo teams. Each says it in its own words; neither decides again.
 */
public final class PublishedInference {
    /** Which uncertainty the interval rests on. */
    public enum Decider {
        /** no team-level interval could be made ({@link #unavailable} says why): the cases alone, and no gain counts */
        NONE,
        /** the cases: their uncertainty was the larger */
        CASE,
        /** the teams' week-to-week variation (the weekly gap series) */
        WEEKLY,
        /** the spread of the placebo teams, the control teams each treated as if it had had the pilot */
        PLACEBO;

        /** The text key's last part: "none", "case", "weekly", "placebo". */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The pilot team's place among the J + 1 teams, counted from the largest change either way: the rank p-value
     * is the share of the estimates at least as far from zero as the pilot's, so p·(J + 1) is that place.
     */
    public record Rank(long place, int teams, double pValue) {}

    private PublishedInference() {}

    public static Decider decider(JsonNode inference) {
        JsonNode unit = inference.path("unit_level");
        if (!unit.isObject() || "none".equals(unit.path("method").asText())) return Decider.NONE;
        if (!"unit".equals(inference.path("decided_by").asText())) return Decider.CASE;
        JsonNode placebo = unit.path("placebo");
        // The published team-level se is that of the wider team-level interval: the placebo's when they are the same number.
        boolean byPlacebo = placebo.isObject() && placebo.path("se").asDouble() == unit.path("se").asDouble(Double.NaN);
        return byPlacebo ? Decider.PLACEBO : Decider.WEEKLY;
    }

    /** Why no team-level interval could be made (published {@code unavailable}); too few weeks when an older document does not say. */
    public static String unavailable(JsonNode inference) {
        JsonNode u = inference.path("unit_level").path("unavailable");
        return u.isTextual() ? u.asText() : "too_few_weeks";
    }

    /** The placebo rank, or null when no placebo teams were published. */
    public static Rank rank(JsonNode inference) {
        JsonNode placebo = inference.path("unit_level").path("placebo");
        if (placebo.path("estimates").size() == 0 || !placebo.path("rank_p_value").isNumber()) return null;
        int teams = placebo.path("estimates").size() + 1;
        double p = placebo.path("rank_p_value").asDouble();
        return new Rank(Math.max(1, Math.round(p * teams)), teams, p);
    }
}

package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Edits of a published decision document for the inference cases the committed sample does not reach (it has
 * at most three control teams, and its baselines show no pre-trend): placebo in space with many control
 * teams, a pre-trend found, a hidden week. Each edit keeps the document consistent the way the publisher
 * would write it (the rank p-value counts the placebos at least as far from zero as the pilot's estimate).
 */
final class InferenceFixture {
    private InferenceFixture() {}

    static ObjectNode indicator(JsonNode doc, String id) {
        for (JsonNode i : doc.path("indicators")) if (i.path("id").asText().equals(id)) return (ObjectNode) i;
        throw new AssertionError("no indicator " + id);
    }

    /**
     * Placebo in space with {@code controls} control teams, of which {@code larger} moved further from zero than
     * the pilot's estimate; the placebo interval decides. The pilot then ranks {@code larger + 1} of {@code controls + 1}.
     */
    static void placebo(ObjectNode doc, String id, int controls, int larger) {
        ObjectNode ind = indicator(doc, id), inf = (ObjectNode) ind.path("inference"), unit = (ObjectNode) inf.path("unit_level");
        double effect = ind.path("effect").asDouble(), ss = 0;
        ObjectNode placebo = unit.putObject("placebo");
        ArrayNode estimates = placebo.putArray("estimates");
        for (int k = 0; k < controls; k++) {
            // Alternating signs; the first `larger` beyond the pilot's estimate, the rest well inside it.
            double size = k < larger ? 1.2 + 0.1 * k : 0.9 * (controls - k) / controls;
            double e = (k % 2 == 0 ? 1 : -1) * size * Math.abs(effect);
            ss += e * e;
            estimates.addObject().put("unit", "Team " + (char) ('A' + k)).put("estimate", e);
        }
        double se = Math.sqrt(ss / controls);
        placebo.put("se", se).put("dof", controls).put("rank_p_value", (larger + 1.0) / (controls + 1));
        unit.put("method", "weekly_gap+placebo_in_space").put("se", se).put("dof", controls);
        ((ObjectNode) unit.path("units")).put("control", controls);
        inf.put("decided_by", "unit").put("se", se).put("dof", controls);
    }

    /** The pre-trend check found drift on this indicator: the document gets the pre_trend error the publisher adds. */
    static void preTrendFound(ObjectNode doc, String id) {
        ObjectNode p = (ObjectNode) indicator(doc, id).path("pre_trend");
        double width = p.path("ci_high").asDouble() - p.path("ci_low").asDouble();
        p.put("estimate", width).put("ci_low", width / 2).put("ci_high", 1.5 * width).put("drift_found", true);
        ArrayNode health = doc.path("health").isArray() ? (ArrayNode) doc.path("health") : doc.putArray("health");
        health.add(DashboardFixture.healthFlag("pre_trend", "error",
            "Sagsbehandlingstid: pilot og kontrol bevægede sig fra hinanden allerede før start, så effekten kan ikke skilles fra den bevægelse.",
            "Handling time: pilot and control were already moving apart before the start, so the effect cannot be told apart from it.")
            .put("indicator", id));
    }

    /** Hides one week of the weekly gap the way the publisher does for a week on fewer than 5 cases. */
    static void hideWeek(ObjectNode doc, String id, int week) {
        ObjectNode w = (ObjectNode) indicator(doc, id).path("inference").path("weekly_gap").get(week);
        w.putNull("gap").putNull("noise_se").put("suppressed", true);
    }
}

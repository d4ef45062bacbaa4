package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.publish.Json;

/**
 * One indicator as a manager reads it: the level without and with the pilot in the unit people know next
 * to the change ("61,6 → 52,9 min (−14 %)"), the confidence interval on the same scale, what it means in
 * words ("faldt 14 % – bedre"), and what it rests on.
 */
public record IndicatorRow(String id, String label, String role, String roleLabel, String level, String interval, String words,
                           String basis, String design, String threshold) {
    static final String[] ROLES = {"success", "guardrail", "technical", "descriptive"};

    static IndicatorRow of(Texts t, JsonNode doc, JsonNode ind) {
        String role = ind.path("role").asText();
        String verdict = t.get("verdict." + ind.path("verdict").asText());
        ChangeScale scale = ChangeScale.of(t, ind);
        double[] shown = ChangeScale.shown(t, ind);
        String level = "–", interval = "–", words = verdict, threshold = "";
        if (shown != null) {
            double effect = ind.path("effect").asDouble(), cf = ind.path("counterfactual").asDouble(Double.NaN);
            double est = shown[0], lo = shown[1], hi = shown[2];
            int d = scale.decimals(Math.max(Math.abs(lo), Math.abs(hi)));
            if (Double.isFinite(cf)) level = scale.level(t, cf) + " → " + scale.level(t, cf + effect) + " (" + scale.change(t, est, d) + ")";
            interval = tooFewData(ind) ? t.get("interval.toofew")
                : t.range(t.number(lo, d), t.withUnit(t.number(hi, d), scale.changeUnit()));
            String size = scale.change(t, Math.abs(est), d).replace("+", "");
            String moved = t.number(est, d).matches("[−-]?[0,.]+") ? t.get("change.same")
                : t.format(est < 0 ? "change.fell" : "change.rose", size);
            words = t.format("change.words", moved, verdict);
            if ("guardrail".equals(role) && ind.path("margin").isNumber()) {
                threshold = t.format("basis.limit", scale.change(t, scale.show(ind.path("margin").asDouble()), d).replace("+", ""));
            } else if ("success".equals(role) && ind.path("mde_abs").isNumber()) {
                int better = "lower_is_better".equals(ind.path("direction").asText()) ? -1 : 1;
                threshold = t.format("basis.mde", scale.change(t, better * scale.show(ind.path("mde_abs").asDouble()), d));
            }
        }
        return new IndicatorRow(ind.path("id").asText(), ind.path("label").path(t.language().code()).asText(ind.path("id").asText()),
            role, t.get("role." + role), level, interval, words, basis(t, doc, ind), t.get("design." + ind.path("design").asText("none")), threshold);
    }

    /** The change alone, signed and in its unit as the table writes it: "−14 %", "+0,53 dage"; "–" without an estimate. */
    static String change(Texts t, JsonNode ind) {
        double[] ci = interval(ind);
        if (ci == null || !ind.path("effect").isNumber()) return "–";
        ChangeScale scale = ChangeScale.of(t, ind);
        int d = scale.decimals(Math.max(Math.abs(scale.show(ci[0])), Math.abs(scale.show(ci[1]))));
        return scale.change(t, scale.show(ind.path("effect").asDouble()), d);
    }

    /** The published interval spans every change the indicator's scale allows: it says nothing. */
    static boolean tooFewData(JsonNode ind) {
        return ind.path("decision_interval").path("too_few_data").asBoolean(false);
    }

    /** The published decision interval: low, high, alpha; null when there is none. */
    static double[] interval(JsonNode ind) {
        JsonNode d = ind.path("decision_interval");
        if (!d.isObject() || !d.path("ci_low").isNumber() || !d.path("ci_high").isNumber()) return null;
        return new double[] {d.path("ci_low").asDouble(), d.path("ci_high").asDouble(), d.path("alpha").asDouble()};
    }

    /**
     * The chart panel of this indicator: the interval, estimate and threshold on the table's scale, and which side
     * is better; none for an interval that says nothing on its scale (the table says "too few data").
     */
    static ObjectNode panel(Texts t, JsonNode ind) {
        double[] shown = ChangeScale.shown(t, ind);
        if (shown == null || tooFewData(ind)) return null;
        ChangeScale scale = ChangeScale.of(t, ind);
        double lo = shown[1], hi = shown[2];
        int better = "lower_is_better".equals(ind.path("direction").asText()) ? -1 : 1;
        String role = ind.path("role").asText();
        ObjectNode p = Json.MAPPER.createObjectNode().put("label", ind.path("label").path(t.language().code()).asText())
            .put("role", role).put("roleLabel", t.get("role." + role)).put("verdict", t.get("verdict." + ind.path("verdict").asText()))
            .put("est", shown[0]).put("low", lo).put("high", hi).put("better", better)
            .put("unit", scale.changeUnit()).put("axis", t.format("chart.changein", scale.changeUnit())).put("decimals", scale.decimals(Math.max(Math.abs(lo), Math.abs(hi))));
        if ("success".equals(role) && ind.path("mde_abs").isNumber()) {
            p.put("mark", better * scale.show(ind.path("mde_abs").asDouble())).put("markLabel", t.get("chart.mde"));
        } else if ("guardrail".equals(role) && ind.path("margin").isNumber()) {
            p.put("mark", -better * scale.show(ind.path("margin").asDouble())).put("markLabel", t.get("chart.margin"));
        }
        return p;
    }

    /** Cases and persons fall under the rule of 5; machine metrics (tech_metrics) are about no one. */
    static boolean aboutPeople(JsonNode ind) {
        return !"tech_metrics".equals(ind.path("source").asText());
    }

    private static String basis(Texts t, JsonNode doc, JsonNode ind) {
        JsonNode c = ind.path("cells");
        String noun = t.term("noun", ind.path("source").asText("cases"));
        boolean people = aboutPeople(ind);
        if (doc.path("arms").path("control").size() == 0) {
            return t.format("basis.pilot", n(t, c.path("pilot_pre"), people), n(t, c.path("pilot_post"), people), noun);
        }
        return t.format("basis.both", n(t, c.path("pilot_pre"), people), n(t, c.path("pilot_post"), people), n(t, c.path("control_pre"), people),
            n(t, c.path("control_post"), people), noun);
    }

    /** A cell's count; "færre end 5" when it is suppressed, or under 5 in a document published before that rule. */
    private static String n(Texts t, JsonNode cell, boolean aboutPeople) {
        long n = cell.path("n").asLong(0);
        if (cell.path("suppressed").asBoolean() || (aboutPeople && n > 0 && n < 5)) return t.get("suppressed");
        return t.count(n);
    }
}

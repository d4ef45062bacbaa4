package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.publish.Json;
import java.time.LocalDate;

/**
 * The data a pilot page's charts draw, embedded in the page as JSON: every number comes from the decision
 * document, put on the scale the tables use; gevinst.js only draws it.
 */
final class PilotCharts {
    private PilotCharts() {}

    static ObjectNode of(Texts t, JsonNode doc) {
        ObjectNode data = Json.MAPPER.createObjectNode().put("page", "pilot").put("lang", t.language().code());
        ObjectNode labels = data.putObject("labels");
        for (String k : new String[] {"chart.pilot", "chart.control", "chart.start", "chart.years", "chart.nodata", "chart.better",
            "chart.estimate", "chart.interval", "chart.million", "chart.redline"}) {
            labels.put(k, t.get(k));
        }
        ArrayNode panels = data.putArray("panels");
        for (String role : IndicatorRow.ROLES) {
            for (JsonNode ind : doc.path("indicators")) {
                if (!role.equals(ind.path("role").asText())) continue;
                ObjectNode p = IndicatorRow.panel(t, ind);
                if (p != null) panels.add(p);
            }
        }
        ObjectNode trends = data.putObject("trends");
        for (JsonNode ind : doc.path("indicators")) trends.set(ind.path("id").asText(), trend(t, doc, ind));
        if (doc.path("business_case").isObject()) data.set("business", business(t, doc.path("business_case")));
        data.set("narrowing", narrowing(t, doc));
        data.set("certainty", CertaintyCharts.of(t, doc));
        return data;
    }

    /** Weekly levels per arm; a week resting on fewer than 5 observations is never drawn. */
    private static ObjectNode trend(Texts t, JsonNode doc, JsonNode ind) {
        ChangeScale scale = ChangeScale.of(t, ind);
        ObjectNode tr = Json.MAPPER.createObjectNode().put("label", ind.path("label").path(t.language().code()).asText())
            .put("unit", scale.levelUnit());
        LocalDate start = Docs.date(doc, "start");
        if (start != null) {
            tr.put("start", start.toString()).put("rampEnd", start.plusDays(doc.path("ramp_up_days").asInt(0)).toString());
        }
        ArrayNode weeks = tr.putArray("weeks"), pilot = tr.putArray("pilot"), control = tr.putArray("control");
        boolean aboutPeople = IndicatorRow.aboutPeople(ind);
        for (JsonNode w : ind.path("trend")) {
            weeks.add(w.path("week").asText());
            point(pilot, w, "pilot", scale, aboutPeople);
            point(control, w, "control", scale, aboutPeople);
        }
        return tr;
    }

    /** A week's level; never one resting on fewer than 5 cases or persons, even from a document published before that rule. */
    private static void point(ArrayNode series, JsonNode week, String arm, ChangeScale scale, boolean aboutPeople) {
        JsonNode mean = week.path(arm + "_mean"), n = week.path(arm + "_n");
        boolean small = aboutPeople && n.isNumber() && n.asLong() > 0 && n.asLong() < 5;
        if (!mean.isNumber() || small || week.path(arm + "_suppressed").asBoolean()) series.addNull();
        else series.add(scale.levelForChart(mean.asDouble()));
    }

    /** Per deployment option: its name in words, the cumulative curves, and the payback in the legend rather than on the lines. */
    private static ObjectNode business(Texts t, JsonNode bc) {
        ObjectNode b = Json.MAPPER.createObjectNode();
        ArrayNode options = b.putArray("options");
        for (JsonNode o : bc.path("options")) {
            String name = t.option(o.path("option").asText());
            JsonNode payback = o.path("payback_years");
            ObjectNode x = options.addObject().put("name", payback.isNumber()
                ? name + " – " + t.format("chart.payback", t.number(payback.asDouble(), 1)) : name);
            x.set("low", o.path("cumulative").path("low"));
            x.set("likely", o.path("cumulative").path("likely"));
            x.set("high", o.path("cumulative").path("high"));
            x.set("payback", payback);
        }
        return b;
    }

    /**
     * How the decision interval of each deciding indicator narrowed night by night, from the published
     * history, on the table's scale: where the table reads the change relatively, each night's published
     * relative interval (a night published without one is left out, never derived from the absolute interval
     * and a level); else the absolute one in the table's unit.
     */
    private static ArrayNode narrowing(Texts t, JsonNode doc) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (JsonNode ind : doc.path("indicators")) {
            String role = ind.path("role").asText();
            if (!"success".equals(role) && !"guardrail".equals(role)) continue;
            ObjectNode panel = IndicatorRow.panel(t, ind);
            ObjectNode series = Json.MAPPER.createObjectNode().put("label", ind.path("label").path(t.language().code()).asText())
                .put("unit", ChangeScale.of(t, ind).changeUnit()).put("axis", t.format("chart.changein", ChangeScale.of(t, ind).changeUnit())).put("better", panel == null ? 1 : panel.path("better").asInt());
            if (panel != null && panel.has("mark")) series.put("mark", panel.path("mark").asDouble()).put("markLabel", panel.path("markLabel").asText());
            ArrayNode days = series.putArray("days"), est = series.putArray("est"), low = series.putArray("low"), high = series.putArray("high");
            ChangeScale s = ChangeScale.of(t, ind);
            boolean relative = s.kind() == ChangeScale.Kind.RELATIVE;
            String lowField = relative ? "relative_ci_low" : "ci_low", highField = relative ? "relative_ci_high" : "ci_high";
            String effectField = relative ? "relative_effect" : "effect";
            double factor = relative ? 100 : 1 / s.divisor();
            for (JsonNode night : doc.path("history")) {
                for (JsonNode i : night.path("intervals")) {
                    if (!i.path("indicator").asText().equals(ind.path("id").asText()) || !i.path(lowField).isNumber() || !i.path(highField).isNumber()) continue;
                    days.add(night.path("as_of").asText());
                    if (i.path(effectField).isNumber()) est.add(i.path(effectField).asDouble() * factor);
                    else est.addNull();
                    low.add(i.path(lowField).asDouble() * factor);
                    high.add(i.path(highField).asDouble() * factor);
                }
            }
            if (days.size() > 1) out.add(series);
        }
        return out;
    }
}

package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.publish.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The data of the "How sure are we?" charts, per success indicator, from its published {@code inference}:
 * <ul>
 * <li>{@code gaps}: the weekly gap (pilot minus control; the pilot's own level without controls) with the
 *     band of its sampling noise, each week marked pre or post, complete or not, suppressed or not, and the
 *     pilot start and end of ramp-up;</li>
 * <li>{@code placebo}: each control team's placebo estimate and the pilot's estimate, sorted, the pilot
 *     marked.</li>
 * </ul>
 * Everything is a published number on {@link GapScale}; the band is the published noise standard error
 * times the normal 97.5 % quantile, so the page draws without computing.
 */
final class CertaintyCharts {
    /** The two-sided 95 % normal quantile: the noise band is the week's gap ± this many noise standard errors. */
    static final double BAND_Z = 1.959963984540054;

    private CertaintyCharts() {}

    /** The success indicators a "How sure are we?" block is shown for: those with a published analysis. */
    static List<JsonNode> indicators(JsonNode doc) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode ind : doc.path("indicators")) {
            if ("success".equals(ind.path("role").asText()) && ind.path("inference").isObject()) out.add(ind);
        }
        return out;
    }

    static ObjectNode of(Texts t, JsonNode doc) {
        ObjectNode data = Json.MAPPER.createObjectNode();
        ObjectNode labels = data.putObject("labels");
        for (String k : new String[] {"certainty.chart.pre", "certainty.chart.post", "certainty.chart.incomplete", "certainty.chart.suppressed",
            "certainty.chart.band", "certainty.chart.pilot", "certainty.chart.placebo", "chart.start"}) {
            labels.put(k.substring(k.lastIndexOf('.') + 1), t.get(k));
        }
        ObjectNode gaps = data.putObject("gaps"), placebo = data.putObject("placebo");
        for (JsonNode ind : indicators(doc)) {
            String id = ind.path("id").asText();
            GapScale scale = GapScale.of(t, ind);
            gaps.set(id, gap(doc, ind, scale));
            JsonNode p = ind.path("inference").path("unit_level").path("placebo");
            if (p.path("estimates").size() > 0) placebo.set(id, placebo(t, ind, p, scale));
        }
        return data;
    }

    private static ObjectNode gap(JsonNode doc, JsonNode ind, GapScale scale) {
        ObjectNode g = Json.MAPPER.createObjectNode().put("unit", scale.unit()).put("zero", !scale.level());
        LocalDate start = Docs.date(doc, "start");
        if (start != null) g.put("start", start.toString()).put("rampEnd", start.plusDays(doc.path("ramp_up_days").asInt(0)).toString());
        double span = 0;
        ArrayNode weeks = g.putArray("weeks");
        for (JsonNode w : ind.path("inference").path("weekly_gap")) {
            ObjectNode x = weeks.addObject().put("week", w.path("week").asText()).put("post", w.path("post").asBoolean())
                .put("complete", w.path("complete").asBoolean());
            boolean shown = w.path("gap").isNumber() && !w.path("suppressed").asBoolean();
            if (!shown) {
                x.put("suppressed", true);
                continue;
            }
            double gap = scale.show(w.path("gap").asDouble()), half = w.path("noise_se").isNumber() ? BAND_Z * scale.show(w.path("noise_se").asDouble()) : 0;
            x.put("gap", gap).put("low", gap - half).put("high", gap + half);
            span = Math.max(span, Math.max(Math.abs(gap - half), Math.abs(gap + half)));
        }
        return g.put("decimals", scale.decimals(span));
    }

    /** The pilot's estimate among the placebo teams', smallest first; masked team names as published. */
    private static ObjectNode placebo(Texts t, JsonNode ind, JsonNode p, GapScale scale) {
        record Bar(String name, double value, boolean pilot) {}
        List<Bar> bars = new ArrayList<>();
        for (JsonNode e : p.path("estimates")) {
            if (e.path("estimate").isNumber()) bars.add(new Bar(e.path("unit").asText(), scale.show(e.path("estimate").asDouble()), false));
        }
        if (ind.path("effect").isNumber()) bars.add(new Bar(t.get("certainty.chart.pilot"), scale.show(ind.path("effect").asDouble()), true));
        bars.sort(Comparator.comparingDouble(Bar::value));
        ObjectNode out = Json.MAPPER.createObjectNode().put("unit", scale.scale().changeUnit());
        ArrayNode names = out.putArray("names"), values = out.putArray("values"), pilot = out.putArray("pilot");
        double span = 0;
        for (Bar b : bars) {
            names.add(b.name());
            values.add(b.value());
            pilot.add(b.pilot());
            span = Math.max(span, Math.abs(b.value()));
        }
        return out.put("decimals", scale.decimals(span));
    }
}

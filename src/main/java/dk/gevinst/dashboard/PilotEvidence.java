package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.text.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The lower sections of a pilot page: business case, employee voice, data health and decision history. */
final class PilotEvidence {
    private PilotEvidence() {}

    static String business(Texts t, JsonNode doc, ObjectNode data) {
        Language l = t.language();
        JsonNode bc = doc.path("business_case");
        StringBuilder b = new StringBuilder("<section><h2>").append(t.h("section.business")).append("</h2>");
        if (!bc.isObject()) return b.append("<p>").append(t.h("business.none")).append("</p></section>\n").toString();
        b.append("<p class=\"note\">").append(t.h("section.business.note")).append("</p>");
        ObjectNode chart = data.putObject("business");
        ArrayNode options = chart.putArray("options");
        b.append("<div class=\"chart chart-business\" data-chart=\"business\"></div>");
        b.append("<p>").append(Html.esc(t.format("business.hours", l.number(bc.path("hours_saved_per_year").asDouble(0), 0))))
            .append(". ").append(t.h("business.best")).append(": <strong>").append(Html.esc(bc.path("best_option").asText())).append("</strong></p>");
        b.append("<table><thead><tr><th>").append(t.h("table.option")).append("</th><th>").append(t.h("table.oneoff")).append("</th><th>")
            .append(t.h("table.yearly")).append("</th><th>").append(t.h("table.npv")).append("</th><th>").append(t.h("table.npv.range"))
            .append("</th><th>").append(t.h("table.payback")).append("</th></tr></thead><tbody>");
        for (JsonNode o : bc.path("options")) {
            ObjectNode series = options.addObject().put("option", o.path("option").asText());
            series.set("low", o.path("cumulative").path("low"));
            series.set("likely", o.path("cumulative").path("likely"));
            series.set("high", o.path("cumulative").path("high"));
            series.set("payback", o.path("payback_years"));
            String payback = o.path("payback_years").isNumber() ? t.format("payback.years", l.number(o.path("payback_years").asDouble(), 1)) : t.get("payback.never");
            b.append("<tr><td>").append(Html.esc(o.path("option").asText())).append("</td><td>").append(Html.esc(l.dkk(o.path("one_off_dkk").asDouble())))
                .append("</td><td>").append(Html.esc(l.dkk(o.path("yearly_dkk").asDouble()))).append("</td><td>").append(Html.esc(l.dkk(o.path("npv_dkk").asDouble())))
                .append("</td><td>").append(Html.esc(l.dkk(o.path("npv_low_dkk").asDouble()) + " – " + l.dkk(o.path("npv_high_dkk").asDouble())))
                .append("</td><td>").append(Html.esc(payback)).append("</td></tr>");
        }
        return b.append("</tbody></table></section>\n").toString();
    }

    static String voice(Texts t, JsonNode doc) {
        Language l = t.language();
        List<String> items = new ArrayList<>();
        for (JsonNode ind : doc.path("indicators")) {
            JsonNode post = ind.path("cells").path("pilot_post");
            String id = ind.path("id").asText();
            boolean suppressed = post.path("suppressed").asBoolean();
            if ("sus".equals(id) && (suppressed || post.path("n").asLong() > 0)) {
                String v = suppressed ? t.get("suppressed") : l.number(post.path("mean").asDouble(), 1) + " (" + t.get("voice.grade") + " "
                    + SusGrade.of(post.path("mean").asDouble()) + ", n " + post.path("n").asLong() + ")";
                items.add(entry(t.get("voice.sus"), v));
            } else if ("core_task_score".equals(id) && (suppressed || post.path("n").asLong() > 0)) {
                items.add(entry(t.get("voice.core"), suppressed ? t.get("suppressed")
                    : l.number(post.path("mean").asDouble(), 2) + " (n " + post.path("n").asLong() + ")"));
            } else if ("preference".equals(id) && ind.path("share").isObject()) {
                JsonNode s = ind.path("share");
                items.add(entry(t.get("voice.preference"), s.path("suppressed").asBoolean() ? t.get("suppressed")
                    : l.percent(s.path("estimate").asDouble(), 0) + " (" + l.level(doc.path("alpha").asDouble(0.05)) + " CI "
                        + l.number(s.path("ci_low").asDouble() * 100, 0) + "–" + l.percent(s.path("ci_high").asDouble(), 0) + ", n " + s.path("n").asLong() + ")"));
            }
        }
        StringBuilder b = new StringBuilder("<section><h2>").append(t.h("section.voice")).append("</h2>");
        if (items.isEmpty()) return b.append("<p>").append(t.h("voice.none")).append("</p></section>\n").toString();
        b.append("<dl class=\"voice\">");
        items.forEach(b::append);
        return b.append("</dl></section>\n").toString();
    }

    private static String entry(String term, String value) {
        return "<div><dt>" + Html.esc(term) + "</dt><dd>" + Html.esc(value) + "</dd></div>";
    }

    static String health(Texts t, JsonNode doc) {
        Language l = t.language();
        JsonNode q = doc.path("data_quality");
        StringBuilder b = new StringBuilder("<section><h2>").append(t.h("section.health")).append("</h2><table><thead><tr><th>")
            .append(t.h("table.source")).append("</th><th>").append(t.h("table.read")).append("</th><th>").append(t.h("table.accepted"))
            .append("</th><th>").append(t.h("table.quarantined")).append("</th><th>").append(t.h("table.reasons")).append("</th><th>")
            .append(t.h("table.freshness")).append("</th></tr></thead><tbody>");
        q.path("sources").fields().forEachRemaining(e -> {
            JsonNode s = e.getValue();
            Map<Long, List<String>> byCount = new TreeMap<>(java.util.Comparator.reverseOrder());
            s.path("by_reason").fields().forEachRemaining(r -> byCount.computeIfAbsent(r.getValue().asLong(), k -> new ArrayList<>()).add(r.getKey()));
            StringBuilder top = new StringBuilder();
            int shown = 0;
            for (var c : byCount.entrySet()) for (String reason : c.getValue()) {
                if (shown++ < 3) top.append(top.length() == 0 ? "" : ", ").append(reason).append(" (").append(l.number(c.getKey(), 0)).append(')');
            }
            b.append("<tr><td>").append(Html.esc(e.getKey())).append("</td><td>").append(l.number(s.path("rows_read").asDouble(), 0))
                .append("</td><td>").append(l.number(s.path("rows_accepted").asDouble(), 0)).append("</td><td>")
                .append(l.number(s.path("rows_quarantined").asDouble(), 0)).append("</td><td>").append(Html.esc(top.toString()))
                .append("</td><td>").append(Html.esc(q.path("freshness").path(e.getKey()).asText("–"))).append("</td></tr>");
        });
        b.append("</tbody></table>");
        if (q.path("rejected_files").size() > 0) {
            b.append("<ul class=\"rejected\">");
            for (JsonNode r : q.path("rejected_files")) b.append("<li>").append(Html.esc(r.path("path").asText()
                + ": " + r.path("message").asText())).append("</li>");
            b.append("</ul>");
        }
        return b.append("</section>\n").toString();
    }

    static String history(Texts t, JsonNode doc) {
        StringBuilder b = new StringBuilder("<section><h2>").append(t.h("section.history")).append("</h2><table class=\"history\"><thead><tr><th>")
            .append(t.h("table.date")).append("</th><th>").append(t.h("col.decision")).append("</th><th>").append(t.h("table.change"))
            .append("</th></tr></thead><tbody>");
        JsonNode h = doc.path("history");
        for (int i = h.size() - 1; i >= 0; i--) {
            JsonNode e = h.get(i);
            String d = e.path("decision").asText("ERROR");
            String before = i > 0 ? h.get(i - 1).path("decision").asText("ERROR") : null;
            boolean changed = before != null && !before.equals(d);
            b.append("<tr").append(changed ? " class=\"changed\"" : "").append("><td>").append(Html.esc(e.path("as_of").asText())).append("</td><td>")
                .append(Page.badge(t, d, false)).append("</td><td>").append(changed ? t.h("history.changed") + " (" + Html.esc(before) + " → " + Html.esc(d) + ")" : "")
                .append("</td></tr>");
        }
        return b.append("</tbody></table></section>\n").toString();
    }
}

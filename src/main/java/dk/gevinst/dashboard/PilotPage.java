package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.publish.Json;
import dk.gevinst.text.Language;

/**
 * {@code <pilot_id>.html}: the verdict and its reasons first, then the evidence a steering group asks for:
 * effects with intervals, week-by-week trends, the business case, employee voice, data health, history.
 */
final class PilotPage {
    private PilotPage() {}

    static String render(Texts t, JsonNode doc) {
        Language l = t.language();
        StringBuilder b = new StringBuilder();
        String decision = PortfolioPage.decision(doc);
        b.append("<section class=\"verdict\"><h1>").append(Html.esc(PortfolioPage.title(doc))).append("</h1>")
            .append(Page.badge(t, doc.path("decision").textValue(), true));
        if (doc.path("extend_weeks").isInt() && "EXTEND".equals(decision)) {
            b.append(" <span class=\"extend\">").append(Html.esc(t.format("extend.weeks", doc.path("extend_weeks").asInt()))).append("</span>");
        }
        b.append("<p class=\"main-reason\">").append(Html.esc(Page.reason(t, doc))).append("</p>");
        b.append(meta(t, doc)).append("</section>\n");
        b.append("<section><h2>").append(t.h("section.reasons")).append("</h2><ol class=\"reasons\">");
        for (JsonNode r : doc.path("reasons")) b.append("<li data-code=\"").append(Html.esc(r.path("code").asText())).append("\">")
            .append(Html.esc(r.path(l.code()).asText())).append("</li>");
        b.append("</ol>");
        if (doc.has("error")) b.append("<pre class=\"error\">").append(Html.esc(doc.path("error").asText())).append("</pre>");
        b.append("</section>\n");
        ObjectNode data = Json.MAPPER.createObjectNode().put("page", "pilot").put("lang", l.code());
        data.set("labels", Page.labels(t, "chart.pilot", "chart.control", "chart.start", "chart.rampup", "chart.likely", "chart.low",
            "chart.high", "chart.years", "chart.nodata", "chart.payback", "suppressed"));
        if (doc.path("indicators").size() > 0) {
            b.append(forest(t, doc, data));
            b.append(trends(t, doc, data));
        }
        b.append(PilotEvidence.business(t, doc, data));
        b.append(PilotEvidence.voice(t, doc));
        b.append(PilotEvidence.health(t, doc));
        b.append(PilotEvidence.history(t, doc));
        String nav = "<a href=\"index.html\">" + t.h("nav.back") + "</a>";
        return Page.wrap(t, PortfolioPage.title(doc), nav, b.toString(), data, doc.path("as_of").asText());
    }

    private static String meta(Texts t, JsonNode doc) {
        if (!doc.path("title").isTextual()) return "";
        StringBuilder b = new StringBuilder("<dl class=\"meta\">");
        item(b, t.get("pilot.owner"), doc.path("owner").asText());
        item(b, t.get("pilot.period"), doc.path("start").asText() + " – " + doc.path("end").asText());
        if (doc.path("baseline_start").isTextual()) item(b, t.get("pilot.baseline"), doc.path("baseline_start").asText());
        item(b, t.get("pilot.arms.pilot"), join(doc.path("arms").path("pilot")));
        if (doc.path("arms").path("control").size() > 0) item(b, t.get("pilot.arms.control"), join(doc.path("arms").path("control")));
        item(b, t.get("pilot.deployment"), doc.path("deployment").asText());
        item(b, t.get("col.analysis"), t.get("analysis." + doc.path("analysis").asText("none")));
        return b.append("</dl>").toString();
    }

    private static void item(StringBuilder b, String term, String value) {
        b.append("<div><dt>").append(Html.esc(term)).append("</dt><dd>").append(Html.esc(value)).append("</dd></div>");
    }

    private static String join(JsonNode array) {
        StringBuilder b = new StringBuilder();
        for (JsonNode n : array) b.append(b.length() == 0 ? "" : ", ").append(n.asText());
        return b.toString();
    }

    /** The decision interval as published: low, high, alpha; null when there is none. */
    static double[] interval(JsonNode ind) {
        JsonNode d = ind.path("decision_interval");
        if (!d.isObject() || !d.path("ci_low").isNumber()) return null;
        return new double[] {d.path("ci_low").asDouble(), d.path("ci_high").asDouble(), d.path("alpha").asDouble()};
    }

    private static String forest(Texts t, JsonNode doc, ObjectNode data) {
        Language l = t.language();
        ArrayNode rows = data.putArray("forest");
        StringBuilder table = new StringBuilder("<table class=\"indicators\"><thead><tr><th>").append(t.h("table.indicator")).append("</th><th>")
            .append(t.h("table.effect")).append("</th><th>").append(t.h("table.interval")).append("</th><th>").append(t.h("table.verdict"))
            .append("</th><th>").append(t.h("table.design")).append("</th><th>").append(t.h("table.cells")).append("</th></tr></thead><tbody>");
        for (String role : new String[] {"success", "guardrail", "technical", "descriptive"}) {
            for (JsonNode ind : doc.path("indicators")) {
                if (!ind.path("role").asText().equals(role)) continue;
                String label = ind.path("label").path(l.code()).asText();
                double sign = "lower_is_better".equals(ind.path("direction").asText()) ? -1 : 1;
                double cf = Math.abs(ind.path("counterfactual").asDouble(Double.NaN));
                boolean relative = cf > 1e-9;
                double scale = relative ? cf / 100.0 : 1;
                double[] ci = interval(ind);
                String effectText = "–", intervalText = "–";
                if (ci != null && ind.path("effect").isNumber()) {
                    double est = sign * ind.path("effect").asDouble() / scale;
                    double lo = (sign > 0 ? ci[0] : -ci[1]) / scale, hi = (sign > 0 ? ci[1] : -ci[0]) / scale;
                    ObjectNode row = rows.addObject().put("label", label).put("role", role).put("roleLabel", t.get("role." + role))
                        .put("est", est).put("low", lo).put("high", hi).put("relative", relative).put("verdict", t.get("verdict." + ind.path("verdict").asText()));
                    if ("success".equals(role) && ind.path("mde_abs").isNumber()) row.put("mark", ind.path("mde_abs").asDouble() / scale);
                    if ("guardrail".equals(role) && ind.path("margin").isNumber()) row.put("mark", -ind.path("margin").asDouble() / scale);
                    String unit = relative ? (l == Language.DA ? " %" : "%") : "";
                    effectText = l.number(est, 1) + unit;
                    intervalText = l.number(lo, 1) + " – " + l.number(hi, 1) + unit + " (" + l.level(ci[2]) + ")";
                }
                table.append("<tr class=\"role-").append(role).append("\"><td>").append(Html.esc(label)).append("<br><small>")
                    .append(t.h("role." + role)).append("</small></td><td>").append(Html.esc(effectText)).append("</td><td>")
                    .append(Html.esc(intervalText)).append("</td><td>").append(t.h("verdict." + ind.path("verdict").asText())).append("</td><td>")
                    .append(t.h("design." + ind.path("design").asText())).append("</td><td>").append(Html.esc(cells(t, ind.path("cells")))).append("</td></tr>");
            }
        }
        table.append("</tbody></table>");
        return "<section><h2>" + t.h("section.forest") + "</h2><p class=\"note\">" + t.h("section.forest.note")
            + "</p><div class=\"chart chart-forest\" data-chart=\"forest\"></div>" + table + "</section>\n";
    }

    private static String cells(Texts t, JsonNode cells) {
        StringBuilder b = new StringBuilder();
        for (String k : new String[] {"pilot_pre", "pilot_post", "control_pre", "control_post"}) {
            JsonNode c = cells.path(k);
            b.append(b.length() == 0 ? "" : " / ").append(c.path("suppressed").asBoolean() ? t.get("suppressed") : t.language().number(c.path("n").asDouble(0), 0));
        }
        return b.toString();
    }

    private static String trends(Texts t, JsonNode doc, ObjectNode data) {
        ObjectNode trends = data.putObject("trends");
        StringBuilder b = new StringBuilder("<section><h2>").append(t.h("section.trend")).append("</h2><p class=\"note\">")
            .append(t.h("section.trend.note")).append("</p><div class=\"trend-grid\">");
        for (JsonNode ind : doc.path("indicators")) {
            String id = ind.path("id").asText();
            ObjectNode tr = trends.putObject(id).put("label", ind.path("label").path(t.language().code()).asText())
                .put("start", doc.path("start").asText()).put("rampEnd", java.time.LocalDate.parse(doc.path("start").asText())
                    .plusDays(doc.path("ramp_up_days").asInt()).toString());
            ArrayNode weeks = tr.putArray("weeks"), pilot = tr.putArray("pilot"), control = tr.putArray("control");
            for (JsonNode w : ind.path("trend")) {
                weeks.add(w.path("week").asText());
                pilot.add(w.path("pilot_mean"));
                control.add(w.path("control_mean"));
            }
            b.append("<figure><figcaption>").append(Html.esc(tr.path("label").asText())).append(" <small>(")
                .append(t.h("role." + ind.path("role").asText())).append(")</small></figcaption><div class=\"chart chart-trend\" data-chart=\"trend\" data-indicator=\"")
                .append(Html.esc(id)).append("\"></div></figure>");
        }
        return b.append("</div></section>\n").toString();
    }
}

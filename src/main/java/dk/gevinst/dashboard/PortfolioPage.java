package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.publish.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** index.html: every pilot's badge and main reason, what changed tonight, and the counts. */
final class PortfolioPage {
    private PortfolioPage() {}

    static String render(Texts t, List<JsonNode> docs) {
        String asOf = docs.stream().map(d -> d.path("as_of").asText()).max(String::compareTo).orElse("");
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String d : List.of("GO", "EXTEND", "STOP")) counts.put(d, 0);
        for (JsonNode d : docs) counts.merge(decision(d), 1, Integer::sum);
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(t.h("portfolio.title")).append("</h1>\n<p class=\"lead\">").append(t.h("app.tagline")).append("</p>\n");
        b.append("<section class=\"counts\" aria-label=\"").append(t.h("portfolio.counts")).append("\">");
        counts.forEach((d, n) -> b.append("<div class=\"count count-").append(d.toLowerCase()).append("\"><span class=\"count-n\">").append(n)
            .append("</span> ").append(Page.badge(t, d, false)).append("</div>"));
        b.append("</section>\n");
        b.append("<section><h2>").append(t.h("changed.title")).append("</h2>\n").append(changes(t, docs)).append("</section>\n");
        b.append("<section><h2>").append(t.h("portfolio.table")).append("</h2>\n<table class=\"pilots\"><thead><tr><th>")
            .append(t.h("col.decision")).append("</th><th>").append(t.h("col.pilot")).append("</th><th>").append(t.h("col.reason"))
            .append("</th><th>").append(t.h("col.asof")).append("</th><th>").append(t.h("col.held")).append("</th></tr></thead><tbody>\n");
        for (JsonNode d : docs) {
            String id = d.path("pilot_id").asText();
            int held = Page.heldDays(d);
            String heldText = held < 0 ? t.get("held.first") : held == 1 ? t.get("held.day") : t.format("held.days", held);
            b.append("<tr data-pilot=\"").append(Html.esc(id)).append("\"><td>").append(Page.badge(t, d.path("decision").textValue(), false))
                .append("</td><td><a href=\"").append(Html.esc(id)).append(".html\">").append(Html.esc(title(d))).append("</a></td><td>")
                .append(Html.esc(Page.reason(t, d))).append("</td><td>").append(Html.esc(d.path("as_of").asText())).append("</td><td>")
                .append(Html.esc(heldText)).append("</td></tr>\n");
        }
        b.append("</tbody></table></section>");
        ObjectNode data = Json.MAPPER.createObjectNode().put("page", "portfolio");
        return Page.wrap(t, t.get("portfolio.title"), "", b.toString(), data, asOf);
    }

    private static String changes(Texts t, List<JsonNode> docs) {
        StringBuilder b = new StringBuilder("<ul class=\"changes\">");
        int n = 0;
        for (JsonNode d : docs) {
            JsonNode h = d.path("history");
            String now = decision(d);
            String link = "<a href=\"" + Html.esc(d.path("pilot_id").asText()) + ".html\">" + Html.esc(title(d)) + "</a>";
            if (h.size() < 2) {
                b.append("<li>").append(link).append(": ").append(Page.badge(t, now, false)).append(" (").append(t.h("changed.new")).append(")</li>");
                n++;
            } else {
                String before = h.get(h.size() - 2).path("decision").asText("ERROR");
                if (!before.equals(now)) {
                    b.append("<li>").append(link).append(": ").append(Page.badge(t, now, false)).append(" (").append(t.h("changed.from")).append(' ')
                        .append(Page.badge(t, before, false)).append(")</li>");
                    n++;
                }
            }
        }
        if (n == 0) return "<p>" + t.h("changed.none") + "</p>";
        return b.append("</ul>").toString();
    }

    static String decision(JsonNode d) {
        return d.path("decision").isTextual() ? d.path("decision").asText() : "ERROR";
    }

    static String title(JsonNode d) {
        return d.path("title").isTextual() ? d.path("title").asText() : d.path("pilot_id").asText();
    }
}

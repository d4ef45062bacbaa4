package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.publish.Json;

/** The frame every page shares: head, navigation, footer, the embedded data and the chart scripts. */
final class Page {
    private Page() {}

    static String wrap(Texts t, String title, String nav, String body, JsonNode data, String asOf) {
        return "<!doctype html>\n<html lang=\"" + t.language().code() + "\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>" + Html.esc(title) + " – " + t.h("app.name") + "</title>\n"
            + "<link rel=\"stylesheet\" href=\"assets/gevinst.css\">\n</head>\n<body>\n"
            + "<header class=\"top\"><div class=\"brand\">" + t.h("app.name") + "</div>"
            + "<nav class=\"no-print\">" + nav + "<button type=\"button\" class=\"print\" onclick=\"window.print()\">" + t.h("footer.print")
            + "</button></nav></header>\n<main>\n" + body + "\n</main>\n"
            + "<footer>" + t.h("footer.generated") + " " + Html.esc(asOf) + ". " + t.h("app.tagline") + "</footer>\n"
            + "<script type=\"application/json\" id=\"gevinst-data\">" + Html.scriptJson(data) + "</script>\n"
            + "<script src=\"assets/echarts.min.js\"></script>\n<script src=\"assets/gevinst.js\"></script>\n</body>\n</html>\n";
    }

    /** The decision badge: a word and a symbol, never colour alone. */
    static String badge(Texts t, String decision, boolean large) {
        String d = decision == null ? "ERROR" : decision;
        String symbol = switch (d) {
            case "GO" -> "✔";
            case "EXTEND" -> "↻";
            case "STOP" -> "✖";
            default -> "!";
        };
        String text = large ? t.get("decision." + d + ".long") : t.get("decision." + d);
        return "<span class=\"badge badge-" + d.toLowerCase() + (large ? " badge-large" : "") + "\" data-decision=\"" + Html.esc(d) + "\">"
            + "<span aria-hidden=\"true\">" + symbol + "</span> " + Html.esc(text) + "</span>";
    }

    static String reason(Texts t, JsonNode doc) {
        JsonNode first = doc.path("reasons").path(0);
        return first.isMissingNode() ? "" : first.path(t.language().code()).asText();
    }

    static ObjectNode labels(Texts t, String... keys) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        for (String k : keys) o.put(k, t.get(k));
        return o;
    }

    /** Days the current decision has held, from the history; -1 on the first run. */
    static int heldDays(JsonNode doc) {
        JsonNode h = doc.path("history");
        if (h.size() < 2) return -1;
        String current = h.get(h.size() - 1).path("decision").asText();
        String since = h.get(h.size() - 1).path("as_of").asText();
        for (int i = h.size() - 2; i >= 0; i--) {
            if (!h.get(i).path("decision").asText().equals(current)) break;
            since = h.get(i).path("as_of").asText();
        }
        return (int) java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse(since),
            java.time.LocalDate.parse(h.get(h.size() - 1).path("as_of").asText()));
    }
}

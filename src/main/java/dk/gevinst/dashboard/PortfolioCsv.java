package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * decisions.csv beside the dashboard, for those who take the portfolio into Excel: semicolon-separated
 * with a BOM, as Danish Excel expects, with headers and decision words in the dashboard's language (FORLÆNG,
 * not EXTEND, on a Danish dashboard). Dates stay ISO (2026-10-30), which Excel reads as dates in any
 * locale. A cell that starts with = + - @ (or a tab or carriage return) would run as a formula in a
 * spreadsheet, so it is prefixed with an apostrophe (OWASP's CSV injection advice).
 */
public final class PortfolioCsv {
    private PortfolioCsv() {}

    public static String render(List<JsonNode> docs, Texts t) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get())) {
            p.printRecord(t.get("csv.pilot"), t.get("csv.id"), t.get("csv.decision"), t.get("csv.reason"), t.get("csv.owner"), t.get("csv.end"),
                t.get("csv.asof"), t.get("csv.through"), t.get("csv.extend"), t.get("csv.health"));
            for (JsonNode d : docs) {
                List<String> health = new java.util.ArrayList<>();
                for (HealthItem h : HealthItem.of(t, d)) health.add(h.severityText() + ": " + h.text());
                p.printRecord(neutralise(Docs.title(d)), neutralise(Docs.id(d)), t.get("decision." + Docs.decision(d)),
                    neutralise(Docs.mainReason(t, d)), neutralise(d.path("owner").asText("")), d.path("end").asText(""), d.path("as_of").asText(),
                    Docs.dataThrough(d) == null ? "" : Docs.dataThrough(d), d.path("extend_weeks").isInt() ? d.path("extend_weeks").asText() : "",
                    neutralise(String.join(" | ", health)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "\uFEFF" + w;
    }

    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) return cell;
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }
}

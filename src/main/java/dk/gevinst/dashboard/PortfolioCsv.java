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
 * with a BOM, as Danish Excel expects. A cell that starts with = + - @ (or a tab or carriage return) would
 * run as a formula in a spreadsheet, so it is prefixed with an apostrophe (OWASP's CSV injection advice).
 */
public final class PortfolioCsv {
    private PortfolioCsv() {}

    public static String render(List<JsonNode> docs, Texts t) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get())) {
            p.printRecord(t.get("col.pilot"), "id", t.get("col.decision"), t.get("col.reason"), t.get("col.asof"), "extend_weeks");
            for (JsonNode d : docs) {
                p.printRecord(neutralise(PortfolioPage.title(d)), neutralise(d.path("pilot_id").asText()), PortfolioPage.decision(d),
                    neutralise(Page.reason(t, d)), d.path("as_of").asText(), d.path("extend_weeks").isInt() ? d.path("extend_weeks").asText() : "");
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

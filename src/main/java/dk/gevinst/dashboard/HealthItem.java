package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One line of the health banner, from a decision document's {@code health} list ({code, severity,
 * text_da, text_en}). The banner knows no codes: any stage that publishes a flag gets it shown, errors
 * first. On the portfolio each line names its pilot, and a flag whose own text is written for whoever fixes
 * the data (spec keys, ids to use) may have a manager's text in the dashboard's texts
 * ({@code health.portfolio.<code>}); the pilot page, the digest, explain and the JSON keep the flag's own.
 */
public record HealthItem(String code, String severity, String severityText, String text, String pilotTitle, String pilotHref) {
    public static final String ERROR = "error";
    public static final String WARNING = "warning";

    /** The flags of one pilot's document, errors first. */
    public static List<HealthItem> of(Texts t, JsonNode doc) {
        return collect(t, doc, false);
    }

    /** Every pilot's flags, each naming its pilot, errors first. */
    public static List<HealthItem> ofAll(Texts t, List<JsonNode> docs) {
        List<HealthItem> all = new ArrayList<>();
        for (JsonNode d : docs) all.addAll(collect(t, d, true));
        all.sort(Comparator.comparing(i -> !ERROR.equals(i.severity())));
        return all;
    }

    private static List<HealthItem> collect(Texts t, JsonNode doc, boolean namePilot) {
        List<HealthItem> out = new ArrayList<>();
        for (JsonNode f : doc.path("health")) {
            String severity = ERROR.equals(f.path("severity").asText()) ? ERROR : WARNING;
            String text = f.path("text_" + t.language().code()).asText(f.path("text_en").asText(f.path("code").asText()));
            String portfolio = "health.portfolio." + f.path("code").asText();
            if (namePilot && t.has(portfolio)) text = t.get(portfolio);
            out.add(new HealthItem(f.path("code").asText(), severity, t.get("health.severity." + severity), text,
                namePilot ? Docs.title(doc) : null, namePilot ? PageLink.pilot(Docs.id(doc)) : null));
        }
        out.sort(Comparator.comparing(i -> !ERROR.equals(i.severity())));
        return out;
    }
}

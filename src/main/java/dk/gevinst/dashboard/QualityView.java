package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * "Datakvalitet" for one pilot: only the sources its indicators (and its business case) use, with the
 * units of each arm and how much data they gave the analysis, the newest day of data, and, marked as
 * such, the quarantine counts of the whole source in words.
 */
public record QualityView(List<SourceRow> sources, List<String> rejected, String cpr) {
    public record SourceRow(String source, String name, String pilotUnits, String pilotObservations, String controlUnits,
                            String controlObservations, String newest, String whole, String reasons) {}

    static QualityView of(Texts t, JsonNode doc) {
        JsonNode q = doc.path("data_quality"), basis = doc.path("data_basis");
        Set<String> used = new LinkedHashSet<>();
        basis.fieldNames().forEachRemaining(used::add);
        for (JsonNode ind : doc.path("indicators")) if (ind.path("source").isTextual()) used.add(ind.path("source").asText());
        if (doc.path("business_case").isObject()) used.add("costs");
        List<SourceRow> rows = new ArrayList<>();
        for (String s : used) {
            JsonNode b = basis.path(s), whole = q.path("sources").path(s);
            rows.add(new SourceRow(s, t.term("source", s), units(b.path("pilot")), observations(t, b.path("pilot")), units(b.path("control")),
                observations(t, b.path("control")), t.date(q.path("freshness").path(s).asText(null)),
                whole.isObject() ? t.format("quality.whole", t.count(whole.path("rows_read").asLong()), t.count(whole.path("rows_quarantined").asLong())) : "",
                reasons(t, whole.path("by_reason"))));
        }
        List<String> rejected = new ArrayList<>();
        for (JsonNode r : q.path("rejected_files")) {
            if (used.contains(r.path("source").asText())) rejected.add(r.path("path").asText() + ": " + r.path("message").asText());
        }
        long masked = 0;
        for (var e : q.path("cpr_masked").properties()) {
            if (used.contains(e.getKey().split("\\.", 2)[0])) masked += e.getValue().asLong();
        }
        return new QualityView(rows, rejected, masked > 0 ? t.format("quality.cpr", t.count(masked)) : null);
    }

    private static String units(JsonNode arm) {
        List<String> names = new ArrayList<>();
        arm.path("units").forEach(u -> names.add(u.asText()));
        return String.join(", ", names);
    }

    /** Empty when the source has no observations in the analysis (costs), so the page shows no count at all. */
    private static String observations(Texts t, JsonNode arm) {
        if (arm.path("suppressed").asBoolean()) return t.get("suppressed");
        return arm.path("observations").isNumber() ? t.count(arm.path("observations").asLong()) : "";
    }

    /**
     * The three most frequent quarantine reasons, in words, with their counts and what to do: a stranger read
     * 'Invalid value in handling_minutes (1)' and nothing on what would mend it.
     */
    private static String reasons(Texts t, JsonNode byReason) {
        Map<String, Long> counts = new TreeMap<>();
        byReason.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        if (counts.isEmpty()) return "";
        List<String> top = counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
            .limit(3).map(e -> t.quarantineReason(e.getKey()) + " (" + t.count(e.getValue()) + ")"
                + (t.quarantineFix(e.getKey()) == null ? "" : " – " + t.quarantineFix(e.getKey()))).toList();
        return t.format("quality.reasons", String.join("; ", top));
    }
}

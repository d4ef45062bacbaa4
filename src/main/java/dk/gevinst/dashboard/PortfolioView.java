package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * index.html: health warnings across pilots, tonight's counts, what changed, and every pilot in a table
 * that sorts and filters by decision, owner, end date and days running (in the page, offline).
 */
public record PortfolioView(List<HealthItem> health, List<Count> counts, List<Change> changes, List<Row> rows,
                            List<Term> decisions, List<String> owners) {
    public record Count(int n, Badge badge) {}

    /** A decision that changed tonight; {@code before} is null for a pilot assessed for the first time. */
    public record Change(String title, String href, Badge now, Badge before) {}

    /** One pilot; the *Sort fields are what the table sorts by (ISO dates and day counts); {@code kind} marks a comparison, else null. */
    public record Row(String id, String href, String title, String owner, Badge badge, String reason, String end, String endSort,
                      String running, long runningSort, String through, String throughSort, String held, int heldSort,
                      Progress progress, int healthCount, String kind) {}

    static PortfolioView of(Texts t, List<JsonNode> docs) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String d : List.of("GO", "EXTEND", "STOP")) counts.put(d, 0);
        for (JsonNode d : docs) counts.merge(Docs.decision(d), 1, Integer::sum);
        List<Count> countItems = new ArrayList<>();
        counts.forEach((d, n) -> countItems.add(new Count(n, Badge.of(t, d, false))));
        List<Term> decisions = new ArrayList<>();
        counts.keySet().forEach(d -> decisions.add(new Term(d, t.get("decision." + d))));
        TreeSet<String> owners = new TreeSet<>();
        List<Change> changes = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (JsonNode d : docs) {
            if (d.path("owner").isTextual()) owners.add(d.path("owner").asText());
            String before = Docs.previousDecision(d);
            if (before == null) {
                changes.add(new Change(Docs.title(d), PageLink.pilot(Docs.id(d)), Badge.of(t, Docs.decision(d), false), null));
            } else if (!before.equals(Docs.decision(d))) {
                changes.add(new Change(Docs.title(d), PageLink.pilot(Docs.id(d)), Badge.of(t, Docs.decision(d), false), Badge.of(t, before, false)));
            }
            rows.add(row(t, d));
        }
        return new PortfolioView(HealthItem.ofAll(t, docs), countItems, changes, rows, decisions, List.copyOf(owners));
    }

    private static Row row(Texts t, JsonNode d) {
        int held = Docs.heldDays(d);
        String heldText = held < 0 ? t.get("held.first") : held == 1 ? t.get("held.day") : t.format("held.days", t.count(held));
        Long running = Docs.daysRunning(d);
        String runningText = running == null ? "–" : running < 0 ? t.format("running.before", t.count(-running))
            : running == 1 ? t.get("running.day") : t.format("running.days", t.count(running));
        String end = d.path("end").asText("");
        // Past its end a pilot is in its extension or decided: a stranger read "Kørt i 208 dage" for pilots that had ended.
        LocalDate endDay = Docs.date(d, "end"), asOf = Docs.asOf(d);
        if (running != null && running > 1 && endDay != null && asOf != null && asOf.isAfter(endDay)) {
            runningText = t.format("running.past", t.count(running), t.count(java.time.temporal.ChronoUnit.DAYS.between(endDay, asOf)));
        }
        String through = Docs.dataThrough(d);
        return new Row(Docs.id(d), PageLink.pilot(Docs.id(d)), Docs.title(d), d.path("owner").asText(""), Badge.of(t, d.path("decision").textValue(), false),
            Docs.mainReason(t, d), t.shortDate(end), end, runningText, running == null ? Long.MIN_VALUE : running, t.shortDate(through),
            through == null ? "" : through, heldText, held, Progress.of(t, d), d.path("health").size(),
            d.path("comparison").isObject() ? t.get("comparison.kind") : null);
    }
}

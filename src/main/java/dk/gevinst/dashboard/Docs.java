package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Reading a published decision document: the few fields every page and the digest need, with their defaults. */
final class Docs {
    private Docs() {}

    static String id(JsonNode doc) {
        return doc.path("pilot_id").asText();
    }

    static String title(JsonNode doc) {
        return doc.path("title").isTextual() ? doc.path("title").asText() : id(doc);
    }

    /** GO, EXTEND, STOP, or ERROR for a pilot that was not assessed. */
    static String decision(JsonNode doc) {
        return doc.path("decision").isTextual() ? doc.path("decision").asText() : "ERROR";
    }

    /**
     * What an EXTEND asks for, under its badge: "ca. 3 uger" / "about 1 week" with a week estimate; that an extension
     * alone will not settle it when the rule says so (a stranger read "EXTEND the pilot" above "cannot be decided within
     * the 8 weeks' extension"); null otherwise.
     */
    static String extendLine(Texts t, JsonNode doc) {
        if (!"EXTEND".equals(decision(doc))) return null;
        if (doc.path("extend_weeks").isInt()) {
            return t.format(doc.path("extend_weeks").asInt() == 1 ? "extend.weeks.one" : "extend.weeks", doc.path("extend_weeks").asText());
        }
        return extensionCannotSettle(doc) ? t.get("extend.alone") : null;
    }

    /** The main reasons of an EXTEND that more weeks of data cannot turn into a decision (docs/method.md, the rule). */
    private static final java.util.Set<String> NOT_BY_TIME = java.util.Set.of("not_decidable_in_time", "pre_trend", "value_uncertain", "costs_unknown");

    /** An EXTEND without a week estimate whose main reason says more data will not decide it. */
    static boolean extensionCannotSettle(JsonNode doc) {
        return "EXTEND".equals(decision(doc)) && !doc.path("extend_weeks").isInt() && NOT_BY_TIME.contains(doc.path("reasons").path(0).path("code").asText());
    }

    static String mainReason(Texts t, JsonNode doc) {
        return doc.path("reasons").path(0).path(t.language().code()).asText("");
    }

    static LocalDate date(JsonNode doc, String field) {
        return doc.path(field).isTextual() ? LocalDate.parse(doc.path(field).asText()) : null;
    }

    static LocalDate asOf(JsonNode doc) {
        return date(doc, "as_of");
    }

    /** The newest day of data behind the decision (published as data_through); as_of only for older documents. */
    static String dataThrough(JsonNode doc) {
        return doc.path("data_through").isTextual() ? doc.path("data_through").asText() : null;
    }

    /** Days the current decision has held, from the history; -1 on the first night. */
    static int heldDays(JsonNode doc) {
        JsonNode h = doc.path("history");
        if (h.size() < 2) return -1;
        JsonNode last = h.get(h.size() - 1);
        String current = last.path("decision").asText();
        String since = last.path("as_of").asText();
        for (int i = h.size() - 2; i >= 0; i--) {
            if (!h.get(i).path("decision").asText().equals(current)) break;
            since = h.get(i).path("as_of").asText();
        }
        return (int) ChronoUnit.DAYS.between(LocalDate.parse(since), LocalDate.parse(last.path("as_of").asText()));
    }

    /**
     * The decision to say what changed tonight against: the night before tonight in the history; on a night
     * without an earlier one, the publication a rerun of the same night replaced ({@code previous}); null only
     * when there is no earlier decision at all: the first assessment.
     */
    static String previousDecision(JsonNode doc) {
        JsonNode h = doc.path("history");
        if (h.size() < 2) return doc.path("previous").isObject() ? doc.path("previous").path("decision").asText("ERROR") : null;
        JsonNode before = h.get(h.size() - 2).path("decision");
        return before.isTextual() ? before.asText() : "ERROR";
    }

    /** Days since the pilot started (negative before the start); null without a start date. */
    static Long daysRunning(JsonNode doc) {
        LocalDate start = date(doc, "start"), asOf = asOf(doc);
        return start == null || asOf == null ? null : ChronoUnit.DAYS.between(start, asOf);
    }

    /** The day a decision is expected for an EXTEND pilot: as_of plus the published extension; null otherwise. */
    static LocalDate expectedDecision(JsonNode doc) {
        if (!"EXTEND".equals(decision(doc)) || !doc.path("extend_weeks").isInt() || asOf(doc) == null) return null;
        return asOf(doc).plusWeeks(doc.path("extend_weeks").asInt());
    }
}

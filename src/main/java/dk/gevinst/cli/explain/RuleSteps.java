package dk.gevinst.cli.explain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The decision rule's steps (README, "How it decides") and which of them decided a published decision.
 * Explain does not re-decide: the step that held is read off the published decision and its first
 * reason, the rule applies in order, so every step before it did not hold and every step after it was
 * not reached. The evidence printed beside each step is the published verdicts and values.
 */
final class RuleSteps {
    /** One step: the decision it gives and the code of the first reason it publishes. */
    enum Step {
        GUARDRAIL_BREACHED("STOP", "guardrail_breached"),
        ALL_FUTILE("STOP", "futile"),
        GAIN_AND_VALUE("GO", "core_task_improved"),
        VALUE_BELOW_COST("STOP", "value_below_cost"),
        DEADLINE_PASSED("STOP", "deadline_passed"),
        // EXTEND's first reason says why: more data, not decidable within the extension, a pre-trend, uncertain value.
        OTHERWISE_EXTEND("EXTEND", "more_data_needed", "not_decidable_in_time", "pre_trend", "value_uncertain", "costs_unknown");

        final String decision;
        final List<String> firstReasons;

        Step(String decision, String... firstReasons) {
            this.decision = decision;
            this.firstReasons = List.of(firstReasons);
        }

        int number() {
            return ordinal() + 1;
        }
    }

    enum State { HELD, NOT_HELD, NOT_REACHED }

    record Line(Step step, State state) {}

    private RuleSteps() {}

    /** The step that gave this decision, or null when the document's decision is none of the known steps. */
    static Step decidedBy(JsonNode doc) {
        String decision = doc.path("decision").asText("");
        String first = doc.path("reasons").path(0).path("code").asText("");
        for (Step s : Step.values()) if (s.decision.equals(decision) && s.firstReasons.contains(first)) return s;
        // A comparison's EXTEND (the leading candidate not yet lifted, nothing separates them) is the rule's last step too.
        return "EXTEND".equals(decision) ? Step.OTHERWISE_EXTEND : null;
    }

    static List<Line> lines(Step decided) {
        List<Line> out = new ArrayList<>();
        for (Step s : Step.values()) {
            State state = decided == null ? State.NOT_REACHED
                : s.ordinal() < decided.ordinal() ? State.NOT_HELD : s == decided ? State.HELD : State.NOT_REACHED;
            out.add(new Line(s, state));
        }
        return out;
    }

    /** The published evidence a reader checks a step against. */
    static String evidence(Step step, JsonNode doc, ExplainTexts t) {
        return switch (step) {
            case GUARDRAIL_BREACHED -> t.format("evidence.guardrails", verdicts(doc, "guardrail", t));
            case ALL_FUTILE -> t.format("evidence.success", verdicts(doc, "success", t));
            case GAIN_AND_VALUE -> String.join("; ", t.format("evidence.success", verdicts(doc, "success", t)),
                t.format("evidence.guardrails", verdicts(doc, "guardrail", t)), value(doc, t));
            case VALUE_BELOW_COST -> value(doc, t);
            case DEADLINE_PASSED -> t.format("evidence.deadline", doc.path("end").asText("–"));
            case OTHERWISE_EXTEND -> doc.path("extend_weeks").isNumber()
                ? t.format("evidence.extend", doc.path("extend_weeks").asInt()) : "";
        };
    }

    private static String value(JsonNode doc, ExplainTexts t) {
        JsonNode b = doc.path("business_case");
        // A whole document has business_case (null without one); an earlier night read from the tables has none at all.
        if (b.isMissingNode()) return t.get("evidence.business_not_kept");
        if (!b.isObject()) return t.get("evidence.no_business");
        JsonNode best = bestOption(b);
        return t.format("evidence.npv", t.option(b.path("best_option").asText()), t.dkk(best.get("npv_dkk")), t.dkk(best.get("npv_high_dkk")));
    }

    static JsonNode bestOption(JsonNode business) {
        String best = business.path("best_option").asText();
        for (JsonNode o : business.path("options")) if (best.equals(o.path("option").asText())) return o;
        return business.path("options").path(0);
    }

    private static String verdicts(JsonNode doc, String role, ExplainTexts t) {
        List<String> parts = new ArrayList<>();
        for (JsonNode i : doc.path("indicators")) {
            if (role.equals(i.path("role").asText())) parts.add(Explanation.label(i, t) + " " + t.get("verdict." + i.path("verdict").asText()));
        }
        return parts.isEmpty() ? t.get("evidence.none") : String.join(", ", parts);
    }
}

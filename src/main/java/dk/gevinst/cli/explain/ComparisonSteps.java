package dk.gevinst.cli.explain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A comparison's rule in order (docs/method.md, "Comparing candidate systems"), and which step picked the
 * leading candidate: drop-outs, core task, employees' preference, NPV, nothing separates. Then the gate
 * that turns leading into buying: the leader's own evidence against the control must pass a pilot's rule.
 * Read off the published {@code decided_by}, the candidates and the pairs; nothing is re-decided.
 */
final class ComparisonSteps {
    /** The steps in order, by the {@code decided_by} value each publishes. */
    static final List<String> STEPS = List.of("drop_out", "core_task", "preference", "npv", "nothing_separates");

    private ComparisonSteps() {}

    static List<String> lines(JsonNode doc, ExplainTexts t) {
        JsonNode c = doc.path("comparison");
        int decided = STEPS.indexOf(c.path("decided_by").asText());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < STEPS.size(); i++) {
            String state = decided < 0 ? "not_reached" : i < decided ? "not_held" : i == decided ? "held" : "not_reached";
            String evidence = evidence(STEPS.get(i), doc, c, t);
            out.add((i + 1) + ". " + t.get("cstep." + STEPS.get(i)) + " ... " + t.get("state." + state) + (evidence.isEmpty() ? "" : " [" + evidence + "]"));
        }
        String leading = c.path("leading").asText(null);
        JsonNode leader = candidate(c, leading);
        out.add(leader == null ? t.format("cstep.gate.none", doc.path("decision").asText())
            : t.format("cstep.gate", leader.path("vendor").asText(leading), leader.path("decision").asText("–"), doc.path("decision").asText()));
        return out;
    }

    private static String evidence(String step, JsonNode doc, JsonNode c, ExplainTexts t) {
        List<String> parts = new ArrayList<>();
        switch (step) {
            case "drop_out" -> {
                for (JsonNode k : c.path("candidates")) {
                    if (k.path("dropped_by").isTextual()) parts.add(k.path("vendor").asText() + " (" + k.path("dropped_by").asText() + ")");
                }
                return parts.isEmpty() ? t.get("cevidence.none_dropped") : t.format("cevidence.dropped", String.join(", ", parts));
            }
            case "core_task" -> {
                for (JsonNode p : c.path("pairs")) {
                    if (droppedOut(c, p.path("first").asText()) || droppedOut(c, p.path("second").asText())) continue;
                    for (JsonNode i : p.path("indicators")) {
                        parts.add(vendor(c, p.path("first").asText()) + " − " + vendor(c, p.path("second").asText()) + " " + Explanation.labelOf(doc.path("indicators"), i.path("id").asText(), t)
                            + ": " + t.get("verdict." + i.path("verdict").asText()));
                    }
                }
            }
            case "preference" -> {
                for (JsonNode k : c.path("candidates")) {
                    if (k.path("dropped_by").isTextual()) continue;
                    JsonNode p = k.path("preference");
                    if (p.path("share").isNumber()) {
                        parts.add(k.path("vendor").asText() + " " + t.percent(p.get("share")) + " ("
                            + t.language().range(t.percent(p.get("ci_low")), t.percent(p.get("ci_high"))) + ")");
                    }
                }
            }
            case "npv" -> {
                for (JsonNode k : c.path("candidates")) {
                    if (k.path("dropped_by").isTextual()) continue;
                    JsonNode best = null;
                    for (JsonNode o : k.path("options")) if (o.path("option").asText().equals(k.path("best_option").asText(null))) best = o;
                    if (best != null) parts.add(t.format("cevidence.npv", k.path("vendor").asText(), t.dkk(best.get("npv_dkk")), t.dkk(best.get("npv_low_dkk"))));
                }
            }
            default -> {
                return "nothing_separates".equals(c.path("decided_by").asText()) && doc.path("extend_weeks").isNumber()
                    ? t.format("evidence.extend", doc.path("extend_weeks").asInt()) : "";
            }
        }
        return parts.isEmpty() ? t.get("evidence.none") : String.join("; ", parts);
    }

    /** Steps 2 to 4 weigh only the candidates left after the drop-outs; a dropped one listed there read as still in the running. */
    private static boolean droppedOut(JsonNode c, String id) {
        JsonNode k = candidate(c, id);
        return k != null && k.path("dropped_by").isTextual();
    }

    private static JsonNode candidate(JsonNode c, String id) {
        if (id == null) return null;
        for (JsonNode k : c.path("candidates")) if (k.path("id").asText().equals(id)) return k;
        return null;
    }

    private static String vendor(JsonNode c, String id) {
        JsonNode k = candidate(c, id);
        return k == null ? id : k.path("vendor").asText(id);
    }
}

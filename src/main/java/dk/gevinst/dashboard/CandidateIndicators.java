package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A candidate's (or a pair's) published indicators in the shape a pilot's indicator has, so that the
 * comparison page writes and draws them exactly as a pilot page does ({@link IndicatorRow},
 * {@link ChangeScale}): the label, unit and direction come from the document's own indicator of the same
 * id; the effect, level without the candidate, intervals (the decision interval and the relative one the
 * reasons print), how the change reads and the verdict from the comparison block. Only published numbers are
 * moved; nothing is estimated.
 */
final class CandidateIndicators {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** What the document's own indicator says about every contrast: what it is and how it is written. */
    private static final List<String> DEFINITION = List.of("label", "unit", "direction", "source");
    /** What the contrast itself published. */
    private static final List<String> EVIDENCE = List.of("id", "effect", "relative_effect", "reads", "counterfactual", "verdict", "mde_abs", "margin", "post");

    private CandidateIndicators() {}

    /** The indicators of one candidate or pair of the comparison block, for the roles given, in the document's order. */
    static List<JsonNode> of(JsonNode doc, JsonNode contrast, String role) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode x : contrast.path("indicators")) {
            if (!role.equals(x.path("role").asText())) continue;
            JsonNode own = definition(doc, x.path("id").asText());
            ObjectNode merged = JSON.objectNode();
            if (own != null) for (String f : DEFINITION) if (own.has(f)) merged.set(f, own.get(f));
            merged.put("role", role);
            for (String f : EVIDENCE) merged.set(f, x.has(f) ? x.get(f) : JSON.nullNode());
            ObjectNode ci = merged.putObject("decision_interval");
            for (String f : List.of("ci_low", "ci_high", "alpha")) ci.set(f, x.has(f) ? x.get(f) : JSON.nullNode());
            // The relative interval the reasons print, so a card reads the same interval as the sentence above it.
            ObjectNode relative = merged.putObject("relative_interval");
            for (String f : List.of("ci_low", "ci_high")) relative.set(f, x.has("relative_" + f) ? x.get("relative_" + f) : JSON.nullNode());
            out.add(merged);
        }
        return out;
    }

    /** The indicator of this id as the document publishes it (label, unit, direction, source), or null. */
    private static JsonNode definition(JsonNode doc, String id) {
        for (JsonNode i : doc.path("indicators")) if (i.path("id").asText().equals(id)) return i;
        return null;
    }
}

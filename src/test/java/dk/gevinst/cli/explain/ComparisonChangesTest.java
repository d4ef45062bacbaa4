package dk.gevinst.cli.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.publish.DecisionDocument;
import dk.gevinst.publish.Json;
import dk.gevinst.testing.ComparisonDocuments;
import dk.gevinst.text.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stranger's candidate dropped out one night, was back the next and out again the night after, while explain's
 * 'since the night before' said 'unchanged tonight' and showed the comparison's pooled indicators. The previous block
 * keeps the leader and the drop-outs, and the changes are told by candidate.
 */
class ComparisonChangesTest {
    @Test
    void aCandidateThatDropsOutOrComesBackAndANewLeaderAreToldByName() throws Exception {
        ObjectNode tonight = ComparisonDocuments.fasterAndPreferred();
        JsonNode c = tonight.path("comparison");
        String leader = c.path("leading").asText();
        assertThat(leader).isNotEmpty();
        String other = leader.equals("a") ? "b" : "a";

        // The night before: the other candidate led on the net present value, and the leader had dropped out.
        ObjectNode before = tonight.deepCopy();
        ObjectNode bc = (ObjectNode) before.path("comparison");
        bc.put("leading", other).put("decided_by", "npv");
        for (JsonNode k : bc.path("candidates")) if (k.path("id").asText().equals(leader)) ((ObjectNode) k).put("dropped_by", "futility");
        before.put("as_of", "2026-05-24");
        tonight.set("previous", DecisionDocument.previous(before));
        assertThat(tonight.path("previous").path("dropped_out").path(leader).asText()).isEqualTo("futility");

        JsonNode night = Json.MAPPER.createObjectNode().put("as_of", "2026-05-24");
        String vendor = vendor(c, leader), otherVendor = vendor(c, other);
        List<String> en = ComparisonLines.changes(tonight, night, new ExplainTexts(Language.EN));
        assertThat(en).contains("Ahead: " + otherVendor + " (by net present value) the night before, " + vendor + " (by "
                + new ExplainTexts(Language.EN).get("comparison.step." + c.path("decided_by").asText()) + ") tonight.",
            vendor + " is back in tonight (it had dropped out: no gain for the core task).");
        assertThat(ComparisonLines.changes(tonight, night, new ExplainTexts(Language.DA))).contains(vendor + " er med igen i nat (var faldet fra: ingen gevinst for kerneopgaven).");

        // And the other way round: tonight it drops out.
        ObjectNode worse = tonight.deepCopy();
        for (JsonNode k : worse.path("comparison").path("candidates")) if (k.path("id").asText().equals(other)) ((ObjectNode) k).put("dropped_by", "guardrail");
        assertThat(ComparisonLines.changes(worse, night, new ExplainTexts(Language.EN))).contains(otherVendor + " dropped out tonight (a breached guardrail).");

        // Nothing changed: said in one line; and a previous block of another night than the one compared says nothing.
        tonight.set("previous", DecisionDocument.previous(tonight.deepCopy().put("as_of", "2026-05-24")));
        assertThat(ComparisonLines.changes(tonight, night, new ExplainTexts(Language.EN)))
            .containsExactly("The same candidate leads, by the same step, and no candidate dropped out or came back.");
        assertThat(ComparisonLines.changes(tonight, Json.MAPPER.createObjectNode().put("as_of", "2026-05-01"), new ExplainTexts(Language.EN))).isEmpty();
    }

    /** The decision stayed, a candidate moved: explain no longer says 'Unchanged tonight' above the move. */
    @Test
    void anUnchangedDecisionWithACandidateThatMovedSaysBoth() throws Exception {
        ObjectNode tonight = ComparisonDocuments.fasterAndPreferred();
        String leader = tonight.path("comparison").path("leading").asText(), other = leader.equals("a") ? "b" : "a";
        ObjectNode before = tonight.deepCopy().put("as_of", "2026-05-24");
        for (JsonNode k : before.path("comparison").path("candidates")) if (k.path("id").asText().equals(other)) ((ObjectNode) k).put("dropped_by", "futility");
        tonight.set("previous", DecisionDocument.previous(before));
        ObjectNode previousNight = before.deepCopy();
        List<String> lines = Explanation.lines(new PublishedNight(tonight, true, null, null, previousNight, null), Language.EN);
        String text = String.join("\n", lines);
        assertThat(text).contains("The decision is unchanged tonight, but the candidates moved:")
            .contains(vendor(tonight.path("comparison"), other) + " is back in tonight (it had dropped out: no gain for the core task).")
            .doesNotContain("Unchanged tonight.");
    }

    private static String vendor(JsonNode c, String id) {
        for (JsonNode k : c.path("candidates")) if (k.path("id").asText().equals(id)) return k.path("vendor").asText();
        throw new AssertionError(id);
    }
}

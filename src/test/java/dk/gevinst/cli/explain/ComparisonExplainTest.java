package dk.gevinst.cli.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.testing.ComparisonDocuments;
import dk.gevinst.text.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What explain says of the candidates matches what the comparison page shows, and the rule's steps weigh only those still in. */
class ComparisonExplainTest {
    @Test
    void eachCandidatesSusIsTheLevelThePageShows() throws Exception {
        ObjectNode doc = ComparisonDocuments.fasterAndPreferred();
        JsonNode a = doc.path("comparison").path("candidates").path(0);
        JsonNode sus = null;
        for (JsonNode i : a.path("indicators")) if (i.path("id").asText().equals("sus")) sus = i;
        assertThat(sus).isNotNull();
        assertThat(sus.path("effect").isNumber()).as("no SUS before the start: no effect, which explain showed as '–'").isFalse();
        assertThat(sus.path("post").path("mean").asDouble()).isEqualTo(64.0);

        List<String> en = ComparisonLines.of(doc.path("comparison"), new ExplainTexts(Language.EN), doc.path("indicators"));
        assertThat(en).contains("  Usability (SUS) after the start: 64 out of 100 (the average for IT systems is 68), 40 responses",
            "  Usability (SUS) after the start: 78 out of 100 (the average for IT systems is 68), 40 responses");
        List<String> da = ComparisonLines.of(doc.path("comparison"), new ExplainTexts(Language.DA), doc.path("indicators"));
        assertThat(da).anyMatch(l -> l.endsWith(" efter start: 64 af 100 (gennemsnittet for it-systemer er 68), 40 svar"));
    }

    @Test
    void aDroppedOutCandidateIsNotWeighedInTheLaterSteps() throws Exception {
        ObjectNode doc = ComparisonDocuments.fasterAndPreferred();
        ObjectNode c = (ObjectNode) doc.path("comparison");
        String before = String.join("\n", ComparisonSteps.lines(doc, new ExplainTexts(Language.EN)));
        assertThat(before).contains("Jobflow 82%").contains("Sagsløft − Jobflow").contains("Jobflow NPV");
        ((ObjectNode) c.path("candidates").path(1)).put("dropped_by", "futility");

        List<String> steps = ComparisonSteps.lines(doc, new ExplainTexts(Language.EN));
        assertThat(steps.get(0)).contains("Jobflow (futility)");
        assertThat(String.join("\n", steps.subList(1, 4))).as("steps 2 to 4").doesNotContain("Jobflow").contains("Sagsløft");
    }
}

package dk.gevinst.decision.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.cli.explain.ComparisonLines;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.publish.Json;
import dk.gevinst.testing.ComparisonDocuments;
import dk.gevinst.testing.SchemaCheckedPublications;
import dk.gevinst.text.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A comparison's decision document: its recommendation is the decision, the comparison block matches the schema, and explain reads it. */
class ComparisonDocumentTest {
    @Test
    void theRecommendationIsPublishedWithEachCandidateAndPairAndExplained(@TempDir Path dir) throws Exception {
        PilotSpec spec = RecommendationRuleTest.spec(100_000, 100_000, true);
        ObjectNode doc = ComparisonDocuments.document(spec, RecommendationRuleTest.cells(-9, -9, 0, 0, RecommendationRuleTest.preferring("A", 18, 60),
            RecommendationRuleTest.preferring("B", 48, 60)), RecommendationRuleTest.AS_OF);
        Files.createDirectories(dir.resolve("decisions"));
        Files.writeString(dir.resolve("decisions/k.json"), Json.MAPPER.writeValueAsString(doc));
        SchemaCheckedPublications.check(dir.resolve("decisions"));

        assertThat(doc.path("decision").asText()).isEqualTo("GO");
        assertThat(doc.path("reasons").path(0).path("code").asText()).isEqualTo("preference_decides");
        JsonNode block = doc.path("comparison");
        assertThat(block.path("recommended").asText()).isEqualTo("b");
        assertThat(block.path("leading").asText()).isEqualTo("b");
        assertThat(block.path("candidates").path(0).path("indicators").path(0).path("post").path("n").asLong()).as("a's own cases after the start").isEqualTo(2600);
        assertThat(block.path("decided_by").asText()).isEqualTo("preference");
        assertThat(block.path("candidates")).hasSize(2);
        assertThat(block.path("candidates").path(1).path("preference").path("share").asDouble()).isEqualTo(0.8);
        assertThat(block.path("candidates").path(0).path("options").path(0).path("option").asText()).isEqualTo("hosted");
        assertThat(block.path("pairs").path(0).path("indicators")).hasSize(1);
        assertThat(doc.path("business_case").isNull()).as("no business case for all candidates together: each candidate has its own").isTrue();
        assertThat(doc.has("deployment")).as("each candidate names its options; the spec's default 'current' is not one of them").isFalse();

        java.util.List<String> en = ComparisonLines.of(block, Language.EN);
        assertThat(en.get(0)).startsWith("Recommended: Leverandør B (decided by: employees' preference)");
        assertThat(en).anyMatch(l -> l.contains("prefer it: 80%"));
        java.util.List<String> da = ComparisonLines.of(block, Language.DA);
        assertThat(da.get(0)).startsWith("Anbefalet: Leverandør B (afgjort af: medarbejdernes præference)");
        assertThat(String.join("\n", da)).as("words, not the published codes").contains("hostet hos leverandør: nutidsværdi")
            .doesNotContain("driftsform hosted", "non_inferior", "inconclusive", "informational", "(afgjort af: preference)");
    }
}

package dk.gevinst.cli.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.publish.Json;
import dk.gevinst.testing.Repo;
import dk.gevinst.text.Language;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * explain says a night's main reason in words (reason.&lt;code&gt;), in both languages, for every code a decision
 * document may carry: the schema's list of reason codes. A code added to the schema without words fails here.
 */
class ReasonLabelsTest {
    @Test
    void everyReasonCodeOfTheSchemaHasWordsInBothLanguages() throws Exception {
        JsonNode schema = Json.MAPPER.readTree(Repo.root().resolve("docs/decision.schema.json").toFile());
        List<String> codes = new ArrayList<>();
        schema.findValues("code").forEach(c -> c.path("enum").forEach(e -> codes.add(e.asText())));
        assertThat(codes).as("the schema's reason codes").contains("core_task_improved", "leader_not_lifted", "pre_trend").hasSizeGreaterThan(30);
        for (Language language : List.of(Language.DA, Language.EN)) {
            ExplainTexts t = new ExplainTexts(language);
            for (String code : codes) {
                assertThat(t.get("reason." + code)).as(language + " words for " + code).isNotEqualTo(code).doesNotContain("_");
            }
        }
    }
}

package dk.gevinst.cli.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.publish.Json;
import dk.gevinst.testing.Repo;
import dk.gevinst.text.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
        ExplainTexts da = new ExplainTexts(Language.DA), en = new ExplainTexts(Language.EN);
        for (String code : codes) {
            for (ExplainTexts t : List.of(da, en)) {
                assertThat(t.get("reason." + code)).as(t.language() + " words for " + code).isNotEqualTo(code).doesNotContain("_");
            }
            assertThat(da.get("reason." + code)).as("Danish words for " + code + ", not the English ones").isNotEqualTo(en.get("reason." + code));
        }
    }

    /** Every reason code the code makes (reason("...") and new Reason("...") in src/main/java) is one the schema lists. */
    @Test
    void everyReasonTheCodeMakesIsInTheSchema() throws Exception {
        JsonNode schema = Json.MAPPER.readTree(Repo.root().resolve("docs/decision.schema.json").toFile());
        Set<String> listed = new TreeSet<>();
        schema.findValues("code").forEach(c -> c.path("enum").forEach(e -> listed.add(e.asText())));
        Set<String> made = new TreeSet<>();
        Pattern literal = Pattern.compile("(?:reason|new Reason)\\(\"([a-z_]+)\"");
        Pattern constant = Pattern.compile("static final String [A-Z_]+ = \"([a-z_]+)\"");
        try (Stream<Path> files = Files.walk(Repo.root().resolve("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                Matcher m = literal.matcher(text);
                while (m.find()) made.add(m.group(1));
                // Codes kept as constants where their reasons are made (InferenceReasons).
                if (f.getFileName().toString().equals("InferenceReasons.java")) {
                    Matcher c = constant.matcher(text);
                    while (c.find()) made.add(c.group(1));
                }
            }
        }
        assertThat(made).as("reason codes found in the code").contains("costs_unknown", "core_task_improved", "leader_not_lifted", "pre_trend")
            .hasSizeGreaterThan(25);
        assertThat(listed).as("the schema's reason codes").containsAll(made);
    }
}

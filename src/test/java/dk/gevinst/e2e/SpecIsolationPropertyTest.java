package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.config.InvalidSpecException;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.indicator.Catalog;
import dk.gevinst.testing.SpecGrammar;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TinyRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One night with a dozen specs broken at random (seeded, from the documented grammar) beside a good one:
 * the good pilot's published document is byte for byte what it is on a night alone, each broken one is an
 * error document of its own, and the run exits 2.
 */
class SpecIsolationPropertyTest {
    @Test
    void brokenSpecsOfEveryKindDoNotTouchTheGoodPilot(@TempDir Path tmp) throws Exception {
        Path data = TinyRuns.data(tmp.resolve("data"));
        Path alone = tmp.resolve("alone");
        TempDirs.write(alone, "small.yaml", TinyRuns.GOOD_SPEC);
        assertThat(TinyRuns.run(alone, data, tmp.resolve("out-alone"), "2026-03-31")).isZero();

        Path crowded = tmp.resolve("crowded");
        TempDirs.write(crowded, "small.yaml", TinyRuns.GOOD_SPEC);
        PilotSpecParser parser = new PilotSpecParser(Catalog.builtIn());
        Random random = new Random(7);
        List<String> broken = new ArrayList<>();
        while (broken.size() < 12) {
            String id = "gen-" + broken.size();
            String yaml = SpecGrammar.mutate(SpecGrammar.full(id), random, new ArrayList<>()).yaml();
            try {
                parser.parse(id + ".yaml", yaml);
            } catch (InvalidSpecException e) {
                TempDirs.write(crowded, id + ".yaml", yaml);
                broken.add(id);
            }
        }
        assertThat(TinyRuns.run(crowded, data, tmp.resolve("out-crowded"), "2026-03-31")).isEqualTo(2);

        assertThat(Files.readString(tmp.resolve("out-crowded/decisions/small.json")))
            .isEqualTo(Files.readString(tmp.resolve("out-alone/decisions/small.json")));
        try (var docs = Files.list(tmp.resolve("out-crowded/decisions"))) {
            List<JsonNode> errors = docs.map(SampleRun::json).filter(d -> !d.path("pilot_id").asText().equals("small")).toList();
            assertThat(errors).hasSize(broken.size()).allSatisfy(d -> {
                assertThat(d.path("status").asText()).isEqualTo("error");
                assertThat(d.path("reasons").get(0).path("code").asText()).isEqualTo("invalid_spec");
                assertThat(d.path("error").asText()).matches("(?s)[a-z0-9-]+\\.yaml:[0-9]+:[0-9]+: .*");
            });
        }
    }
}

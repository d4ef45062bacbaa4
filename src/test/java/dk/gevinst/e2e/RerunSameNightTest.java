package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TinyRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "(første vurdering)" only when there is no earlier decision at all (issue 10): a second run of the same night
 * compares with what the first published, on the portfolio and in the digest.
 */
class RerunSameNightTest {
    @Test
    void aSecondRunOfTheSameNightIsNoFirstAssessment(@TempDir Path tmp) throws Exception {
        Path pilots = Files.createDirectories(tmp.resolve("pilots"));
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC);
        Path data = TinyRuns.data(tmp.resolve("data")), out = tmp.resolve("out");

        assertThat(TinyRuns.run(pilots, data, out, "2026-03-30")).isZero();
        JsonNode first = SampleRun.json(out.resolve("decisions/small.json"));
        assertThat(first.path("previous").isNull() || first.path("previous").isMissingNode()).isTrue();
        assertThat(Files.readString(out.resolve("dashboard/index.html"))).contains("første vurdering");
        assertThat(Files.readString(out.resolve("dashboard/digest.da.md"))).contains("(første vurdering)");

        assertThat(TinyRuns.run(pilots, data, out, "2026-03-30")).isZero();
        JsonNode second = SampleRun.json(out.resolve("decisions/small.json"));
        assertThat(second.path("history")).as("one night only").hasSize(1);
        assertThat(second.path("previous").path("as_of").asText()).isEqualTo("2026-03-30");
        assertThat(second.path("previous").path("decision").asText()).isEqualTo(first.path("decision").asText());
        assertThat(Files.readString(out.resolve("dashboard/index.html"))).doesNotContain("første vurdering");
        assertThat(Files.readString(out.resolve("dashboard/digest.da.md"))).doesNotContain("første vurdering");
    }
}

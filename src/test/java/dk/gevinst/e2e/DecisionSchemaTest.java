package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.pipeline.StagedPublish;
import dk.gevinst.testing.SchemaCheckedPublications;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every decision any test publishes is checked against docs/decision.schema.json by the publish hook that
 * {@link SchemaCheckedPublications} installs for the whole test JVM. This test shows the hook is in place,
 * has checked the sample's documents, and fails on a document that breaks the schema.
 */
class DecisionSchemaTest {
    @Test
    void everyPublishedDecisionIsCheckedAndTheCheckCanFail(@TempDir Path tmp) throws Exception {
        Path sample = SampleRun.out();
        assertThat(SchemaCheckedPublications.checked()).as("the sample's decisions were checked as they were published").isGreaterThanOrEqualTo(3);
        SchemaCheckedPublications.check(sample.resolve("decisions"));

        Path decisions = Files.createDirectories(tmp.resolve("bad/decisions"));
        ObjectNode doc = (ObjectNode) SampleRun.json(sample.resolve("decisions/sagsoverblik.json"));
        Files.writeString(decisions.resolve("sagsoverblik.json"), doc.put("decision", "MAYBE").toString());
        assertThatThrownBy(() -> StagedPublish.hook().at("built", new org.apache.hadoop.fs.Path(tmp.resolve("bad").toUri())))
            .isInstanceOf(AssertionError.class).hasMessageContaining("sagsoverblik.json").hasMessageContaining("decision");
    }
}

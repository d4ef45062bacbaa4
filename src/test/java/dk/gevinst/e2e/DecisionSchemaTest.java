package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dk.gevinst.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every decision the sample run publishes, error documents included, matches docs/decision.schema.json. */
class DecisionSchemaTest {
    @Test
    void publishedDecisionsMatchTheSchema() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(Files.readString(Repo.root().resolve("docs/decision.schema.json")));
        int checked = 0;
        for (Path f : SampleRun.files(SampleRun.out().resolve("decisions"))) {
            Set<ValidationMessage> errors = schema.validate(SampleRun.json(f));
            assertThat(errors).as(f.toString()).isEmpty();
            checked++;
        }
        assertThat(checked).isEqualTo(3);
        Set<ValidationMessage> broken = schema.validate(SampleRun.json(SampleRun.out().resolve("decisions/sagsoverblik.json"))
            .<com.fasterxml.jackson.databind.node.ObjectNode>deepCopy().put("decision", "MAYBE"));
        assertThat(broken).as("the schema must be able to fail").isNotEmpty();
    }
}

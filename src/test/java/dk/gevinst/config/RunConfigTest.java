package dk.gevinst.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.gevinst.testing.Repo;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The run config's spark: block: Spark's own settings, strictly checked, with the older shuffle_partitions still read. */
class RunConfigTest {
    @Test
    void theCommittedNightlyConfigCarriesSparkSettingsForSmallData() throws Exception {
        RunConfig c = RunConfig.parse("jobs/nightly.yaml", Files.readString(Repo.root().resolve("jobs/nightly.yaml")), "jobs");
        assertThat(c.spark()).containsEntry("spark.sql.shuffle.partitions", "8").containsEntry("spark.sql.adaptive.enabled", "true");
        assertThat(c.executorTimeoutSeconds()).isEqualTo(600);
    }

    @Test
    void sparkSettingsPassThroughAsText() throws Exception {
        RunConfig c = RunConfig.parse("n.yaml", """
            spark:
              spark.executor.memory: 4g
              spark.sql.adaptive.enabled: false
              spark.executor.instances: 3
            executor_timeout_seconds: 120
            """, null);
        assertThat(c.spark()).containsExactly(java.util.Map.entry("spark.executor.memory", "4g"),
            java.util.Map.entry("spark.sql.adaptive.enabled", "false"), java.util.Map.entry("spark.executor.instances", "3"));
        assertThat(c.executorTimeoutSeconds()).isEqualTo(120);
    }

    @Test
    void theOlderShufflePartitionsKeyStillWorksAndCannotContradictTheSparkBlock() throws Exception {
        assertThat(RunConfig.parse("n.yaml", "shuffle_partitions: 16\n", null).spark()).containsEntry("spark.sql.shuffle.partitions", "16");
        assertThatThrownBy(() -> RunConfig.parse("n.yaml", "shuffle_partitions: 16\nspark:\n  spark.sql.shuffle.partitions: 4\n", null))
            .hasMessageContaining("n.yaml:1:21: shuffle_partitions and spark: spark.sql.shuffle.partitions are both set");
    }

    @Test
    void everyWrongSparkEntryIsReportedAtOnceWithItsPlace() {
        assertThatThrownBy(() -> RunConfig.parse("n.yaml", """
            spark:
              shuffle_partitions: 4
              spark.executor.extraJavaOptions: [a, b]
              spark.executor.memory: 4g
              spark.executor.memory: 8g
            executor_timeout_seconds: 0
            """, null))
            .hasMessageContaining("n.yaml:2:23: spark: 'shuffle_partitions' is not a Spark setting; Spark's settings start with 'spark.', e.g. spark.sql.shuffle.partitions")
            .hasMessageContaining("n.yaml:3:36: spark: spark.executor.extraJavaOptions must be a single value")
            .hasMessageContaining("n.yaml:5:3: duplicate key 'spark.executor.memory' in spark")
            .hasMessageContaining("n.yaml:6:27: executor_timeout_seconds is 0; expected 1 to 86400");
    }
}

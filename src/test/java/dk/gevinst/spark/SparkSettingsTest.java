package dk.gevinst.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.gevinst.storage.Storage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which Spark setting wins: gevinst's defaults, then the config file, then spark-submit, then --conf; a few are fixed. */
class SparkSettingsTest {
    @Test
    void localRunsGetFewShufflePartitionsAndDriverListingAndClustersKeepSparksOwn() {
        assertThat(SparkSettings.resolve("local[*]", true, Map.of(), Map.of(), Map.of()))
            .containsEntry("spark.sql.shuffle.partitions", "8").containsEntry("spark.sql.adaptive.enabled", "true")
            .containsEntry("spark.sql.sources.parallelPartitionDiscovery.threshold", "100000")
            .containsEntry("spark.sql.artifact.isolation.enabled", "false");
        assertThat(SparkSettings.resolve("spark://m:7077", true, Map.of(), Map.of(), Map.of()))
            .doesNotContainKey("spark.sql.shuffle.partitions").doesNotContainKey("spark.sql.sources.parallelPartitionDiscovery.threshold")
            .containsEntry("spark.sql.adaptive.coalescePartitions.enabled", "true").containsEntry("spark.sql.artifact.isolation.enabled", "false");
        assertThat(SparkSettings.resolve("local[*]", true, Map.of("spark.sql.artifact.isolation.enabled", "true"), Map.of(), Map.of()))
            .as("a config that wants isolation gets it").containsEntry("spark.sql.artifact.isolation.enabled", "true");
    }

    @Test
    void tablesOnARemoteStoreKeepSparksListingJobsAndASettingOfOneselfWins() {
        assertThat(SparkSettings.resolve("local[*]", false, Map.of(), Map.of(), Map.of()))
            .containsEntry("spark.sql.shuffle.partitions", "8").doesNotContainKey("spark.sql.sources.parallelPartitionDiscovery.threshold");
        assertThat(SparkSettings.resolve("local[*]", true, Map.of(), Map.of(), Map.of("spark.sql.sources.parallelPartitionDiscovery.threshold", "32")))
            .containsEntry("spark.sql.sources.parallelPartitionDiscovery.threshold", "32");
        assertThat(SparkSettings.onLocalDisk(Storage.resolve("out"))).isTrue();
        assertThat(SparkSettings.onLocalDisk(Storage.resolve("file:///srv/gevinst/out"))).isTrue();
        assertThat(SparkSettings.onLocalDisk(Storage.resolve("s3a://bucket/gevinst/out"))).isFalse();
        assertThat(SparkSettings.onLocalDisk(Storage.resolve("hdfs://nn:8020/gevinst/out"))).isFalse();
    }

    @Test
    void laterSourcesWinAndSparkSubmitsSettingsAreLeftToIt() {
        Map<String, String> config = Map.of("spark.sql.shuffle.partitions", "16", "spark.executor.memory", "2g", "spark.executor.cores", "2");
        Map<String, String> submit = Map.of("spark.executor.memory", "6g", "spark.executor.cores", "4", "spark.master", "yarn");
        Map<String, String> flags = Map.of("spark.executor.cores", "3");
        Map<String, String> resolved = SparkSettings.resolve("yarn", true, config, submit, flags);
        assertThat(resolved).containsEntry("spark.sql.shuffle.partitions", "16").containsEntry("spark.executor.cores", "3")
            .as("spark-submit set it, so the session builder must not").doesNotContainKey("spark.executor.memory");
        assertThat(SparkSettings.resolve("local[2]", true, Map.of("spark.sql.adaptive.enabled", "false"), Map.of(), Map.of()))
            .containsEntry("spark.sql.adaptive.enabled", "false");
    }

    @Test
    void settingsTheResultsDependOnCannotBeChanged() {
        assertThatThrownBy(() -> SparkSettings.resolve("local", true, Map.of(), Map.of(), Map.of("spark.sql.session.timeZone", "Europe/Copenhagen")))
            .hasMessageContaining("--conf sets spark.sql.session.timeZone=Europe/Copenhagen, but gevinst needs UTC");
        assertThat(SparkSettings.resolve("local", true, Map.of(), Map.of(), Map.of("spark.sql.session.timeZone", "UTC")))
            .containsEntry("spark.sql.session.timeZone", "UTC").containsEntry("spark.sql.datetime.java8API.enabled", "true");
        assertThatThrownBy(() -> SparkSettings.checkKey("executor.memory", "--conf"))
            .hasMessageContaining("'executor.memory', which is not a Spark setting").hasMessageContaining("e.g. spark.executor.memory");
    }
}

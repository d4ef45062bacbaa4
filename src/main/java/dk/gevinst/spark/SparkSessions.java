package dk.gevinst.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the session the job runs in. Under spark-submit the cluster's master wins; embedded runs use
 * the given master. The settings come resolved from {@link SparkSettings}.
 */
public final class SparkSessions {
    private SparkSessions() {}

    /** An embedded session with a given number of shuffle partitions, for tables on this machine's disk (tests, tools). */
    public static SparkSession create(String master, int shufflePartitions) {
        return create(master, SparkSettings.resolve(master, true, Map.of(), SparkSettings.fromSubmit(),
            Map.of("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions))));
    }

    public static SparkSession create(String master, Map<String, String> settings) {
        SparkSession.Builder b = SparkSession.builder().appName("gevinst");
        if (SparkSettings.submittedMaster() == null) {
            b.master(master).config("spark.ui.enabled", "false");
            // A local driver talks only to itself; a cluster's executors must reach the driver at a routable address.
            if (SparkSettings.isLocal(master)) b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        settings.forEach(b::config);
        return b.getOrCreate();
    }
}

package dk.gevinst.spark;

import dk.gevinst.storage.Storage;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the session the job runs in. Under spark-submit the cluster's master wins; embedded runs use
 * the given master. Times are wall-clock (no zone shifts).
 */
public final class SparkSessions {
    private SparkSessions() {}

    public static SparkSession create(String master, int shufflePartitions) {
        SparkSession.Builder b = SparkSession.builder().appName("gevinst");
        boolean submitted = System.getProperty("spark.master") != null;
        if (!submitted) {
            b.master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1");
        }
        return b.config("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions))
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.datetime.java8API.enabled", "true")
            // A JSON export may repeat a key once names are normalised ("Unit" and "unit"): the last wins, as in
            // any JSON reader, instead of failing the whole ingest (see ingest.RecordFields).
            .config("spark.sql.mapKeyDedupPolicy", "LAST_WIN")
            .config("spark.hadoop.fs.permissions.umask-mode", Storage.UMASK)
            // Nobody reads Spark's progress bar in a nightly log, and it garbles a terminal.
            .config("spark.ui.showConsoleProgress", "false")
            .getOrCreate();
    }
}

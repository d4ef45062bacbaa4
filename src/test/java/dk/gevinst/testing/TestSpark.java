package dk.gevinst.testing;

import dk.gevinst.spark.SparkSessions;
import dk.gevinst.spark.SparkSettings;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * One SparkSession for the whole test JVM (Surefire forkCount=1): local[2], UI off, few partitions. Its code
 * generator keeps 4,000 compiled classes instead of Spark's 100: the tests run the same nights' queries again and
 * again, and compiling them afresh each time cost about a sixth of the time of the tests that run nights.
 */
public final class TestSpark {
    private static SparkSession session;

    private TestSpark() {}

    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSessions.create("local[2]", SparkSettings.resolve("local[2]", true, Map.of(), SparkSettings.fromSubmit(),
                Map.of("spark.sql.shuffle.partitions", "2", "spark.sql.codegen.cache.maxEntries", "4000")));
        }
        return session;
    }
}

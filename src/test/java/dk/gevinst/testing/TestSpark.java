package dk.gevinst.testing;

import dk.gevinst.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;

/** One SparkSession for the whole test JVM (Surefire forkCount=1): local[2], UI off, few partitions. */
public final class TestSpark {
    private static SparkSession session;

    private TestSpark() {}

    public static synchronized SparkSession session() {
        if (session == null) session = SparkSessions.create("local[2]", 2);
        return session;
    }
}

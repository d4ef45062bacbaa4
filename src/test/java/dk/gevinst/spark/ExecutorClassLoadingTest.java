package dk.gevinst.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.testing.TestSpark;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Executors load classes from their own class path: a session with Spark 4's artifact isolation makes every task ask
 * the driver, one RPC per class it misses (docs/benchmarks.md, session 27).
 */
class ExecutorClassLoadingTest {
    private static final String DRIVER_FETCHING_LOADER = "ExecutorClassLoader";

    @Test
    void tasksOfGevinstsSessionUseTheExecutorsClassPath() {
        assertThat(taskClassLoaders(TestSpark.session())).hasSize(2)
            .allSatisfy(name -> assertThat(name).doesNotContain(DRIVER_FETCHING_LOADER));
        assertThat(TestSpark.session().conf().get(SparkSettings.ARTIFACT_ISOLATION)).isEqualTo("false");
    }

    @Test
    void anIsolatedSessionsTasksWouldFetchClassesFromTheDriver() {
        // The contrast: taskClassLoaders (below) does see the loader that isolation brings. The key is read on the
        // session's first query, so setting it on a new session before any query takes effect.
        SparkSession isolated = TestSpark.session().newSession();
        isolated.conf().set(SparkSettings.ARTIFACT_ISOLATION, "true");
        assertThat(taskClassLoaders(isolated)).hasSize(2)
            .allSatisfy(name -> assertThat(name).contains(DRIVER_FETCHING_LOADER));
    }

    private static List<String> taskClassLoaders(SparkSession spark) {
        MapPartitionsFunction<Long, String> loader =
            rows -> List.of(Thread.currentThread().getContextClassLoader().getClass().getName()).iterator();
        return spark.range(0, 4, 1, 2).mapPartitions(loader, Encoders.STRING()).collectAsList();
    }
}

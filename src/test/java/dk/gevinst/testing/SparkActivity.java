package dk.gevinst.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * What Spark did while some work ran: the jobs it started, the records its tasks read (from files, or from memory a
 * batch a record) and the shuffle records they wrote. Counts of work, never times. The listener bus is drained
 * before the listener is added and again before it is removed, so the counts hold exactly the work's events.
 */
public record SparkActivity<T>(T result, int jobs, long recordsRead, long shuffleRecordsWritten) {
    public static <T> SparkActivity<T> during(SparkSession spark, Callable<T> work) throws Exception {
        AtomicInteger jobs = new AtomicInteger();
        AtomicLong read = new AtomicLong(), shuffled = new AtomicLong();
        SparkListener listener = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                jobs.incrementAndGet();
            }

            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskMetrics() == null) return;
                read.addAndGet(end.taskMetrics().inputMetrics().recordsRead());
                shuffled.addAndGet(end.taskMetrics().shuffleWriteMetrics().recordsWritten());
            }
        };
        spark.sparkContext().listenerBus().waitUntilEmpty();
        spark.sparkContext().addSparkListener(listener);
        try {
            T result = work.call();
            spark.sparkContext().listenerBus().waitUntilEmpty();
            return new SparkActivity<>(result, jobs.get(), read.get(), shuffled.get());
        } finally {
            spark.sparkContext().removeSparkListener(listener);
        }
    }
}

package dk.gevinst.spark;

import dk.gevinst.pipeline.ExitCode;
import dk.gevinst.pipeline.GevinstException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Turns a cluster that cannot run the job into an operations error (exit 7) that names the master and
 * what the executors said, instead of a Spark stack trace. Local masters are never checked.
 */
public final class ClusterCheck {
    private static final int CONNECT_TIMEOUT_MILLIS = 5000;

    private ClusterCheck() {}

    /**
     * Before a session is built: a standalone master (spark://host:port[,host:port]) must accept a
     * connection. Spark itself would retry for a minute and then fail with a stopped context.
     */
    public static void masterAnswers(String master) {
        if (master == null || !master.startsWith("spark://")) return;
        List<String> refusals = new ArrayList<>();
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            int port = colon < 0 ? 7077 : Integer.parseInt(hostPort.substring(colon + 1).replaceAll("/+$", ""));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
                return;
            } catch (IOException | IllegalArgumentException e) {
                refusals.add(host + ":" + port + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
            }
        }
        throw new GevinstException(ExitCode.CLUSTER_FAILED, "the Spark master " + master + " does not answer: nothing accepted a connection at "
            + String.join(", ", refusals) + ". Check the master URL (--master, master: in the run config, or spark-submit --master) "
            + "and that the master runs; its web UI (port 8080 by default) lists its workers.");
    }

    /**
     * After the session is built, on a cluster: a tiny job must run on an executor within the timeout. It
     * also proves that the executors can load gevinst's classes. On failure, what the executors said.
     */
    public static void executorsRun(SparkSession spark, String master, Duration timeout, ExecutorReports reports) {
        SparkContext sc = spark.sparkContext();
        if (SparkSettings.isLocal(sc.master())) return;
        if (sc.isStopped()) throw failed(master, sc, "the master did not accept the application", reports);
        JavaFutureAction<List<Integer>> probe = JavaSparkContext.fromSparkContext(sc)
            .parallelize(List.of(1, 2), 2).map(ClusterCheck::probe).collectAsync();
        try {
            probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            probe.cancel(true);
            throw failed(master, sc, "no executor ran a task within " + timeout.toSeconds() + " s (--executor-timeout)", reports);
        } catch (ExecutionException e) {
            throw failed(master, sc, "a first small job failed: " + firstLine(e.getCause()), reports);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(master, sc, "interrupted while waiting for executors", reports);
        }
    }

    /**
     * A failure during the run that is the cluster's (a lost executor, a stopped context, a task that
     * failed on an executor) as an operations error; anything else unchanged.
     */
    public static RuntimeException translate(RuntimeException e, SparkSession spark, String master, ExecutorReports reports) {
        if (e instanceof GevinstException || SparkSettings.isLocal(spark.sparkContext().master())) return e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.spark.SparkException || (t instanceof IllegalStateException && String.valueOf(t.getMessage()).contains("stopped SparkContext"))) {
                GevinstException g = failed(master, spark.sparkContext(), "the job failed on the cluster: " + firstLine(t), reports);
                g.initCause(e);
                return g;
            }
        }
        return e;
    }

    private static Integer probe(Integer x) {
        return x;
    }

    private static GevinstException failed(String master, SparkContext sc, String what, ExecutorReports reports) {
        String app = sc.applicationId();
        String said = reports.summary();
        return new GevinstException(ExitCode.CLUSTER_FAILED, "the Spark cluster " + master + " could not run gevinst (application " + app + "): "
            + what + ". Executors said: " + (said.isEmpty() ? "nothing (none started)" : said) + ". "
            + "Check that the cluster has free workers and cores, and read the executor logs (standalone: the worker's work/" + app
            + "/<executor>/stderr; YARN: yarn logs -applicationId " + app + "; Kubernetes: kubectl logs of the executor pods).");
    }

    static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }
}

package dk.gevinst.cli;

import dk.gevinst.pipeline.ExitCode;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * A run stopped by a signal (the scheduler's SIGTERM, Ctrl-C) says so in one line: the summary line of exit
 * 143. Without this, Spark's own shutdown hook stops the SparkContext under the running job, and every
 * thread that was using it logs or throws its stack trace. The hook is registered with Hadoop's shutdown hook manager above Spark's
 * priority, so it runs first: it silences the logs (unless --verbose) and prints the line. The run lock
 * releases itself in its own hook; the publication is whole whatever the moment (docs/operations.md).
 */
final class QuietShutdown {
    /** Above Spark's hook (Hadoop FileSystem's 10 + 30): higher priorities run first. */
    private static final int PRIORITY = 100;
    private static boolean installed;
    private static volatile boolean running;
    private static volatile boolean verbose;
    private static volatile boolean stopping;

    private QuietShutdown() {}

    /** Marks a run as started; a signal from now until {@link #finished()} is reported as a stop. */
    static synchronized void started(boolean verboseRun) {
        verbose = verboseRun;
        running = true;
        if (!installed) {
            ShutdownHookManager.get().addShutdownHook(QuietShutdown::onSignal, PRIORITY);
            installed = true;
        }
    }

    static void finished() {
        running = false;
    }

    /**
     * True once a signal has stopped a run. Nothing is printed after the summary line then: the exit-code handler,
     * the stage lines and the run's report stay quiet, and the command's logging does not put Spark's levels back
     * (Logging#close), since Spark's tasks fail under the stopping context and would log their stack traces.
     */
    static boolean stopping() {
        return stopping;
    }

    private static void onSignal() {
        if (!running) return;
        stopping = true;
        if (!verbose) {
            Thread.setDefaultUncaughtExceptionHandler((t, e) -> { });
            Configurator.setAllLevels("", Level.OFF);
        }
        // The one summary line every failed command ends with, so the scheduler's alert finds it too.
        System.err.println(ExitSummary.forError(ExitCode.TERMINATED, "the run was stopped before it finished. What is published stays whole"
            + " (the last publication, or tonight's if it was already switched in); the next run redoes the night."));
        System.err.flush();
    }
}

package dk.gevinst.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * --verbose turns on our debug logging; otherwise the job logs its progress and Spark only warnings.
 * --quiet keeps warnings only, so that a scheduler mails nothing on a good night. Closing restores the
 * levels, so that a command run inside a longer-lived JVM (the tests) leaves logging as it found it, except after a
 * stop by a signal, which stays silent.
 */
final class Logging implements AutoCloseable {
    private static final String OURS = "dk.gevinst";
    private static final String SPARK = "org.apache.spark";
    private final Level ours = LogManager.getLogger(OURS).getLevel();
    private final Level spark = LogManager.getLogger(SPARK).getLevel();

    private Logging() {}

    static Logging configure(boolean verbose, boolean quiet) {
        Logging previous = new Logging();
        if (verbose) {
            Configurator.setLevel(OURS, Level.DEBUG);
            Configurator.setLevel(SPARK, Level.INFO);
        } else if (quiet) {
            Configurator.setLevel(OURS, Level.WARN);
        }
        return previous;
    }

    @Override
    public void close() {
        // A run stopped by a signal unwinds through here while Spark stops under its tasks: putting Spark's level back
        // would let those tasks' errors and stack traces out after the one line the stop prints (QuietShutdown).
        if (QuietShutdown.stopping()) return;
        Configurator.setLevel(OURS, ours);
        Configurator.setLevel(SPARK, spark);
    }
}

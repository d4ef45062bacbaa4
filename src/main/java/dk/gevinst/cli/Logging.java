package dk.gevinst.cli;

import java.util.function.BooleanSupplier;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * --verbose turns on our debug logging; otherwise the job logs its progress and Spark only warnings.
 * --quiet keeps warnings only, so that a scheduler mails nothing on a good night. Closing restores the
 * levels, so that a command run inside a longer-lived JVM (the tests) leaves logging as it found it; except once a
 * signal has stopped the run (QuietShutdown#stopping): the JVM is exiting, and putting Spark's level back would let
 * its failing tasks log after the summary line.
 */
final class Logging implements AutoCloseable {
    private static final String OURS = "dk.gevinst";
    private static final String SPARK = "org.apache.spark";
    private final Level ours = LogManager.getLogger(OURS).getLevel();
    private final Level spark = LogManager.getLogger(SPARK).getLevel();
    private final BooleanSupplier stopped;

    private Logging(BooleanSupplier stopped) {
        this.stopped = stopped;
    }

    static Logging configure(boolean verbose, boolean quiet) {
        return configure(verbose, quiet, QuietShutdown::stopping);
    }

    /** As above, with what says that a signal stopped the run; package-private for LoggingTest. */
    static Logging configure(boolean verbose, boolean quiet, BooleanSupplier stopped) {
        Logging previous = new Logging(stopped);
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
        if (stopped.getAsBoolean()) return;
        Configurator.setLevel(OURS, ours);
        Configurator.setLevel(SPARK, spark);
    }
}

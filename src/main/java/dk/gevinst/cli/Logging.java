package dk.gevinst.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/** --verbose turns on our debug logging; otherwise the job prints its progress and Spark only warnings. */
final class Logging {
    private Logging() {}

    static void configure(boolean verbose) {
        if (verbose) {
            Configurator.setLevel("dk.gevinst", Level.DEBUG);
            Configurator.setLevel("org.apache.spark", Level.INFO);
        }
    }
}

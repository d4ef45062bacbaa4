package dk.gevinst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;

/**
 * A run stopped by a signal prints one line and then nothing: the command's logging, closed as the run unwinds,
 * must not put Spark's level back while Spark's tasks fail under the stopping context (seen after a SIGTERM in the
 * tables stage: "ERROR Executor: Executor launch task ... rejected", then stack traces).
 */
class QuietShutdownTest {
    @Test
    void closingTheCommandsLoggingAfterASignalKeepsSparkSilent() {
        Thread.UncaughtExceptionHandler handler = Thread.getDefaultUncaughtExceptionHandler();
        try {
            assertThat(LogManager.getLogger("org.apache.spark.executor.Executor").isErrorEnabled()).as("before the stop").isTrue();
            try (Logging ignored = Logging.configure(false, false)) {
                QuietShutdown.silence(false);
            }
            assertThat(LogManager.getLogger("org.apache.spark.executor.Executor").isErrorEnabled()).isFalse();
            assertThat(LogManager.getLogger("dk.gevinst.pipeline.NightlyRun").isErrorEnabled()).isFalse();
        } finally {
            QuietShutdown.forgetStopForTests();
            Thread.setDefaultUncaughtExceptionHandler(handler);
            Configurator.reconfigure();
        }
        assertThat(LogManager.getLogger("org.apache.spark.executor.Executor").isErrorEnabled()).as("logging back for the next test").isTrue();
    }
}

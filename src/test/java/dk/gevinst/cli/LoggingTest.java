package dk.gevinst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;

/**
 * The command's logging puts the levels back when it closes, except after a signal stopped the run: then every
 * logger stays off, or the tasks failing under Spark's stopping context log after the stop's one line (seen after a
 * SIGTERM in the tables stage: "ERROR Executor: Executor launch task ... rejected", then stack traces).
 */
class LoggingTest {
    private static final String SPARK = "org.apache.spark.executor.Executor", OURS = "dk.gevinst.pipeline.NightlyRun";

    @Test
    void afterASignalClosingLeavesEveryLoggerOff() {
        Map<String, Level> found = levels();
        try {
            try (Logging ignored = Logging.configure(false, false, () -> true)) {
                Configurator.setAllLevels("", Level.OFF);   // what QuietShutdown does on a signal
            }
            assertThat(LogManager.getLogger(SPARK).isErrorEnabled()).as("Spark after close").isFalse();
            assertThat(LogManager.getLogger(OURS).isErrorEnabled()).as("ours after close").isFalse();
        } finally {
            Configurator.setLevel(found);
        }
        assertThat(LogManager.getLogger(SPARK).isErrorEnabled()).as("Spark back for the next test").isTrue();
        assertThat(LogManager.getLogger(OURS).isInfoEnabled()).as("ours back for the next test").isTrue();
    }

    @Test
    void withoutASignalClosingPutsTheLevelsBack() {
        boolean sparkInfo = LogManager.getLogger(SPARK).isInfoEnabled(), oursDebug = LogManager.getLogger(OURS).isDebugEnabled();
        try (Logging ignored = Logging.configure(true, false, () -> false)) {
            assertThat(LogManager.getLogger(SPARK).isInfoEnabled()).as("Spark under --verbose").isTrue();
            assertThat(LogManager.getLogger(OURS).isDebugEnabled()).as("ours under --verbose").isTrue();
        }
        assertThat(LogManager.getLogger(SPARK).isInfoEnabled()).as("Spark after close").isEqualTo(sparkInfo).isFalse();
        assertThat(LogManager.getLogger(OURS).isDebugEnabled()).as("ours after close").isEqualTo(oursDebug).isFalse();
    }

    /** Every configured logger's level, the root's under its empty name. */
    private static Map<String, Level> levels() {
        Map<String, Level> out = new HashMap<>();
        ((LoggerContext) LogManager.getContext(false)).getConfiguration().getLoggers().forEach((name, config) -> out.put(name, config.getLevel()));
        return out;
    }
}

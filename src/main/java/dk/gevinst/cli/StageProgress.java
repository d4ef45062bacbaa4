package dk.gevinst.cli;

import dk.gevinst.pipeline.RunProgress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints each stage of a run on stderr as it finishes, one plain line each, so that a terminal shows
 * where a long night is and a log keeps it: {@code gevinst: ingest      20,134 new rows read   49.97 s}.
 */
final class StageProgress implements RunProgress {
    private final PrintStream err;

    StageProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public void stageDone(String stage, long count, String what, double seconds) {
        // A stage that ends while a signal stops the run is not news, and its line would follow the stop's last line.
        if (QuietShutdown.stopping()) return;
        err.println(line(stage, count, what, seconds));
        err.flush();
    }

    static String line(String stage, long count, String what, double seconds) {
        return String.format(Locale.ROOT, "gevinst: %-19s %,11d %-15s %7.2f s", stage, count, what, seconds);
    }
}

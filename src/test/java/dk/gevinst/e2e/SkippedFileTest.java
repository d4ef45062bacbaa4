package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.testing.Capture;
import dk.gevinst.testing.Repo;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TinyRuns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dangling link in the data root (an export share that did not mount) is a warning and a line of the run's report, not silence. */
class SkippedFileTest {
    @Test
    void aBrokenLinkInTheDataRootIsWarnedAboutAndCounted(@TempDir Path tmp) throws Exception {
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC);
        Path data = TinyRuns.data(tmp.resolve("data"));
        Files.createSymbolicLink(data.resolve("cases/ydelse-2026-11-29.csv"), tmp.resolve("share/ydelse-2026-11-29.csv"));

        // The test JVM's log is shared: only what this run added counts.
        Path logFile = Repo.root().resolve("target/test-logs/gevinst-test.log");
        long before = Files.size(logFile);
        int[] exit = new int[1];
        String out = Capture.stdout(() -> exit[0] = TinyRuns.run(pilots, data, tmp.resolve("out"), "2026-03-31", "--locale", "en"));
        byte[] all = Files.readAllBytes(logFile);
        String log = new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8);

        assertThat(exit[0]).as("nothing was misread: a warning, not a failure").isZero();
        assertThat(log).contains("WARN NightlyRun: Skipped cases/ydelse-2026-11-29.csv in the data root file:" + data
            + ": a link to nothing (its target is missing); skipped. Fix: restore its target (is the export share mounted?)");
        assertThat(out).contains("Skipped: 1 file in the data root: cases/ydelse-2026-11-29.csv: a link to nothing (its target is missing)");
    }
}

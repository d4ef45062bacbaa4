package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.gevinst.testing.Capture;
import dk.gevinst.testing.ReadOnlyFolders;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TinyRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder below --out that the run cannot write (left by a run as root), and an --out that is a file: exit 6 before the night starts. */
class UnwritableSubfolderTest {
    @Test
    void aReadOnlyFolderBelowTheOutputFolderIsNamedBeforeTheNight(@TempDir Path tmp) throws Exception {
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC);
        Path data = TinyRuns.data(tmp.resolve("data"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path published = Files.createDirectories(out.resolve("published"));
        assumeTrue(ReadOnlyFolders.lock(published, true), "cannot make a folder read-only here (chattr or chmod failed)");
        try {
            String err = Capture.stderr(() -> assertThat(TinyRuns.run(pilots, data, out, "2026-03-31")).isEqualTo(6));
            String last = err.strip().lines().reduce((a, b) -> b).orElse("");
            assertThat(last).as(err).startsWith("gevinst: exit 6 (the output folder cannot be written): cannot write 1 path below the output folder")
                .contains(published + " (owner " + System.getProperty("user.name") + ", ");
            // Root ignores permission bits, so the lock is the immutable flag there (ReadOnlyFolders), which a chmod would not undo.
            if ("root".equals(System.getProperty("user.name"))) {
                assertThat(last).contains("likely immutable ('sudo chattr -i " + published + "' clears it").doesNotContain("chmod");
            } else {
                assertThat(last).contains("chmod -R u+rwX " + out);
            }
            assertThat(err).doesNotContain("Mkdirs failed").doesNotContain("unexpected error").doesNotContain("\tat ");
            assertThat(out.resolve("runs")).as("nothing of the night was written").doesNotExist();
        } finally {
            ReadOnlyFolders.lock(published, false);
        }
        // A folder the run never writes into (lost+found at a mount root, an operator's read-only copy) is not its business.
        Path lostAndFound = Files.createDirectories(out.resolve("lost+found"));
        assumeTrue(ReadOnlyFolders.lock(lostAndFound, true), "cannot make a folder read-only here (chattr or chmod failed)");
        try {
            dk.gevinst.pipeline.OutputFolders.check(out);
        } finally {
            ReadOnlyFolders.lock(lostAndFound, false);
        }
    }


    @Test
    void anOutputFolderThatIsAFileIsCalledAFile(@TempDir Path tmp) throws Exception {
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC);
        Path data = TinyRuns.data(tmp.resolve("data"));
        Path file = TempDirs.write(tmp, "out.txt", "not a folder\n");
        String err = Capture.stderr(() -> assertThat(TinyRuns.run(pilots, data, file, "2026-03-31")).isEqualTo(6));
        assertThat(err).contains("--out " + file + " is a file, not a folder").doesNotContain("needs write permission");
    }
}

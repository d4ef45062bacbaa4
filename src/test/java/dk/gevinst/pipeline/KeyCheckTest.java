package dk.gevinst.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.gevinst.cli.Main;
import dk.gevinst.e2e.SampleRun;
import dk.gevinst.privacy.Pseudonymizer;
import dk.gevinst.storage.Storage;
import dk.gevinst.testing.Capture;
import dk.gevinst.testing.Repo;
import dk.gevinst.testing.TempDirs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output folder's state remembers which key wrote it, and a run with another key stops before reading anything: a
 * stranger's run with a rotated key had read every file as new and reported every known one as removed, with exit 0.
 */
class KeyCheckTest {
    private static final Storage STORAGE = new Storage(new Configuration());

    @Test
    void theFirstRunWritesTheCheckAndAnotherKeyIsRefused(@TempDir Path tmp) throws Exception {
        org.apache.hadoop.fs.Path state = new org.apache.hadoop.fs.Path(tmp.resolve("_state").toUri());
        Pseudonymizer first = new Pseudonymizer("the first key, sixteen bytes or more".getBytes(StandardCharsets.UTF_8));
        KeyCheck.verify(STORAGE, state, first);
        String written = Files.readString(tmp.resolve("_state/key_check"));
        assertThat(written).startsWith("k_").doesNotContain("first key");
        KeyCheck.verify(STORAGE, state, first);
        assertThat(Files.readString(tmp.resolve("_state/key_check"))).isEqualTo(written);
        Pseudonymizer other = new Pseudonymizer("another key, sixteen bytes or more".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> KeyCheck.verify(STORAGE, state, other)).isInstanceOf(GevinstException.class)
            .hasMessageContaining("the pseudonym key is not the one").hasMessageContaining("pass the same key as before")
            .satisfies(e -> assertThat(((GevinstException) e).exitCode()).isEqualTo(ExitCode.BAD_SPEC_OR_ARGUMENTS));
    }

    @Test
    void aMissingKeyFileSaysHowToMakeOne(@TempDir Path tmp) throws Exception {
        Path missing = tmp.resolve("pseudonym.key");
        int[] exit = new int[1];
        Path repo = Repo.root();
        String err = Capture.stderr(() -> exit[0] = Main.execute("run", "--pilots", repo.resolve("jobs/pilots").toString(), "--data",
            repo.resolve("data-samples").toString(), "--out", tmp.resolve("out").toString(), "--key-file", missing.toString()));
        assertThat(exit[0]).isEqualTo(2);
        assertThat(err).contains("cannot read the key file " + missing, "(umask 077; head -c 32 /dev/urandom | base64 > " + missing + ")")
            .doesNotContain("\tat ");
    }

    @Test
    void aNightWithAnotherKeyStopsBeforeReadingAndThePublicationStands(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        TempDirs.copyTree(SampleRun.out(), out);
        Path key = Files.writeString(tmp.resolve("other.key"), "not the demo key, but long enough\n");
        String current = Files.readSymbolicLink(out.resolve("current")).toString();
        Path repo = Repo.root();
        int[] exit = new int[1];
        String err = Capture.stderr(() -> exit[0] = Main.execute("run", "--pilots", repo.resolve("jobs/pilots").toString(), "--data",
            repo.resolve("data-samples").toString(), "--out", out.toString(), "--as-of", SampleRun.AS_OF, "--key-file", key.toString()));
        assertThat(exit[0]).isEqualTo(2);
        assertThat(err.strip().lines().reduce((a, b) -> b).orElse("")).contains("exit 2").contains("the pseudonym key is not the one");
        assertThat(Files.readSymbolicLink(out.resolve("current")).toString()).isEqualTo(current);
        assertThat(Files.list(out.resolve("runs")).count()).as("no night ran").isEqualTo(Files.list(SampleRun.out().resolve("runs")).count());

        // A state from before the check has none: its file ledger's keyed references still tell the wrong key, which is not remembered.
        Files.delete(out.resolve("_state/key_check"));
        String again = Capture.stderr(() -> exit[0] = Main.execute("run", "--pilots", repo.resolve("jobs/pilots").toString(), "--data",
            repo.resolve("data-samples").toString(), "--out", out.toString(), "--as-of", SampleRun.AS_OF, "--key-file", key.toString()));
        assertThat(exit[0]).isEqualTo(2);
        assertThat(again).contains("the pseudonym key is not the one", "its file ledger's references of known files say so");
        assertThat(out.resolve("_state/key_check")).doesNotExist();
    }
}

package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.gevinst.testing.Capture;
import dk.gevinst.testing.Repo;
import dk.gevinst.testing.ReadOnlyFolders;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TinyRuns;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator sees when the output folder cannot be written, or the scheduler stops a run with SIGTERM. */
class StopAndPermissionsTest {

    @Test
    void aReadOnlyOutputFolderIsNamedWithItsPermissionsAndExitsSix(@TempDir Path tmp) throws Exception {
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC);
        Path data = TinyRuns.data(tmp.resolve("data"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        assumeTrue(ReadOnlyFolders.lock(out, true), "cannot make a folder read-only here (chattr or chmod failed)");
        try {
            String err = Capture.stderr(() -> assertThat(TinyRuns.run(pilots, data, out, "2026-03-31")).isEqualTo(6));
            assertThat(err).contains("cannot write to the output folder").contains(out.toString()).contains("has permissions")
                .contains("needs write permission").contains("pass another --out").doesNotContain("unexpected error").doesNotContain("\tat ");
            assertThat(err).contains("root".equals(System.getProperty("user.name")) ? "'sudo chattr -i " + out + "' clears it" : "sudo chown ");
        } finally {
            ReadOnlyFolders.lock(out, false);
        }
    }

    @Test
    void sigtermDuringARunPrintsOneLineAndNoStackTrace(@TempDir Path tmp) throws Exception {
        Path repo = Repo.root();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) if (arg.startsWith("--add-")) cmd.add(arg);
        cmd.addAll(List.of("-Dlog4j2.configurationFile=log4j2.properties", "-cp", System.getProperty("java.class.path"), "dk.gevinst.cli.Main",
            "run", "--pilots", repo.resolve("jobs/pilots").toString(), "--data", repo.resolve("data-samples").toString(),
            "--out", tmp.resolve("out").toString(), "--as-of", SampleRun.AS_OF, "--demo-key", "--master", "local[1]"));
        Path log = tmp.resolve("run.log");
        Process run = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (run.isAlive() && !Files.readString(log).contains("pilot specs valid") && System.nanoTime() < deadline) Thread.sleep(100);
            assertThat(run.isAlive()).as(Files.readString(log)).isTrue();
            Thread.sleep(1500);
            run.destroy();
            assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        } finally {
            run.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(output).as(output).contains("gevinst: exit 143 (stopped by a signal): the run was stopped before it finished").doesNotContain("\tat ").doesNotContain("Exception")
            .doesNotContainPattern("\\((\\w+)\\.(java|scala):[0-9]+\\)");
        assertThat(output.lines().count()).as(output).isLessThan(6);
        assertThat(tmp.resolve("out/_lock")).as("SIGTERM releases the lock").doesNotExist();
        assertThat(tmp.resolve("out/current")).as("nothing half-published").doesNotExist();
    }
}

package dk.gevinst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.testing.Capture;
import dk.gevinst.testing.Repo;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TestSpark;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run tells a terminal and a scheduler: its stages as they finish, nothing at all with --quiet on
 * a good night, one summary line on stderr when something failed, and a cluster that cannot run the job
 * as its own exit code with the master named.
 */
class RunReportingTest {
    private static final String STAGES = "specs|ingest|cells|evaluation|decision documents|tables|dashboard and swap";
    private final int[] exit = new int[1];

    /**
     * A good spec beside a broken one, over a data root without files: the run publishes and exits 2. No
     * data is not stale data here: the run config (written beside) switches the freshness expectation off.
     */
    private static Path pilots(Path tmp) throws Exception {
        Path pilots = tmp.resolve("pilots");
        if (Files.isDirectory(pilots)) return pilots;
        Files.createDirectories(pilots);
        Files.copy(Repo.root().resolve("jobs/pilots/chatbot.yaml"), pilots.resolve("chatbot.yaml"));
        TempDirs.write(pilots, "broken.yaml", Files.readString(pilots.resolve("chatbot.yaml")).replace("id: chatbot", "id: broken") + "colour: red\n");
        Files.createDirectories(tmp.resolve("data/cases"));
        TempDirs.write(tmp, "nightly.yaml", "freshness:\n  cases: off\n");
        return pilots;
    }

    private String[] run(Path tmp, String out, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--pilots", pilots(tmp).toString(), "--data", tmp.resolve("data").toString(),
            "--out", tmp.resolve(out).toString(), "--as-of", "2026-11-27", "--demo-key", "--config", tmp.resolve("nightly.yaml").toString()));
        args.addAll(List.of(extra));
        TestSpark.session();
        String[] streams = new String[2];
        streams[1] = Capture.stderr(() -> streams[0] = Capture.stdout(() -> exit[0] = Main.execute(args.toArray(String[]::new))));
        return streams;
    }

    @Test
    void aRunPrintsItsStagesAndAFailedRunEndsWithOneSummaryLine(@TempDir Path tmp) throws Exception {
        String[] loud = run(tmp, "out");
        assertThat(exit[0]).isEqualTo(2);
        List<String> progress = loud[1].lines().filter(l -> l.matches("^gevinst: (" + STAGES + ") +[0-9,]+ .* [0-9.]+ s$")).toList();
        assertThat(progress).extracting(l -> l.substring(9, 28).strip())
            .containsExactly("specs", "ingest", "cells", "evaluation", "decision documents", "tables", "dashboard and swap");
        assertThat(progress.get(0)).contains(" 2 pilot specs");
        assertThat(progress.get(3)).as("the invalid spec is not an evaluated pilot").contains(" 1 pilots, 1 invalid spec ");
        assertThat(loud[0]).as("no locale set: Danish").contains("FEJL    broken                   [ugyldig spec] ", "Dashboard: ");
        List<String> err = loud[1].lines().toList();
        assertThat(err.get(err.size() - 1)).startsWith("gevinst: exit 2 (bad pilot spec or arguments): run 2026-11-27_")
            .contains("published 1 pilots (0 GO, 1 EXTEND, 0 STOP, 0 errors) and 1 invalid spec, not evaluated; 1 problem: ", "broken.yaml", "unknown key 'colour'", "details in ");

        String[] quiet = run(tmp, "out-quiet", "--quiet");
        assertThat(exit[0]).isEqualTo(2);
        assertThat(quiet[0]).as("stdout under --quiet").isEmpty();
        assertThat(quiet[1].lines().filter(l -> l.matches("^gevinst: (" + STAGES + ") .*"))).isEmpty();
        assertThat(quiet[1].lines().reduce((a, b) -> b).orElse("")).startsWith("gevinst: exit 2 (bad pilot spec or arguments): run ");
    }

    @Test
    void aGoodNightUnderQuietPrintsNothingASchedulerWouldMail(@TempDir Path tmp) throws Exception {
        Path pilots = pilots(tmp);
        Files.delete(pilots.resolve("broken.yaml"));
        String[] quiet = run(tmp, "out", "--quiet");
        assertThat(exit[0]).isZero();
        assertThat(quiet[0]).isEmpty();
        assertThat(quiet[1].lines().filter(l -> !l.startsWith("WARNING: using the demo pseudonym key"))).isEmpty();
    }

    @Test
    void aMasterWithNothingListeningIsAClusterFailureThatNamesIt(@TempDir Path tmp) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String master = "spark://127.0.0.1:" + port;
        String[] streams = run(tmp, "out", "--master", master, "--executor-timeout", "5");
        assertThat(exit[0]).isEqualTo(7);
        assertThat(streams[1]).contains("the Spark master " + master + " does not answer", "127.0.0.1:" + port + " (Connection refused")
            .doesNotContain("\tat ", "unexpected error");
        assertThat(streams[1].lines().reduce((a, b) -> b).orElse("")).startsWith("gevinst: exit 7 (the Spark cluster could not run the job): the Spark master " + master);
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void aConfSettingOutsideSparkOrAgainstAFixedOneIsABadArgument(@TempDir Path tmp) throws Exception {
        String[] zone = run(tmp, "out", "--conf", "spark.sql.session.timeZone=Europe/Copenhagen");
        assertThat(exit[0]).isEqualTo(2);
        assertThat(zone[1]).contains("--conf sets spark.sql.session.timeZone=Europe/Copenhagen, but gevinst needs UTC");
        String[] key = run(tmp, "out", "--conf", "executor.memory=4g");
        assertThat(exit[0]).isEqualTo(2);
        assertThat(key[1]).contains("--conf names 'executor.memory', which is not a Spark setting");
    }
}

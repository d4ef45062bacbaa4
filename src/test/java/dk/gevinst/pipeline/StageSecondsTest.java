package dk.gevinst.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.publish.Json;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TinyRuns;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a night's time goes, as the benchmark and an operator read it: the run manifest carries wall and CPU
 * seconds for every stage, and a run started in its own process counts the JVM's start as a stage.
 */
class StageSecondsTest {
    private static final List<String> STAGES = List.of("specs", "ingest", "cells", "evaluation", "decision documents", "tables", "dashboard and swap");

    @Test
    void theManifestCarriesWallAndCpuSecondsForEveryStage(@TempDir Path tmp) throws Exception {
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC);
        assertThat(TinyRuns.run(pilots, TinyRuns.data(tmp.resolve("data")), tmp.resolve("out"), TinyRuns.NEWEST)).isZero();

        JsonNode m;
        try (var s = Files.list(tmp.resolve("out/runs"))) {
            m = Json.MAPPER.readTree(s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow().toFile());
        }
        assertThat(names(m.path("stage_seconds"))).as("a test JVM's run has no start stage").containsExactlyElementsOf(STAGES);
        assertThat(names(m.path("stage_cpu_seconds"))).containsExactlyElementsOf(STAGES);
        double cpu = 0;
        for (String stage : STAGES) {
            assertThat(m.path("stage_seconds").path(stage).asDouble(-1)).as(stage).isGreaterThanOrEqualTo(0);
            assertThat(m.path("stage_cpu_seconds").path(stage).asDouble(-1)).as(stage).isGreaterThanOrEqualTo(0);
            cpu += m.path("stage_cpu_seconds").path(stage).asDouble();
        }
        assertThat(cpu).as("a run that scanned and wrote Parquet used some CPU").isPositive();
    }

    @Test
    void theStartStageRunsFromTheJvmsStartAndTheNextStageFromThere() {
        List<String> heard = new ArrayList<>();
        StageClock clock = new StageClock((stage, count, what, seconds) -> heard.add(stage + " " + count + " " + what));
        double uptime = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
        clock.lapSinceProcessStart("start", 2, "cores");
        busy(200);
        clock.lap("specs", 3, "pilot specs");

        assertThat(heard).containsExactly("start 2 cores", "specs 3 pilot specs");
        assertThat(clock.seconds().get("start")).as("at least the JVM's uptime before the lap").isGreaterThanOrEqualTo(uptime - 0.01);
        assertThat(clock.seconds().get("specs")).as("the busy loop, not the JVM's start").isBetween(0.19, uptime + 60);
        assertThat(clock.cpuSeconds().get("specs")).as("the busy loop's CPU").isGreaterThanOrEqualTo(0.19);
        assertThat(clock.toString()).startsWith("start ").contains(", specs ");
    }

    /** Spins until this thread has used {@code millis} ms of CPU: as long as it takes on a loaded machine. */
    private static void busy(long millis) {
        var threads = ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + millis * 1_000_000;
        long x = 0;
        while (threads.getCurrentThreadCpuTime() < end) x += x * 31 + 7;
        if (x == 42) System.out.print("");
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}

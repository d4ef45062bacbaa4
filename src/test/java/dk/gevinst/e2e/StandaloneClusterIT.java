package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.gevinst.testing.Repo;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar data teams submit, on a real Spark standalone cluster: a Master and a Worker in their own JVMs
 * from target/lib, the thin target/gevinst.jar with target/submit-lib as --jars through Spark's own
 * SparkSubmit in client mode. The work runs in executor JVMs, where a closure that does not serialise, a
 * driver-local path or a class missing from the executor's classpath would break it. It must decide byte
 * for byte as the embedded run does, and a cluster without workers must be an operations error (exit 7).
 */
class StandaloneClusterIT {
    private static final String HOST = "127.0.0.1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path repo = Repo.root();
    private final Path target = repo.resolve("target");
    private final List<Process> daemons = new ArrayList<>();

    @AfterEach
    void stopDaemons() throws InterruptedException {
        // Worker first: it takes its executors down with it. Each by its own PID, never by name.
        for (int i = daemons.size() - 1; i >= 0; i--) {
            Process p = daemons.get(i);
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            p.descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void theSampleRunsOnExecutorsOfAStandaloneClusterAndDecidesAsEmbedded(@TempDir Path tmp) throws Exception {
        assertThat(target.resolve("gevinst.jar")).as("run after package: mvn verify").exists();
        long t0 = System.nanoTime();
        Path sparkHome = Files.createDirectories(tmp.resolve("spark-home"));
        // Spark's launcher finds the jars at SPARK_HOME/jars; without it every executor fails to start.
        Files.createSymbolicLink(sparkHome.resolve("jars"), target.resolve("lib"));
        int masterPort = freePort();
        int masterUi = freePort();
        String master = "spark://" + HOST + ":" + masterPort;
        daemons.add(start(tmp, sparkHome, "master.log", "org.apache.spark.deploy.master.Master",
            "--host", HOST, "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(masterUi)));
        daemons.add(start(tmp, sparkHome, "worker.log", "org.apache.spark.deploy.worker.Worker", master,
            "--host", HOST, "--port", String.valueOf(freePort()), "--webui-port", String.valueOf(freePort()),
            "--cores", "2", "--memory", "2g", "--work-dir", tmp.resolve("work").toString()));

        // The embedded run to compare with: the unit tests' run of the same build, or run here while the daemons start.
        Path embedded = SampleRun.out();
        assertThat(SampleRun.exitCode()).isZero();
        long t1 = System.nanoTime();
        awaitMaster(masterUi, tmp, j -> j.path("aliveworkers").asInt() == 1);
        long t2 = System.nanoTime();

        // Two applications at once. One asks for more memory than any worker has: accepted, never given an executor.
        Path starvedLog = tmp.resolve("starved.log");
        Process starved = submit(tmp, sparkHome, master, tmp.resolve("out-starved"), starvedLog, "8g", "--executor-timeout", "5");
        Path log = tmp.resolve("submit.log");
        Process real = submit(tmp, sparkHome, master, tmp.resolve("cluster"), log, "1g", "--executor-timeout", "120");

        int exit = await(starved, tmp);
        String said = Files.readString(starvedLog);
        assertThat(exit).as(said).isEqualTo(7);
        assertThat(lastLine(said)).startsWith("gevinst: exit 7 (the Spark cluster could not run the job): the Spark cluster " + master)
            .contains("no executor ran a task within 5 s", "Executors said: nothing (none started)", "yarn logs -applicationId app-");
        assertThat(said).doesNotContain("unexpected error");
        assertThat(tmp.resolve("out-starved/decisions")).doesNotExist();

        exit = await(real, tmp);
        long t3 = System.nanoTime();
        assertThat(exit).as(() -> diagnostics(tmp)).isZero();
        assertThat(Files.readString(log)).contains("GO      sagsoverblik");

        Map<String, Long> tasksByExecutor = tasksByExecutor(tmp.resolve("events"));
        assertThat(tasksByExecutor).as("tasks per executor, from the event log").isNotEmpty().doesNotContainKey("driver");
        assertThat(tasksByExecutor.values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(10);
        assertThat(masterJson(masterUi).path("completedapps")).anySatisfy(app -> {
            assertThat(app.path("name").asText()).isEqualTo("gevinst");
            assertThat(app.path("state").asText()).isEqualTo("FINISHED");
            assertThat(app.path("memoryperexecutor").asInt()).isEqualTo(1024);
        });
        for (String pilot : List.of("sagsoverblik", "datalake", "chatbot")) {
            assertThat(Files.readAllBytes(tmp.resolve("cluster/decisions/" + pilot + ".json")))
                .as(pilot).isEqualTo(Files.readAllBytes(embedded.resolve("decisions/" + pilot + ".json")));
        }
        System.out.printf("StandaloneClusterIT: embedded run %.0f s, cluster ready %.0f s later, both submissions %.0f s; tasks per executor %s%n",
            (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, tasksByExecutor);
    }

    private int await(Process p, Path tmp) throws InterruptedException {
        if (!p.waitFor(4, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("spark-submit did not finish in 4 minutes:\n" + diagnostics(tmp));
        }
        return p.exitValue();
    }

    private Process submit(Path tmp, Path sparkHome, String master, Path out, Path log, String executorMemory, String... extra) throws Exception {
        String opens = Files.readString(target.resolve("jvm-options")).trim();
        // As the README writes it: spark-submit expands the glob itself.
        String jars = target.resolve("submit-lib") + File.separator + "*.jar";
        Path events = Files.createDirectories(tmp.resolve("events"));
        List<String> cmd = java(opens);
        cmd.addAll(List.of("org.apache.spark.deploy.SparkSubmit", "--master", master, "--deploy-mode", "client",
            "--conf", "spark.executor.extraJavaOptions=" + opens,
            "--conf", "spark.executor.memory=" + executorMemory,
            "--conf", "spark.ui.enabled=false",
            "--conf", "spark.eventLog.enabled=true", "--conf", "spark.eventLog.dir=" + events.toUri(),
            "--conf", "spark.eventLog.compress=false", "--conf", "spark.eventLog.rolling.enabled=false",
            "--class", "dk.gevinst.cli.Main", "--jars", jars, target.resolve("gevinst.jar").toString(),
            "run", "--pilots", repo.resolve("jobs/pilots").toString(), "--data", repo.resolve("data-samples").toString(),
            "--out", out.toString(), "--as-of", SampleRun.AS_OF, "--demo-key"));
        cmd.addAll(List.of(extra));
        Process p = process(cmd, sparkHome, log);
        daemons.add(0, p);
        return p;
    }

    private Process start(Path tmp, Path sparkHome, String logName, String mainClass, String... args) throws IOException {
        List<String> cmd = java(Files.readString(target.resolve("jvm-options")).trim());
        cmd.add(1, "-Xmx512m");
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return process(cmd, sparkHome, tmp.resolve(logName));
    }

    private List<String> java(String opens) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(opens.split("\\s+")));
        cmd.addAll(List.of("-cp", target.resolve("lib") + File.separator + "*"));
        return cmd;
    }

    private static Process process(List<String> cmd, Path sparkHome, Path log) throws IOException {
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().put("SPARK_HOME", sparkHome.toString());
        // The worker's launcher looks for Scala-versioned build folders unless told the version.
        b.environment().put("SPARK_SCALA_VERSION", "2.13");
        b.environment().put("SPARK_LOCAL_IP", HOST);
        return b.start();
    }

    private static void awaitMaster(int uiPort, Path tmp, Predicate<JsonNode> ready) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                if (ready.test(masterJson(uiPort))) return;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the standalone cluster did not become ready in 120 s:\n" + diagnostics(tmp));
    }

    private static JsonNode masterJson(int uiPort) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + uiPort + "/json/")).timeout(Duration.ofSeconds(5)).build();
        return JSON.readTree(HTTP.send(req, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Finished tasks per executor id, from the uncompressed event log of every application under {@code dir}. */
    private static Map<String, Long> tasksByExecutor(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).flatMap(StandaloneClusterIT::lines)
                .filter(l -> l.contains("\"Event\":\"SparkListenerTaskEnd\""))
                .map(l -> {
                    try {
                        return JSON.readTree(l).path("Task Info").path("Executor ID").asText();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        }
    }

    private static Stream<String> lines(Path p) {
        try {
            return Files.readAllLines(p).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    /** The tails of every log the cluster wrote, executors' included, for a failure message. */
    private static String diagnostics(Path tmp) {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".log") || f.getFileName().toString().equals("stderr")).sorted().toList()) {
                List<String> lines = Files.readAllLines(p);
                b.append("==== ").append(tmp.relativize(p)).append('\n');
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> b.append(l).append('\n'));
            }
        } catch (IOException | UncheckedIOException e) {
            b.append("(could not read the logs: ").append(e).append(")\n");
        }
        return b.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

package dk.gevinst.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.gevinst.storage.Storage;
import dk.gevinst.testing.SchemaCheckedPublications;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader sees the previous complete publication or the new one at every instant. Each test publishes
 * an "old" version, then stops a "new" one at each step of the protocol (an exception from the hook, or a
 * real kill -9 of another JVM), reads what a reader would, and finally lets a later run publish over the
 * remains. The files here stand for decisions, dashboard and table partitions; no Spark is needed.
 */
class PublicationProtocolTest {
    private static final List<String> STEPS = List.of("built", "described", "switched", "linked", "cleaned");
    private final Storage storage = new Storage(new Configuration());

    /** The files here only stand for decision documents, so the suite's schema check is off in this class. */
    @BeforeEach
    void noSchemaCheck() {
        StagedPublish.setHook(null);
    }

    @AfterEach
    void restoreSchemaCheck() {
        SchemaCheckedPublications.install();
    }

    /** Publishes a version whose every file says {@code tag}; tables get the partition of {@code day}. */
    static void publish(Storage storage, Path out, String version, String tag, String day) throws IOException {
        org.apache.hadoop.fs.Path root = Storage.resolve(out.toString());
        try (RunLock lock = RunLock.acquire(storage, root, version, RunLock.DEFAULT_TIMEOUT)) {
            StagedPublish p = new StagedPublish(storage, root, version);
            p.carryForward(Publication.TABLES, rel -> rel.endsWith("/as_of=" + day));
            for (String pilot : List.of("a", "b")) {
                storage.writeText(new org.apache.hadoop.fs.Path(p.staged(Publication.DECISIONS), pilot + ".json"), "{\"tag\": \"" + tag + "\"}");
            }
            p.step("decisions");
            storage.writeText(new org.apache.hadoop.fs.Path(p.staged(Publication.TABLES), "decisions/as_of=" + day + "/part-0.parquet"), tag);
            p.step("tables");
            storage.writeText(new org.apache.hadoop.fs.Path(p.staged(Publication.DASHBOARD), "index.html"), tag);
            p.publish(lock, dk.gevinst.publish.Json.MAPPER.createObjectNode().put("as_of", day));
        }
    }

    /** What a reader sees: every file of the current publication, resolved once, by relative path. */
    private Map<String, String> read(Path out) throws IOException {
        var root = Publication.current(storage, Storage.resolve(out.toString()));
        if (root.isEmpty()) return Map.of();
        return files(Path.of(root.get().toUri()));
    }

    /** What a person (a bookmark, a script) sees through the fixed paths OUT/decisions, OUT/dashboard, OUT/tables. */
    private Map<String, String> readFixedPaths(Path out) throws IOException {
        Map<String, String> all = new TreeMap<>();
        for (String part : Publication.PARTS) {
            Path p = out.resolve(part);
            if (Files.exists(p)) files(p).forEach((k, v) -> all.put(part + "/" + k, v));
        }
        return all;
    }

    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(f).toString();
                if (!rel.startsWith("_") && !rel.contains("/.") && !rel.startsWith(".")) out.put(rel, Files.readString(f));
            }
        }
        return out;
    }

    private static Map<String, String> complete(String tag, Map<String, String> tables) {
        Map<String, String> m = new TreeMap<>(tables);
        m.put("decisions/a.json", "{\"tag\": \"" + tag + "\"}");
        m.put("decisions/b.json", "{\"tag\": \"" + tag + "\"}");
        m.put("dashboard/index.html", tag);
        return m;
    }

    private static final Map<String, String> OLD = complete("old", Map.of("tables/decisions/as_of=2026-11-26/part-0.parquet", "old"));
    private static final Map<String, String> NEW = complete("new", Map.of("tables/decisions/as_of=2026-11-26/part-0.parquet", "old",
        "tables/decisions/as_of=2026-11-27/part-0.parquet", "new"));

    @Test
    void aRunStoppedAtAnyStepLeavesTheOldPublicationOrTheNewWholeAndTheNextRunPublishes(@TempDir Path tmp) throws Exception {
        for (String stop : STEPS) {
            Path out = tmp.resolve("out-" + stop);
            publish(storage, out, "v1", "old", "2026-11-26");
            assertThat(read(out)).isEqualTo(OLD);
            StagedPublish.setHook((step, version) -> {
                if (step.equals(stop)) throw new IOException("stopped at " + step);
            });
            assertThatThrownBy(() -> publish(storage, out, "v2", "new", "2026-11-27")).hasMessageContaining("stopped at " + stop);
            StagedPublish.setHook(null);
            boolean switched = STEPS.indexOf(stop) >= STEPS.indexOf("switched");
            assertThat(read(out)).as("stopped at " + stop).isEqualTo(switched ? NEW : OLD);
            assertThat(readFixedPaths(out)).as("fixed paths, stopped at " + stop).isEqualTo(switched ? NEW : OLD);
            assertThat(out.resolve("_lock")).as("the lock is released on failure").doesNotExist();

            publish(storage, out, "v3", "next", "2026-11-28");
            Map<String, String> next = new TreeMap<>(complete("next", switched ? NEW : OLD));
            next.keySet().removeIf(k -> k.startsWith("tables/") && !k.contains("2026-11-2"));
            next.put("tables/decisions/as_of=2026-11-28/part-0.parquet", "next");
            assertThat(read(out)).isEqualTo(next);
            try (Stream<Path> versions = Files.list(out.resolve(Publication.VERSIONS))) {
                assertThat(versions.map(p -> p.getFileName().toString()).sorted())
                    .as("the new version and the one before it; leftovers cleaned only after the switch").containsExactly(switched ? "v2" : "v1", "v3");
            }
            try (Stream<Path> hidden = Files.list(out)) {
                assertThat(hidden.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".current-"));
            }
        }
    }

    @Test
    void aReaderWhoResolvedThePreviousVersionCanFinishAfterTheSwitch(@TempDir Path out) throws Exception {
        publish(storage, out, "v1", "old", "2026-11-26");
        var resolved = Publication.current(storage, Storage.resolve(out.toString())).orElseThrow();
        publish(storage, out, "v2", "new", "2026-11-27");
        assertThat(files(Path.of(resolved.toUri()))).isEqualTo(OLD);
        assertThat(Files.readSymbolicLink(out.resolve("current"))).isEqualTo(Path.of("published", "v2"));
        assertThat(Files.readSymbolicLink(out.resolve("dashboard"))).isEqualTo(Path.of("current", "dashboard"));
        assertThat(Files.getAttribute(out.resolve("tables/decisions/as_of=2026-11-26/part-0.parquet"), "unix:nlink"))
            .as("earlier partitions are hard links, not copies").isEqualTo(2);
    }

    @Test
    void anOutputFolderFromBeforeVersionsIsReadWhereItIsAndConvertedByTheNextPublication(@TempDir Path out) throws Exception {
        Files.createDirectories(out.resolve("decisions"));
        Files.writeString(out.resolve("decisions/a.json"), "{\"tag\": \"old\"}");
        Files.writeString(out.resolve("decisions/b.json"), "{\"tag\": \"old\"}");
        Files.createDirectories(out.resolve("dashboard"));
        Files.writeString(out.resolve("dashboard/index.html"), "old");
        Files.createDirectories(out.resolve("tables/decisions/as_of=2026-11-26"));
        Files.writeString(out.resolve("tables/decisions/as_of=2026-11-26/part-0.parquet"), "old");
        Files.createDirectories(out.resolve(".staging/killed-run"));
        assertThat(read(out)).isEqualTo(OLD);

        publish(storage, out, "v2", "new", "2026-11-27");
        assertThat(read(out)).isEqualTo(NEW);
        assertThat(readFixedPaths(out)).isEqualTo(NEW);
        assertThat(Files.isSymbolicLink(out.resolve("decisions"))).isTrue();
        assertThat(out.resolve(".staging")).doesNotExist();
        try (Stream<Path> versions = Files.list(out.resolve(Publication.VERSIONS))) {
            assertThat(versions.map(p -> p.getFileName().toString())).containsExactly("v2");
        }
    }

    @Test
    void aPointerFileAsOnHdfsIsFollowedToo(@TempDir Path out) throws Exception {
        publish(storage, out, "v1", "old", "2026-11-26");
        Files.delete(out.resolve("current"));
        Files.writeString(out.resolve("current"), "v1\n");
        assertThat(read(out)).isEqualTo(OLD);
        Files.writeString(out.resolve("current"), "../../etc\n");
        assertThatThrownBy(() -> read(out)).hasMessageContaining("not a version");
    }

    @Test
    void aRunKilledWithSigkillMidPublishLeavesAWholePublicationAndItsLockIsTakenOverAtOnce(@TempDir Path tmp) throws Exception {
        for (String stop : List.of("described", "switched")) {
            Path out = tmp.resolve("out-" + stop);
            publish(storage, out, "v1", "old", "2026-11-26");
            Path signal = tmp.resolve("signal-" + stop);
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PublishChild.class.getName(),
                out.toString(), "v2", "new", "2026-11-27", stop, signal.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child-" + stop + ".log").toFile()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (!Files.exists(signal) && child.isAlive() && System.nanoTime() < deadline) Thread.sleep(50);
                assertThat(signal).as(Files.readString(tmp.resolve("child-" + stop + ".log"))).exists();
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                child.destroyForcibly();
            }
            assertThat(out.resolve("_lock")).as("kill -9 runs no shutdown hook").exists();
            assertThat(read(out)).isEqualTo(stop.equals("switched") ? NEW : OLD);

            publish(storage, out, "v3", "next", "2026-11-28");
            assertThat(read(out).get("dashboard/index.html")).isEqualTo("next");
        }
    }
}

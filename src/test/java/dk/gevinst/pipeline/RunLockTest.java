package dk.gevinst.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.gevinst.storage.Storage;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run at a time, and never blocked by a dead one: a lock names its host, process and heartbeat; a
 * live holder (a thread of this JVM, another JVM) excludes; a gone process or an old heartbeat is taken over.
 */
class RunLockTest {
    private final Storage storage = new Storage(new Configuration());

    private static org.apache.hadoop.fs.Path root(Path out) {
        return Storage.resolve(out.toString());
    }

    private static String lockOf(String host, long pid) {
        return "{\"run_id\": \"earlier\", \"host\": \"" + host + "\", \"pid\": " + pid + ", \"started\": \"2026-11-27T03:00:00Z\"}\n";
    }

    private static String thisHost() throws Exception {
        return InetAddress.getLocalHost().getHostName();
    }

    @Test
    void twoLiveRunsInOneJvmExcludeEachOtherAndTheSecondIsToldToWaitNotToDelete(@TempDir Path out) throws Exception {
        try (RunLock first = RunLock.acquire(storage, root(out), "first", RunLock.DEFAULT_TIMEOUT)) {
            var second = CompletableFuture.supplyAsync(() -> {
                try (RunLock l = RunLock.acquire(storage, root(out), "second", RunLock.DEFAULT_TIMEOUT)) {
                    return "acquired";
                } catch (Exception e) {
                    return e.getMessage();
                }
            }).get(30, TimeUnit.SECONDS);
            assertThat(second).contains("another run holds the lock").contains("run first").contains("process " + ProcessHandle.current().pid())
                .contains("on " + thisHost()).contains("is taken over by the next run").doesNotContain("delete");
            first.verifyHeld();
        }
        assertThat(out.resolve("_lock")).doesNotExist();
    }

    @Test
    void aLockOfAProcessThatIsGoneIsTakenOverAtOnce(@TempDir Path out) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(out.resolve("_lock"), lockOf(thisHost(), gone.pid()));
        try (RunLock l = RunLock.acquire(storage, root(out), "next", RunLock.DEFAULT_TIMEOUT)) {
            assertThat(Files.readString(out.resolve("_lock"))).contains("\"run_id\" : \"next\"");
        }
    }

    @Test
    void aLockFromAnotherHostIsJudgedByItsHeartbeat(@TempDir Path out) throws Exception {
        Path lock = out.resolve("_lock");
        Files.writeString(lock, lockOf("driver-node-7", 4242));
        assertThatThrownBy(() -> RunLock.acquire(storage, root(out), "next", Duration.ofMinutes(10)))
            .isInstanceOf(GevinstException.class).hasMessageContaining("process 4242 on driver-node-7")
            .satisfies(e -> assertThat(((GevinstException) e).exitCode()).isEqualTo(ExitCode.LOCKED));
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minus(Duration.ofMinutes(11))));
        try (RunLock l = RunLock.acquire(storage, root(out), "next", Duration.ofMinutes(10))) {
            assertThat(Files.readString(lock)).contains("\"run_id\" : \"next\"");
        }
    }

    @Test
    void theHeartbeatKeepsALongRunAliveAndALostLockIsNoticedBeforePublishing(@TempDir Path out) throws Exception {
        Path lock = out.resolve("_lock");
        try (RunLock l = RunLock.acquire(storage, root(out), "long", Duration.ofMinutes(10), Duration.ofMillis(50))) {
            Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (Files.getLastModifiedTime(lock).toInstant().isBefore(Instant.now().minusSeconds(60)) && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(Files.getLastModifiedTime(lock).toInstant()).isAfter(Instant.now().minusSeconds(60));

            Files.writeString(lock, lockOf("driver-node-7", 4242));
            assertThatThrownBy(l::verifyHeld).isInstanceOf(GevinstException.class).hasMessageContaining("lost the lock");
        }
        assertThat(Files.readString(lock)).as("a run that lost its lock leaves the new holder's lock alone").contains("driver-node-7");
    }

    @Test
    void aLockHeldByAnotherLiveJvmExcludesAndIsTakenOverAfterKillNine(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Path signal = tmp.resolve("signal");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), PublishChild.class.getName(), out.toString(), "v1", "child", "2026-11-27", "built", signal.toString())
            .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(signal) && child.isAlive() && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(signal).as(Files.readString(tmp.resolve("child.log"))).exists();
            assertThatThrownBy(() -> RunLock.acquire(storage, root(out), "parent", RunLock.DEFAULT_TIMEOUT))
                .hasMessageContaining("process " + child.pid());
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        try (RunLock l = RunLock.acquire(storage, root(out), "parent", RunLock.DEFAULT_TIMEOUT)) {
            assertThat(Files.readString(out.resolve("_lock"))).contains("\"run_id\" : \"parent\"");
        }
    }
}

package dk.gevinst.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.publish.Json;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.Path;

/**
 * One run at a time per output folder. {@code OUT/_lock} is created exclusively and names its holder: run
 * id, host, process id and the process's start time. While the run lives, a daemon thread refreshes the
 * lock's modification time every {@link #HEARTBEAT} (the heartbeat). A lock is taken over, with a warning,
 * when its process is gone (judged on the same host, where process ids can be checked) or when its
 * heartbeat is older than the timeout (the only judge across hosts, e.g. a driver on another cluster node).
 * A take-over renames the lock to a name of its own first, so of two runs taking over at once one wins.
 * The lock is released on exit, including on SIGTERM; after kill -9 the next run takes it over at once.
 */
public final class RunLock implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunLock.class);
    public static final Duration HEARTBEAT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    static final String FILE = "_lock";

    private final Storage storage;
    private final Path file;
    private final String text;
    private final Thread releaseOnExit;
    private final ScheduledExecutorService heartbeat;
    private volatile boolean lost;

    private RunLock(Storage storage, Path file, String text, Duration beat) {
        this.storage = storage;
        this.file = file;
        this.text = text;
        this.releaseOnExit = new Thread(this::release, "gevinst-lock-release");
        Runtime.getRuntime().addShutdownHook(releaseOnExit);
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gevinst-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(this::beat, beat.toMillis(), beat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Who holds a lock, as its file says; any field may be missing in a lock written by hand or by an old version. */
    record Holder(String runId, String host, long pid, Instant processStarted, String raw) {
        static Holder parse(String raw) {
            try {
                JsonNode n = Json.MAPPER.readTree(raw);
                if (n != null && n.isObject()) {
                    Instant started = n.path("process_started").isTextual() ? Instant.parse(n.path("process_started").asText()) : null;
                    return new Holder(n.path("run_id").asText(null), n.path("host").asText(null), n.path("pid").asLong(-1), started, raw);
                }
            } catch (IOException | RuntimeException notJson) {
                // an older lock ("run_id=...") or one written by hand: judged by its heartbeat alone
            }
            String runId = null;
            for (String line : raw.split("\n")) if (line.startsWith("run_id=")) runId = line.substring(7).trim();
            return new Holder(runId, null, -1, null, raw);
        }

        String describe() {
            return "run " + (runId == null ? "unknown" : runId) + (pid > 0 ? ", process " + pid : "") + (host != null ? " on " + host : "");
        }
    }

    public static RunLock acquire(Storage storage, Path outRoot, String runId, Duration timeout) throws IOException {
        return acquire(storage, outRoot, runId, timeout, HEARTBEAT);
    }

    static RunLock acquire(Storage storage, Path outRoot, String runId, Duration timeout, Duration beat) throws IOException {
        Path file = new Path(outRoot, FILE);
        String text = holderText(runId);
        for (int attempt = 0; attempt < 3; attempt++) {
            if (storage.createExclusive(file, text)) return new RunLock(storage, file, text, beat);
            String raw;
            long age;
            try {
                raw = storage.readText(file);
                age = System.currentTimeMillis() - storage.modificationTime(file);
            } catch (java.io.FileNotFoundException gone) {
                continue;
            }
            Holder holder = Holder.parse(raw);
            String stale = staleBecause(holder, Duration.ofMillis(age), timeout);
            if (stale == null) {
                throw new GevinstException(ExitCode.LOCKED, "another run holds the lock " + file + ": " + holder.describe()
                    + ", heartbeat " + Duration.ofMillis(age).toSeconds() + " s ago, and it is alive. Wait for it to finish;"
                    + " a lock whose process is gone, or whose heartbeat is older than lock_timeout_minutes ("
                    + timeout.toMinutes() + "), is taken over by the next run.");
            }
            LOG.warn("Taking over the lock {} of {}: {}", file, holder.describe(), stale);
            takeOver(storage, file, raw, runId);
        }
        throw new GevinstException(ExitCode.LOCKED, "the lock " + file + " changed hands while this run tried to take it over;"
            + " another run is starting at the same moment. Try again later.");
    }

    /** Why a lock is stale, or null while its holder may be alive. */
    static String staleBecause(Holder h, Duration heartbeatAge, Duration timeout) {
        if (h.host() != null && h.pid() > 0 && h.host().equals(host())) {
            var process = ProcessHandle.of(h.pid());
            if (process.isEmpty()) return "its process " + h.pid() + " is gone";
            Instant started = process.get().info().startInstant().orElse(null);
            if (h.processStarted() != null && started != null && Math.abs(Duration.between(started, h.processStarted()).toMillis()) > 1000) {
                return "its process " + h.pid() + " is gone (the number now belongs to another process)";
            }
            return null;
        }
        if (heartbeatAge.compareTo(timeout) > 0) {
            return "its heartbeat is " + heartbeatAge.toMinutes() + " minutes old (lock_timeout_minutes " + timeout.toMinutes() + ")";
        }
        return null;
    }

    /**
     * Moves the stale lock to a name only this run uses, then checks that what it moved is the lock it judged.
     * If another run took it over in between, this run has moved a live lock: it puts it back and gives way.
     */
    private static void takeOver(Storage storage, Path file, String judged, String runId) throws IOException {
        Path aside = new Path(file.getParent(), FILE + ".taken-by-" + runId);
        if (!storage.rename(file, aside)) return;
        String moved = storage.readText(aside);
        if (moved.equals(judged)) {
            storage.delete(aside);
            return;
        }
        if (!storage.exists(file)) storage.rename(aside, file);
        throw new GevinstException(ExitCode.LOCKED, "another run took over the lock " + file + " at the same moment: "
            + Holder.parse(moved).describe() + ". Wait for it to finish.");
    }

    private static String holderText(String runId) throws IOException {
        ProcessHandle me = ProcessHandle.current();
        ObjectNode o = Json.MAPPER.createObjectNode().put("run_id", runId).put("host", host()).put("pid", me.pid())
            .put("started", Instant.now().toString());
        me.info().startInstant().ifPresent(i -> o.put("process_started", i.toString()));
        return Json.MAPPER.writeValueAsString(o) + "\n";
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    private void beat() {
        try {
            if (!ours()) {
                lost = true;
                LOG.error("The lock {} no longer names this run; another run took it over. This run will not publish.", file);
                heartbeat.shutdown();
                return;
            }
            storage.touch(file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not refresh the lock {}: {}", file, e.getMessage());
        }
    }

    private boolean ours() throws IOException {
        try {
            return storage.readText(file).equals(text);
        } catch (java.io.FileNotFoundException e) {
            return false;
        }
    }

    /** Called right before the publication switches: a run that lost its lock must not publish. */
    public void verifyHeld() throws IOException {
        if (lost || !ours()) {
            throw new GevinstException(ExitCode.LOCKED, "this run lost the lock " + file + " to another run before publishing;"
                + " nothing was published by this run");
        }
    }

    private void release() {
        heartbeat.shutdownNow();
        try {
            if (ours()) storage.delete(file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not remove the lock {}: {}", file, e.getMessage());
        }
    }

    @Override
    public void close() {
        release();
        try {
            Runtime.getRuntime().removeShutdownHook(releaseOnExit);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down; the hook does the same
        }
    }
}

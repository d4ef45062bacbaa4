package dk.gevinst.pipeline;

import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import org.apache.hadoop.fs.Path;

/**
 * One run at a time per output folder. The lock file is created exclusively; a lock older than its time to
 * live is taken to belong to a killed run and is taken over with a warning, so a crash does not block the
 * schedule forever. It is released on exit, including on SIGTERM.
 */
public final class RunLock implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunLock.class);
    private final Storage storage;
    private final Path file;
    private final Thread releaseOnExit;

    private RunLock(Storage storage, Path file) {
        this.storage = storage;
        this.file = file;
        this.releaseOnExit = new Thread(this::release, "gevinst-lock-release");
        Runtime.getRuntime().addShutdownHook(releaseOnExit);
    }

    public static RunLock acquire(Storage storage, Path outRoot, String runId, Duration ttl) throws IOException {
        Path file = new Path(outRoot, "_lock");
        String text = "run_id=" + runId + "\nprocess=" + ManagementFactory.getRuntimeMXBean().getName() + "\nstarted=" + Instant.now() + "\n";
        if (storage.createExclusive(file, text)) return new RunLock(storage, file);
        long age = System.currentTimeMillis() - storage.modificationTime(file);
        if (age > ttl.toMillis()) {
            LOG.warn("Taking over a lock {} old at {}: its run is presumed killed (lock_ttl_hours {})",
                Duration.ofMillis(age), file, ttl.toHours());
            storage.delete(file);
            if (storage.createExclusive(file, text)) return new RunLock(storage, file);
        }
        String holder;
        try {
            holder = storage.readText(file).replace('\n', ' ').trim();
        } catch (IOException e) {
            holder = "unknown";
        }
        throw new GevinstException(ExitCode.LOCKED, "another run holds the lock " + file + " (" + holder
            + "). Wait for it to finish; if it was killed, delete the file or wait for lock_ttl_hours to pass.");
    }

    private void release() {
        try {
            storage.delete(file);
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

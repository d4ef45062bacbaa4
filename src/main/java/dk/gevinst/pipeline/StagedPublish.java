package dk.gevinst.pipeline;

import dk.gevinst.storage.Storage;
import java.io.IOException;
import org.apache.hadoop.fs.Path;

/**
 * Outputs are written to {@code OUT/.staging/<run_id>/} and swapped into place by rename, which is atomic
 * on local filesystems and HDFS: a reader sees the previous night's decisions or tonight's, never half.
 */
public final class StagedPublish {
    private final Storage storage;
    private final Path out;
    private final Path staging;

    public StagedPublish(Storage storage, Path out, String runId) {
        this.storage = storage;
        this.out = out;
        this.staging = new Path(new Path(out, ".staging"), runId);
    }

    /** Removes what killed runs left in staging; nothing there was ever published. */
    public void clearLeftovers() throws IOException {
        storage.delete(new Path(out, ".staging"));
    }

    public Path staged(String name) {
        return new Path(staging, name);
    }

    /** Swaps the staged folder {@code name} in for the live {@code OUT/name}. */
    public void publish(String name) throws IOException {
        Path live = new Path(out, name);
        Path fresh = staged(name);
        Path old = new Path(staging, "previous-" + name);
        if (!storage.exists(fresh)) storage.mkdirs(fresh);
        if (storage.exists(live) && !storage.rename(live, old)) throw new IOException("could not move " + live + " aside");
        if (!storage.rename(fresh, live)) {
            if (storage.exists(old)) storage.rename(old, live);
            throw new IOException("could not publish " + fresh + " as " + live);
        }
        storage.delete(old);
    }

    /** Removes the staging folder; safe because every writer of OUT holds the run lock. */
    public void finish() throws IOException {
        storage.delete(new Path(out, ".staging"));
    }
}

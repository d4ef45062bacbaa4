package dk.gevinst.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.Path;

/**
 * The files already ingested, with their size and modification time: a file is read again only if it is
 * new or has changed. One small JSON file per run, written after the data (to a temporary name, then
 * renamed), so an interrupted run is simply redone by the next one.
 */
public final class FileLedger {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Storage storage;
    private final Path folder;
    private final Set<String> known = new HashSet<>();
    private final List<Entry> entries = new ArrayList<>();

    /** One ingested file and its conservation counts. */
    public record Entry(String source, String path, long size, long modified, String runId,
                        long rowsRead, long rowsAccepted, long rowsQuarantined, java.util.Map<String, Long> byReason,
                        java.util.Map<String, Long> cprMasked) {}

    public FileLedger(Storage storage, Path folder) throws IOException {
        this.storage = storage;
        this.folder = folder;
        for (Storage.FileEntry f : storage.listFiles(folder)) {
            if (!f.path().getName().endsWith(".json")) continue;
            for (Entry e : JSON.readValue(storage.readText(f.path()), Entry[].class)) {
                known.add(key(e.path(), e.size(), e.modified()));
                entries.add(e);
            }
        }
    }

    private static String key(String path, long size, long modified) {
        return path + "|" + size + "|" + modified;
    }

    public boolean contains(String path, long size, long modified) {
        return known.contains(key(path, size, modified));
    }

    /** Every file ever ingested (the latest entry per path wins), for cumulative data-health figures. */
    public List<Entry> entries() {
        java.util.Map<String, Entry> latest = new java.util.TreeMap<>();
        for (Entry e : entries) latest.merge(e.path(), e, (a, b) -> b.runId().compareTo(a.runId()) >= 0 ? b : a);
        return List.copyOf(latest.values());
    }

    public void record(String runId, List<Entry> fresh) throws IOException {
        if (fresh.isEmpty()) return;
        Path tmp = new Path(folder, "." + runId + ".json.tmp");
        Path target = new Path(folder, runId + ".json");
        try {
            storage.writeText(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(fresh));
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        if (storage.exists(target)) storage.delete(target);
        if (!storage.rename(tmp, target)) throw new IOException("could not rename " + tmp + " to " + target);
        for (Entry e : fresh) {
            known.add(key(e.path(), e.size(), e.modified()));
            entries.add(e);
        }
    }
}

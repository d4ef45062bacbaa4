package dk.gevinst.pipeline;

import dk.gevinst.ingest.FileLedger;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.Path;

/**
 * The file versions that runs which never finished read since the last run that did. A run killed after its ingest
 * has recorded what it read in the ledger, so the next run does not read those files again, but it wrote no
 * manifest: without this, no manifest would ever count those rows. The next run's manifest lists them under
 * {@code read_by_unfinished_runs}.
 */
final class UnfinishedReads {
    private UnfinishedReads() {}

    /**
     * @param runs  OUT/runs, the finished runs' manifests ({@code <run_id>.json})
     * @param known the ledger's entries known tonight
     */
    static List<FileLedger.Entry> since(Storage storage, Path runs, String tonight, List<FileLedger.Entry> known) throws IOException {
        Set<String> finished = new HashSet<>();
        long lastFinished = Long.MIN_VALUE;
        for (Storage.FileEntry f : storage.listFiles(runs)) {
            String name = f.path().getName();
            if (!name.endsWith(".json")) continue;
            finished.add(name.substring(0, name.length() - ".json".length()));
            lastFinished = Math.max(lastFinished, f.modified());
        }
        long since = lastFinished;
        return known.stream()
            .filter(e -> e.runId() != null && !e.runId().equals(tonight) && !finished.contains(e.runId()))
            .filter(e -> Instant.parse(e.recordedAt()).toEpochMilli() > since)
            .toList();
    }
}

package dk.gevinst.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.ingest.FileLedger;
import dk.gevinst.publish.Json;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.Path;

/**
 * The file versions read by runs that never finished and that no manifest has listed yet. A run killed after its
 * ingest has recorded what it read in the ledger, so the next run does not read those files again, but it wrote no
 * manifest: without this, no manifest would ever count those rows. The next run's manifest lists them under
 * {@code read_by_unfinished_runs}, once, whatever became of the versions since (replaced, withdrawn, or not known
 * on a replayed night). Run ids, not times, say what was listed: a run's start and a manifest's write are stamped by
 * different clocks.
 */
final class UnfinishedReads {
    private UnfinishedReads() {}

    /**
     * @param runs    OUT/runs, the finished runs' manifests ({@code <run_id>.json})
     * @param records every record of the ledger, superseded and withdrawn versions included
     */
    static List<FileLedger.Entry> notListed(Storage storage, Path runs, String tonight, List<FileLedger.Entry> records) throws IOException {
        List<Storage.FileEntry> manifests = storage.listFiles(runs).stream().filter(f -> f.path().getName().endsWith(".json")).toList();
        Set<String> finished = new HashSet<>();
        for (Storage.FileEntry f : manifests) finished.add(f.path().getName().substring(0, f.path().getName().length() - ".json".length()));
        List<FileLedger.Entry> unfinished = records.stream()
            .filter(e -> e.runId() != null && !e.runId().equals(tonight) && !finished.contains(e.runId())).toList();
        // Almost every night no run died: then no manifest needs reading, only their names.
        if (unfinished.isEmpty()) return unfinished;
        Set<String> listed = new HashSet<>();
        for (Storage.FileEntry f : manifests) {
            try {
                for (JsonNode r : Json.MAPPER.readTree(storage.readAll(f.path())).path("read_by_unfinished_runs")) listed.add(r.path("run_id").asText());
            } catch (IOException | RuntimeException e) {
                // A manifest that cannot be read lists nothing; its own run is finished all the same.
            }
        }
        return unfinished.stream().filter(e -> !listed.contains(e.runId()))
            .sorted(Comparator.comparing(FileLedger.Entry::source).thenComparing(FileLedger.Entry::display).thenComparing(FileLedger.Entry::version))
            .toList();
    }
}

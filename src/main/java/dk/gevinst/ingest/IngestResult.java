package dk.gevinst.ingest;

import dk.gevinst.source.Source;
import java.util.List;
import java.util.Map;

/**
 * What one ingest did: counts per source for the files it read this run, files it rejected (exit code 3)
 * or skipped, how many values had a CPR number masked this run, per {@code source.column}, and the ledger
 * of every file ingested so far (for cumulative data-health figures).
 */
public record IngestResult(Map<Source, SourceCounts> counts, List<FileProblem> rejected, List<FileProblem> skipped,
                           Map<String, Long> cprMasked, List<FileLedger.Entry> ledger) {
    public IngestResult {
        counts = Map.copyOf(counts);
        ledger = List.copyOf(ledger);
        rejected = List.copyOf(rejected);
        skipped = List.copyOf(skipped);
        cprMasked = Map.copyOf(cprMasked);
    }
}

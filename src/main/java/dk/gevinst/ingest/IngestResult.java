package dk.gevinst.ingest;

import dk.gevinst.source.Source;
import java.util.List;
import java.util.Map;

/**
 * What one ingest did: counts per source for the files it read this run, files it rejected (exit code 3)
 * or skipped, and how many values had a CPR number masked, per {@code source.column}.
 */
public record IngestResult(Map<Source, SourceCounts> counts, List<FileProblem> rejected, List<FileProblem> skipped,
                           Map<String, Long> cprMasked) {
    public IngestResult {
        counts = Map.copyOf(counts);
        rejected = List.copyOf(rejected);
        skipped = List.copyOf(skipped);
        cprMasked = Map.copyOf(cprMasked);
    }
}

package dk.gevinst.ingest;

import dk.gevinst.source.Source;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one ingest did: counts per source for the files it read this run; files it rejected (exit code 3),
 * skipped (not data files, folders, links it does not follow) or found removed (their rows dropped); how
 * many values had a CPR number masked this run, per {@code source.column}; the known files that look cut off
 * during export (see CutOffFiles: their rows stand, the rows they lack are gone); warnings about columns (likely
 * typos); and the ledger entries of the files known on the night evaluated (for data-health figures).
 * Every path is a display path: under the data root, CPR-shaped text masked.
 */
public record IngestResult(Map<Source, SourceCounts> counts, List<FileProblem> rejected, List<FileProblem> skipped,
                           List<FileProblem> removed, Map<String, Long> cprMasked, List<FileProblem> columnWarnings,
                           List<CutOffFile> cutOff, List<FileLedger.Entry> ledger) {
    public IngestResult {
        // In source order, so the run's log and manifest list sources the same way every run (Map.copyOf would not).
        counts = counts.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(counts));
        ledger = List.copyOf(ledger);
        rejected = List.copyOf(rejected);
        skipped = List.copyOf(skipped);
        removed = List.copyOf(removed);
        cprMasked = Collections.unmodifiableMap(new TreeMap<>(cprMasked));
        columnWarnings = List.copyOf(columnWarnings);
        cutOff = List.copyOf(cutOff);
    }

    /** The same result with more column warnings (those that need the pilot specs, see IndicatorColumns). */
    public IngestResult withColumnWarnings(List<FileProblem> more) {
        List<FileProblem> all = new ArrayList<>(columnWarnings);
        all.addAll(more);
        return new IngestResult(counts, rejected, skipped, removed, cprMasked, all, cutOff, ledger);
    }
}

package dk.gevinst.ingest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts of one source in one run, summed over the files it read, and (when it read any) how the rows
 * stored for the source split into current versions and versions a later row replaced.
 */
public record SourceCounts(long rowsRead, long rowsAccepted, long rowsQuarantined, Map<String, Long> byReason, List<FileCounts> files,
                           VersionCounts versions) {
    public static SourceCounts of(List<FileCounts> files) {
        return of(files, null);
    }

    public static SourceCounts of(List<FileCounts> files, VersionCounts versions) {
        long read = 0, accepted = 0, quarantined = 0;
        Map<String, Long> reasons = new TreeMap<>();
        for (FileCounts f : files) {
            read += f.rowsRead();
            accepted += f.rowsAccepted();
            quarantined += f.rowsQuarantined();
            f.byReason().forEach((k, v) -> reasons.merge(k, v, Long::sum));
        }
        return new SourceCounts(read, accepted, quarantined, reasons, List.copyOf(files), versions);
    }
}

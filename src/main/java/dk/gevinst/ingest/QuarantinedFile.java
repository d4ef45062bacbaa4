package dk.gevinst.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A known file version most of whose rows went to quarantine: in effect a file the night could not read, though
 * no required column was missing. A month's export with its dates written month-first loses every row to
 * {@code bad_value:opened_at}; the source's counts barely move, so without this the pilots resting on it would
 * not say that a month of their data is missing. {@code reason} is the commonest reason; {@code path} is relative
 * to the data root.
 */
public record QuarantinedFile(String source, String path, long rowsRead, long rowsQuarantined, String reason) {
    /** Fewer rows than this are too few to call a file lost by its share: a short file with one bad row is not. */
    static final long MIN_ROWS = 10;

    /** The known versions (FileLedger#knownOn) with at least MIN_ROWS rows read, at least half of them quarantined. */
    public static List<QuarantinedFile> ofKnownFiles(List<FileLedger.Entry> known) {
        List<QuarantinedFile> out = new ArrayList<>();
        for (FileLedger.Entry e : known) {
            if (e.rowsRead() < MIN_ROWS || 2 * e.rowsQuarantined() < e.rowsRead()) continue;
            String reason = e.byReason() == null ? "" : e.byReason().entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse("");
            out.add(new QuarantinedFile(e.source(), e.display(), e.rowsRead(), e.rowsQuarantined(), reason));
        }
        return out;
    }
}

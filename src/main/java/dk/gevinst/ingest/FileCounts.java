package dk.gevinst.ingest;

import java.util.Map;
import java.util.TreeMap;

/**
 * Conservation counts of one file version (rows read = rows accepted + rows quarantined), its masked CPR
 * numbers per {@code source.column}, a note when there is something to say (a header-only file), and the
 * units its accepted rows name with the earliest day a row names each (ISO date; see FileLedger.Entry#units).
 * {@code path} is the display path: under the data root, CPR-shaped text masked. {@code unknownCandidates}: per
 * unit, the rows quarantined as {@code unknown_candidate} (see FileLedger.Entry#unknownCandidates).
 * {@code latestOwnDay}: the latest own day of an accepted row (ISO date, null when none has one; see
 * FileLedger.Entry#latestOwnDay).
 */
public record FileCounts(String source, String path, String fileRef, long rowsRead, long rowsAccepted, long rowsQuarantined,
                         Map<String, Long> byReason, Map<String, Long> cprMasked, String note, Map<String, String> units,
                         Map<String, Long> unknownCandidates, String latestOwnDay) {
    public FileCounts {
        unknownCandidates = new TreeMap<>(unknownCandidates);
        byReason = new TreeMap<>(byReason);
        units = new TreeMap<>(units);
        cprMasked = new TreeMap<>(cprMasked);
        if (rowsRead != rowsAccepted + rowsQuarantined) {
            throw new IllegalStateException("row conservation broken for " + source + "/" + path + ": read " + rowsRead
                + " != accepted " + rowsAccepted + " + quarantined " + rowsQuarantined);
        }
    }
}

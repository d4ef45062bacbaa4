package dk.gevinst.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A known file version that lost half or more of its rows to quarantine: in effect a file the night could not read,
 * though no required column was missing. A month's export with its dates written month-first loses every row to
 * {@code bad_value:opened_at}; the source's counts barely move, so without this the pilots resting on it would not
 * say that a month of their data is missing. Rows quarantined as duplicates (the same row twice: nothing is lost)
 * or as naming an unknown candidate (flagged on the comparisons, see UnknownCandidates) do not count as lost.
 * {@code reason} is the commonest counted reason; {@code path} is relative to the data root.
 */
public record QuarantinedFile(String source, String path, long rowsRead, long rowsLost, String reason) {
    /** Fewer rows than this are too few to call a file lost by its share: a short file with one bad row is not. */
    static final long MIN_ROWS = 10;

    /**
     * The known versions (FileLedger#knownOn) with at least MIN_ROWS rows that could count (read, less duplicates and
     * unknown candidates), half or more of them lost. {@code rowsRead} is that count.
     */
    public static List<QuarantinedFile> ofKnownFiles(List<FileLedger.Entry> known) {
        List<QuarantinedFile> out = new ArrayList<>();
        for (FileLedger.Entry e : known) {
            if (e.rowsRead() < MIN_ROWS || e.byReason() == null) continue;
            long lost = 0, notLost = 0;
            Map.Entry<String, Long> commonest = null;
            for (Map.Entry<String, Long> r : new java.util.TreeMap<>(e.byReason()).entrySet()) {
                if (!lost(r.getKey())) {
                    notLost += r.getValue();
                    continue;
                }
                lost += r.getValue();
                if (commonest == null || r.getValue() > commonest.getValue()) commonest = r;
            }
            // Of the rows that could count: a duplicate was never a row of its own.
            long rows = e.rowsRead() - notLost;
            if (rows < MIN_ROWS || 2 * lost < rows) continue;
            out.add(new QuarantinedFile(e.source(), e.display(), rows, lost, commonest == null ? "" : commonest.getKey()));
        }
        out.sort(Comparator.comparing(QuarantinedFile::source).thenComparing(QuarantinedFile::path));
        return out;
    }

    private static boolean lost(String reason) {
        return !reason.equals(Reasons.DUPLICATE) && !reason.startsWith(Reasons.unknownCandidate(""));
    }
}

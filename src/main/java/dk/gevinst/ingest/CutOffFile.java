package dk.gevinst.ingest;

/**
 * A known file version that looks cut off during export (see CutOffFiles): where it is, why, the rows read
 * from it and, when it replaced an earlier version of the same file, that version's rows read (null for a new
 * file, and for ledgers written before the count was kept). {@code path} is relative to the data root.
 */
public record CutOffFile(String source, String path, String message, long rowsRead, Long replacedRowsRead) {
    /** It replaced an earlier version with more rows (the other sign of a cut is a last line that is no whole record). */
    public boolean fewerRows() {
        return replacedRowsRead != null && rowsRead < replacedRowsRead;
    }

    static CutOffFile of(FileLedger.Entry e) {
        return new CutOffFile(e.source(), e.display(), e.cutOff(), e.rowsRead(), e.replacedRowsRead());
    }
}

package dk.gevinst.ingest;

import java.util.Map;
import java.util.TreeMap;

/** Conservation counts of one file (rows read = rows accepted + rows quarantined), and its masked CPR numbers per column. */
public record FileCounts(String source, String path, long rowsRead, long rowsAccepted, long rowsQuarantined, Map<String, Long> byReason,
                         Map<String, Long> cprMasked) {
    public FileCounts {
        byReason = new TreeMap<>(byReason);
        cprMasked = new TreeMap<>(cprMasked);
        if (rowsRead != rowsAccepted + rowsQuarantined) {
            throw new IllegalStateException("row conservation broken for " + source + "/" + path + ": read " + rowsRead
                + " != accepted " + rowsAccepted + " + quarantined " + rowsQuarantined);
        }
    }
}

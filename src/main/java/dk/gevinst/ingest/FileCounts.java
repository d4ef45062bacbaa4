package dk.gevinst.ingest;

import java.util.Map;
import java.util.TreeMap;

/** Conservation counts of one file: rows read = rows accepted + rows quarantined. */
public record FileCounts(String source, String path, long rowsRead, long rowsAccepted, long rowsQuarantined, Map<String, Long> byReason) {
    public FileCounts {
        byReason = new TreeMap<>(byReason);
        if (rowsRead != rowsAccepted + rowsQuarantined) {
            throw new IllegalStateException("row conservation broken for " + source + "/" + path + ": read " + rowsRead
                + " != accepted " + rowsAccepted + " + quarantined " + rowsQuarantined);
        }
    }
}

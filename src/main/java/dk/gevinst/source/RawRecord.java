package dk.gevinst.source;

import java.util.Map;

/** One record as read, before validation: its line in the file and its fields by (lower-case) header name. */
public record RawRecord(long line, Map<String, String> fields, String malformed) implements java.io.Serializable {
    public static RawRecord of(long line, Map<String, String> fields) {
        return new RawRecord(line, fields, null);
    }

    public static RawRecord malformed(long line, String why) {
        return new RawRecord(line, Map.of(), why);
    }
}

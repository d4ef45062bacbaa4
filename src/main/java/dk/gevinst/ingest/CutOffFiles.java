package dk.gevinst.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.gevinst.source.FileFormat;
import dk.gevinst.source.TextDecoding;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;

/**
 * A file re-exported while its export was still writing arrives cut off: fewer rows than the version it
 * replaces, or a last line that stops mid-record without a line end. Read on its own it looks valid, and
 * since a new version replaces the old one's rows, the rows it lost would vanish with exit 0. Such a file is
 * kept (it may be a real correction) but named, in the manifest and as partial data on the pilots using it.
 */
public final class CutOffFiles {
    private static final int TAIL_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CutOffFiles() {}

    /**
     * Why a freshly read version looks cut off, in English naming the file's numbers and the fix; null when
     * it does not. {@code previous} is the live version it replaces (null for a new file).
     */
    public static String check(Storage storage, SourceFile file, HeaderCheck.Head head, long rowsRead, FileLedger.Entry previous) {
        String tail = null;
        try {
            tail = malformedLastLine(storage, file, head);
        } catch (IOException | RuntimeException e) {
            // The tail is unreadable only if the file changed under the run; the row count below still speaks.
        }
        String fewer = previous != null && rowsRead < previous.rowsRead()
            ? "has " + rowsRead + " rows where the version it replaces (read " + previous.recordedAt() + ") had " + previous.rowsRead()
            : null;
        if (tail == null && fewer == null) return null;
        String what = fewer == null ? tail : tail == null ? fewer : fewer + ", and " + tail;
        // A new file replaces nothing: what is lost is what came after the cut, not rows of an earlier version.
        String lost = previous == null
            ? "it is a new file (no earlier version) that looks cut off during export: it ends mid-record, and the rows after the cut are missing"
            : "it looks cut off during export, and the rows it lacks are no longer used";
        return what + ": " + lost + ". Re-deliver the whole file; a changed file is read again the following night";
    }

    /** "its last line ..." when the file does not end with a line end and its last line is not a whole record; else null. */
    static String malformedLastLine(Storage storage, SourceFile file, HeaderCheck.Head head) throws IOException {
        if (file.format() == FileFormat.PARQUET || head.dialect() == null || file.size() == 0) return null;
        int n = (int) Math.min(TAIL_BYTES, file.size());
        byte[] bytes = new byte[n];
        try (FSDataInputStream in = storage.fs(file.path()).open(file.path())) {
            in.readFully(file.size() - n, bytes);
        }
        String text = switch (head.dialect().encoding()) {
            case UTF16LE -> new String(bytes, StandardCharsets.UTF_16LE);
            case UTF16BE -> new String(bytes, StandardCharsets.UTF_16BE);
            case UTF8_OR_WINDOWS_1252 -> TextDecoding.decodeLine(bytes, 0, bytes.length);
        };
        if (text.isEmpty() || text.endsWith("\n") || text.endsWith("\r")) return null;
        String last = text.substring(Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1);
        if (file.format() == FileFormat.JSONL) {
            try {
                JsonNode o = JSON.readTree(last);
                return o != null && o.isObject() ? null : "its last line has no line end and is not a JSON object";
            } catch (IOException e) {
                return "its last line has no line end and is not a whole JSON object";
            }
        }
        List<String> header = head.dialect().header();
        try (CSVParser p = CSVParser.parse(last, head.dialect().csvFormat())) {
            List<CSVRecord> records = p.getRecords();
            int fields = records.isEmpty() ? 0 : records.get(0).size();
            return records.size() == 1 && fields == header.size() ? null
                : "its last line has no line end and " + fields + " fields where the header has " + header.size();
        } catch (IOException | RuntimeException e) {
            return "its last line has no line end and cannot be parsed (an open quote)";
        }
    }
}

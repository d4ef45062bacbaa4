package dk.gevinst.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads decoded text into raw records, keeping each record's line number for the quarantine. */
public final class RecordReaders {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordReaders() {}

    public static String normaliseHeader(String name) {
        return name.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
    }

    /** The first line of a text, for header checks and dialect detection. */
    public static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    public static List<String> csvHeader(String text) {
        String line = firstLine(text);
        CsvDialect dialect = CsvDialect.detect(line);
        try (CSVParser p = CSVParser.parse(line, dialect.format())) {
            List<String> out = new ArrayList<>();
            for (CSVRecord r : p) r.forEach(h -> out.add(normaliseHeader(h)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<RawRecord> csv(String text) {
        CsvDialect dialect = CsvDialect.detect(firstLine(text));
        List<RawRecord> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), dialect.format())) {
            List<String> header = null;
            long nextLine = 1;
            for (CSVRecord r : parser) {
                long line = nextLine;
                nextLine = parser.getCurrentLineNumber() + 1;
                if (header == null) {
                    header = new ArrayList<>();
                    for (String h : r) header.add(normaliseHeader(h));
                    continue;
                }
                if (r.size() != header.size()) {
                    out.add(RawRecord.malformed(line, "has " + r.size() + " fields; the header has " + header.size()));
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) fields.put(header.get(i), r.get(i));
                out.add(RawRecord.of(line, fields));
            }
        } catch (IOException | UncheckedIOException e) {
            // Commons CSV stops at an unterminated quote; what came before is kept, the rest is one bad record.
            out.add(RawRecord.malformed(-1, "unreadable CSV: " + e.getMessage()));
        }
        return out;
    }

    public static List<RawRecord> jsonLines(String text) {
        List<RawRecord> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty()) continue;
            try {
                JsonNode node = JSON.readTree(l);
                if (!node.isObject()) {
                    out.add(RawRecord.malformed(i + 1, "is not a JSON object"));
                    continue;
                }
                Map<String, String> fields = new HashMap<>();
                node.fields().forEachRemaining(e -> {
                    JsonNode v = e.getValue();
                    fields.put(normaliseHeader(e.getKey()), v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString());
                });
                out.add(RawRecord.of(i + 1, fields));
            } catch (JsonProcessingException e) {
                out.add(RawRecord.malformed(i + 1, "is not valid JSON"));
            }
        }
        return out;
    }
}

package dk.gevinst.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.gevinst.privacy.CprScrubber;
import dk.gevinst.source.Columns;
import dk.gevinst.source.FileDialect;
import dk.gevinst.source.FileFormat;
import dk.gevinst.source.TextDecoding;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/**
 * The units a data file names, for {@code validate} to check the specs' unit names against before a night
 * runs (the run itself asks the state, cells.StateTables#knownUnits). Read without Spark, since validate
 * starts none: the file's unit column only, with the dialect its head was detected with, CPR-masked as
 * ingest stores it. A row that cannot be parsed is skipped here; ingest quarantines it.
 */
public final class FileUnits {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FileUnits() {}

    /** Adds the distinct, trimmed, non-empty units of one file to {@code out}. */
    public static void read(Storage storage, Path file, FileFormat format, FileDialect dialect, Set<String> out) throws IOException {
        if (format == FileFormat.PARQUET) {
            parquet(storage, file, out);
            return;
        }
        String text = decode(storage, file, dialect);
        if (format == FileFormat.JSONL) {
            for (String line : text.split("\r\n|\r|\n")) {
                if (line.isBlank()) continue;
                try {
                    JsonNode o = JSON.readTree(line);
                    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> f = it.next();
                        if (FileDialect.normaliseName(f.getKey()).equals(Columns.UNIT) && f.getValue().isTextual()) add(f.getValue().asText(), out);
                    }
                } catch (IOException | RuntimeException e) {
                    // A malformed line: ingest quarantines it; it names no unit here.
                }
            }
            return;
        }
        int column = dialect.header().indexOf(Columns.UNIT);
        if (column < 0) return;
        try (CSVParser p = CSVParser.parse(new StringReader(text), dialect.csvFormat())) {
            boolean header = true;
            for (CSVRecord r : p) {
                if (header) {
                    header = false;
                    continue;
                }
                if (column < r.size()) add(r.get(column), out);
            }
        } catch (RuntimeException e) {
            // An unbalanced quote ends the parse: the units read so far stand, ingest quarantines the rest's bad rows.
        }
    }

    private static String decode(Storage storage, Path file, FileDialect dialect) throws IOException {
        byte[] bytes;
        try (InputStream in = storage.fs(file).open(file)) {
            bytes = in.readAllBytes();
        }
        String text = switch (dialect.encoding()) {
            case UTF16LE -> new String(bytes, StandardCharsets.UTF_16LE);
            case UTF16BE -> new String(bytes, StandardCharsets.UTF_16BE);
            case UTF8_OR_WINDOWS_1252 -> TextDecoding.decodeLine(bytes, 0, bytes.length);
        };
        return text.replace("\uFEFF", "");
    }

    private static void parquet(Storage storage, Path file, Set<String> out) throws IOException {
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file).withConf(storage.fs(file).getConf()).build()) {
            for (Group g = reader.read(); g != null; g = reader.read()) {
                var type = g.getType();
                for (int i = 0; i < type.getFieldCount(); i++) {
                    if (FileDialect.normaliseName(type.getFieldName(i)).equals(Columns.UNIT) && g.getFieldRepetitionCount(i) > 0
                        && type.getType(i).isPrimitive()) {
                        add(g.getValueToString(i, 0), out);
                    }
                }
            }
        } catch (RuntimeException e) {
            // An unreadable Parquet file is reported by the header check and by ingest.
        }
    }

    private static void add(String unit, Set<String> out) {
        String u = unit == null ? "" : unit.trim();
        if (!u.isEmpty()) out.add(CprScrubber.mask(u));
    }
}

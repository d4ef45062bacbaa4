package dk.gevinst.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.gevinst.privacy.CprScrubber;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * How one text export is written, decided on the driver from its first bytes, so that Spark can read the
 * whole file with fixed options: the encoding, the CSV delimiter, whether numbers use a decimal comma, and
 * the header (names trimmed, lower-cased, CPR-shaped text masked). A JSON-lines file's "header" is the keys
 * of its first object.
 *
 * <p>Encodings: a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE); UTF-16 without a mark is recognised
 * by its zero bytes. Anything else is read line by line as UTF-8 where the line is valid UTF-8 and as
 * Windows-1252 where it is not, which is what Danish Excel writes.
 *
 * <p>Decimal comma: comma-separated files use a decimal point. In a semicolon file the numbers in the first
 * lines decide: {@code 12,5} means a decimal comma (and {@code 1.234} is then 1234); a number such as
 * {@code 12.5}, whose point cannot separate thousands, means a decimal point. Without either, a semicolon
 * file is taken to use a decimal comma, as Danish exports do.
 */
public record FileDialect(FileFormat format, Encoding encoding, char delimiter, boolean decimalComma, List<String> header) {
    /** How a file's bytes become text. */
    public enum Encoding {
        /** Each line as UTF-8 if it is valid UTF-8, else as Windows-1252. */
        UTF8_OR_WINDOWS_1252,
        UTF16LE,
        UTF16BE
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COMMA_DECIMAL = Pattern.compile("[+-]?[0-9]+,[0-9]+");
    private static final Pattern POINT_DECIMAL = Pattern.compile("[+-]?[0-9]+\\.([0-9]{1,2}|[0-9]{4,})");

    public FileDialect {
        header = List.copyOf(header);
    }

    /** A header name as the contract spells it: BOM and spaces dropped, lower case, CPR numbers masked. */
    public static String normaliseName(String raw) {
        return CprScrubber.mask(raw.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT));
    }

    /** The dialect of a CSV or JSON-lines file from its first bytes (at least its header line). */
    public static FileDialect detect(FileFormat format, byte[] head) {
        Encoding encoding = encoding(head);
        List<String> lines = lines(head, encoding);
        String first = lines.isEmpty() ? "" : lines.get(0);
        if (format == FileFormat.JSONL) return new FileDialect(format, encoding, ',', false, jsonKeys(lines));
        char delimiter = first.chars().filter(c -> c == ';').count() > first.chars().filter(c -> c == ',').count() ? ';' : ',';
        List<String> header = csvFields(first, delimiter).stream().map(FileDialect::normaliseName).toList();
        return new FileDialect(format, encoding, delimiter, delimiter == ';' && decimalCommaEvidence(lines, delimiter), header);
    }

    /** Commons CSV options for one line of this dialect: RFC 4180 quoting, fields trimmed. */
    public CSVFormat csvFormat() {
        return csvFormat(delimiter);
    }

    private static CSVFormat csvFormat(char delimiter) {
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true).get();
    }

    static Encoding encoding(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) return Encoding.UTF16LE;
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) return Encoding.UTF16BE;
        if (b.length >= 2 && b[0] != 0 && b[1] == 0) return Encoding.UTF16LE;
        if (b.length >= 2 && b[0] == 0 && b[1] != 0) return Encoding.UTF16BE;
        return Encoding.UTF8_OR_WINDOWS_1252;
    }

    /** The complete lines of the head (a last, possibly cut line is dropped unless it is the only one). */
    private static List<String> lines(byte[] head, Encoding encoding) {
        String text = switch (encoding) {
            case UTF16LE -> new String(head, StandardCharsets.UTF_16LE);
            case UTF16BE -> new String(head, StandardCharsets.UTF_16BE);
            case UTF8_OR_WINDOWS_1252 -> null;
        };
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String l : text.replace("\uFEFF", "").split("\r\n|\r|\n", -1)) out.add(l);
        } else {
            int start = 0;
            for (int i = 0; i <= head.length; i++) {
                if (i == head.length || head[i] == '\n' || head[i] == '\r') {
                    out.add(TextDecoding.decodeLine(head, start, i - start));
                    if (i + 1 < head.length && head[i] == '\r' && head[i + 1] == '\n') i++;
                    start = i + 1;
                }
            }
        }
        if (out.size() > 1) out.remove(out.size() - 1);
        return out;
    }

    private static List<String> csvFields(String line, char delimiter) {
        try (CSVParser p = CSVParser.parse(line, csvFormat(delimiter))) {
            List<String> out = new ArrayList<>();
            Iterator<CSVRecord> it = p.iterator();
            if (it.hasNext()) it.next().forEach(out::add);
            return out;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return List.of();
        }
    }

    private static boolean decimalCommaEvidence(List<String> lines, char delimiter) {
        boolean point = false;
        for (int i = 1; i < lines.size(); i++) {
            for (String field : csvFields(lines.get(i), delimiter)) {
                if (COMMA_DECIMAL.matcher(field).matches()) return true;
                if (POINT_DECIMAL.matcher(field).matches()) point = true;
            }
        }
        return !point;
    }

    private static List<String> jsonKeys(List<String> lines) {
        for (String l : lines) {
            if (l.isBlank()) continue;
            try {
                JsonNode node = JSON.readTree(l);
                if (node == null || !node.isObject()) continue;
                List<String> keys = new ArrayList<>();
                node.fieldNames().forEachRemaining(k -> keys.add(normaliseName(k)));
                return keys;
            } catch (JsonProcessingException e) {
                // the first line that is a JSON object names the keys; broken lines are quarantined later
            }
        }
        return List.of();
    }
}

package dk.gevinst.source;

import java.io.Serializable;
import org.apache.commons.csv.CSVFormat;

/**
 * The two dialects real exports come in: comma-separated with a decimal point, or semicolon-separated
 * (Danish Excel) where numbers may use a decimal comma. Detected from the header line alone.
 */
public record CsvDialect(char delimiter) implements Serializable {
    public static final CsvDialect COMMA = new CsvDialect(',');
    public static final CsvDialect SEMICOLON = new CsvDialect(';');

    public static CsvDialect detect(String headerLine) {
        long semicolons = headerLine.chars().filter(c -> c == ';').count();
        long commas = headerLine.chars().filter(c -> c == ',').count();
        return semicolons > commas ? SEMICOLON : COMMA;
    }

    public boolean decimalComma() {
        return delimiter == ';';
    }

    public CSVFormat format() {
        return CSVFormat.DEFAULT.builder()
            .setDelimiter(delimiter)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    }
}

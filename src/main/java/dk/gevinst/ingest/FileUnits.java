package dk.gevinst.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.gevinst.privacy.CprScrubber;
import dk.gevinst.source.Columns;
import dk.gevinst.source.FileDialect;
import dk.gevinst.source.FileFormat;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/**
 * The units a data file names, for {@code validate} to check the specs' unit names against before a night
 * runs (the run itself asks the state, cells.StateTables#knownUnits). Read without Spark, since validate
 * starts none: the file's unit column only, streamed line by line, with the dialect its head was detected with, CPR-masked as
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
        try (DecodedLines lines = new DecodedLines(storage.fs(file).open(file), dialect.encoding())) {
            if (format == FileFormat.JSONL) jsonUnits(lines, out);
            else csvUnits(lines, dialect, out);
        }
    }

    private static void jsonUnits(DecodedLines lines, Set<String> out) throws IOException {
        for (String physical = lines.nextLine(); physical != null; physical = lines.nextLine()) {
            // A bare '\r' also ends a record, as the run's reader counts lines.
            for (String line : physical.split("\r")) {
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
        }
    }

    private static void csvUnits(DecodedLines lines, FileDialect dialect, Set<String> out) {
        int column = dialect.header().indexOf(Columns.UNIT);
        if (column < 0) return;
        try (CSVParser p = CSVParser.parse(lines, dialect.csvFormat())) {
            boolean header = true;
            for (CSVRecord r : p) {
                if (header) {
                    header = false;
                    continue;
                }
                if (column < r.size()) add(r.get(column), out);
            }
        } catch (IOException | RuntimeException e) {
            // An unbalanced quote ends the parse: the units read so far stand, ingest quarantines the rest's bad rows.
        }
    }

    /** Reads only the unit column: the footer names it, and the projection skips every other column's pages. */
    private static void parquet(Storage storage, Path file, Set<String> out) throws IOException {
        Configuration conf = new Configuration(storage.fs(file).getConf());
        MessageType unitOnly;
        try (ParquetFileReader footer = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
            MessageType schema = footer.getFooter().getFileMetaData().getSchema();
            Type unit = schema.getFields().stream()
                .filter(t -> t.isPrimitive() && FileDialect.normaliseName(t.getName()).equals(Columns.UNIT)).findFirst().orElse(null);
            if (unit == null) return;
            unitOnly = new MessageType(schema.getName(), unit);
        } catch (RuntimeException e) {
            return; // An unreadable Parquet file is reported by the header check and by ingest.
        }
        conf.set(ReadSupport.PARQUET_READ_SCHEMA, unitOnly.toString());
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file).withConf(conf).build()) {
            for (Group g = reader.read(); g != null; g = reader.read()) {
                if (g.getFieldRepetitionCount(0) > 0) add(g.getValueToString(0, 0), out);
            }
        } catch (RuntimeException e) {
            // As above: ingest says what is wrong with the file.
        }
    }

    private static void add(String unit, Set<String> out) {
        String u = unit == null ? "" : unit.trim();
        if (!u.isEmpty()) out.add(CprScrubber.mask(u));
    }
}

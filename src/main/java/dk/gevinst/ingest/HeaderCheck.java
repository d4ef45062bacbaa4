package dk.gevinst.ingest;

import dk.gevinst.source.FileFormat;
import dk.gevinst.source.RecordReaders;
import dk.gevinst.source.Source;
import dk.gevinst.source.TextDecoding;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Checks a file's columns against the contract before any of its data is read: a CSV's first line, a
 * JSON-lines file's first record, a Parquet footer. The answer names the file and the missing column.
 */
public final class HeaderCheck {
    private static final int HEAD_BYTES = 64 * 1024;

    private HeaderCheck() {}

    /** Null when the file fits the contract, else the problem in words. */
    public static String problem(Storage storage, Source source, Path file, FileFormat format) {
        Set<String> columns;
        try {
            columns = switch (format) {
                case CSV -> new HashSet<>(RecordReaders.csvHeader(TextDecoding.decode(storage.readBytes(file, HEAD_BYTES)).text()));
                case JSONL -> jsonKeys(storage, file);
                case PARQUET -> parquetColumns(storage, file);
            };
        } catch (IOException | RuntimeException e) {
            return "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
        if (columns == null) return null;
        List<String> missing = new ArrayList<>();
        for (String required : source.requiredColumns()) if (!columns.contains(required)) missing.add(required);
        if (missing.isEmpty()) return null;
        return "missing required column" + (missing.size() > 1 ? "s " : " ") + "'" + String.join("', '", missing)
            + "'; " + source.folder() + " files need " + String.join(", ", source.requiredColumns()) + " (see docs/contract.md)";
    }

    /** Reads only the footer, never the data. */
    private static Set<String> parquetColumns(Storage storage, Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, storage.fs(file).getConf()))) {
            Set<String> out = new HashSet<>();
            reader.getFooter().getFileMetaData().getSchema().getFields().forEach(f -> out.add(RecordReaders.normaliseHeader(f.getName())));
            return out;
        }
    }

    private static Set<String> jsonKeys(Storage storage, Path file) throws IOException {
        String head = TextDecoding.decode(storage.readBytes(file, HEAD_BYTES)).text();
        for (var r : RecordReaders.jsonLines(head)) {
            if (r.malformed() == null) return r.fields().keySet();
        }
        return Set.of();
    }
}

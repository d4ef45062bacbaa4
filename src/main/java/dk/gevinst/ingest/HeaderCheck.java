package dk.gevinst.ingest;

import dk.gevinst.source.FileDialect;
import dk.gevinst.source.FileFormat;
import dk.gevinst.source.Source;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Checks a file's columns against the contract before any of its data is read: a CSV's first line, a
 * JSON-lines file's first object, a Parquet footer. For text files the same first bytes decide the dialect
 * the whole file is then read with. The answer names the missing column, and warns about likely typos.
 */
public final class HeaderCheck {
    private static final int HEAD_BYTES = 64 * 1024;

    private HeaderCheck() {}

    /**
     * What the head of a file says: its dialect (null for Parquet), its columns as normalised names, the
     * problem that stops it (null when it fits the contract), and warnings that do not.
     */
    public record Head(FileDialect dialect, List<String> columns, String problem, List<String> warnings) {
        public boolean ok() {
            return problem == null;
        }
    }

    public static Head read(Storage storage, Source source, Path file, FileFormat format, long size) {
        if (size == 0) {
            return new Head(null, List.of(), "is empty (0 bytes): not even a header line; an export holds at least its header", List.of());
        }
        FileDialect dialect = null;
        List<String> columns;
        try {
            if (format == FileFormat.PARQUET) {
                columns = parquetColumns(storage, file);
            } else {
                byte[] head = storage.readBytes(file, HEAD_BYTES);
                if (head.length == HEAD_BYTES && size > HEAD_BYTES && !hasLineEnd(head)) {
                    // Its first 64 KB cut short read as a header missing a required column, which sent a stranger looking for a typo.
                    return new Head(null, List.of(), "has no line end in its first " + String.format(java.util.Locale.ROOT, "%,d", HEAD_BYTES) + " bytes (of "
                        + String.format(java.util.Locale.ROOT, "%,d", size) + "): its first line is too long to be a header of column names. "
                        + "Export it with one row a line (CSV or JSON lines, docs/contract.md)", List.of());
                }
                dialect = FileDialect.detect(format, head);
                columns = dialect.header();
            }
        } catch (IOException | RuntimeException e) {
            return new Head(null, List.of(), "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", List.of());
        }
        Set<String> present = new LinkedHashSet<>(columns);
        List<String> missing = new ArrayList<>();
        for (String required : source.requiredColumns()) if (!present.contains(required)) missing.add(required);
        String problem = missing.isEmpty() ? null
            : "missing required column" + (missing.size() > 1 ? "s " : " ") + "'" + String.join("', '", missing)
                + "'; " + source.folder() + " files need " + String.join(", ", source.requiredColumns()) + " (see docs/contract.md)";
        return new Head(dialect, columns, problem, ColumnTypos.warnings(source, present));
    }

    private static boolean hasLineEnd(byte[] head) {
        for (byte b : head) if (b == '\n' || b == '\r') return true;
        return false;
    }

    /** Reads only the footer, never the data. */
    private static List<String> parquetColumns(Storage storage, Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, storage.fs(file).getConf()))) {
            List<String> out = new ArrayList<>();
            reader.getFooter().getFileMetaData().getSchema().getFields().forEach(f -> out.add(FileDialect.normaliseName(f.getName())));
            return out;
        }
    }
}

package dk.gevinst.source;

import java.util.Locale;
import java.util.Optional;

/** The file formats a source folder may hold, told apart by extension. */
public enum FileFormat {
    CSV(".csv"), JSONL(".jsonl"), PARQUET(".parquet");

    private final String extension;

    FileFormat(String extension) {
        this.extension = extension;
    }

    public static Optional<FileFormat> of(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        for (FileFormat f : values()) if (p.endsWith(f.extension)) return Optional.of(f);
        return Optional.empty();
    }
}

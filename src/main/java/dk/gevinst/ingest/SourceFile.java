package dk.gevinst.ingest;

import dk.gevinst.source.FileFormat;
import dk.gevinst.source.Source;
import org.apache.hadoop.fs.Path;

/**
 * One data file as listed tonight. Its raw name lives only here, in memory: everything written uses
 * {@code display} (the path under the data root with CPR-shaped text masked) and the keyed references
 * {@code fileRef} (the path) and {@code versionRef} (the path at this size and modification time).
 */
public record SourceFile(Source source, Path path, FileFormat format, String display, String fileRef, String versionRef,
                         long size, long modified) {
    /** The name as Spark's {@code _metadata.file_name} spells it (URI-encoded), to tie read rows back to this file. */
    public String encodedName() {
        String raw = new Path(path.toString()).toUri().getRawPath();
        return raw.substring(raw.lastIndexOf('/') + 1);
    }
}

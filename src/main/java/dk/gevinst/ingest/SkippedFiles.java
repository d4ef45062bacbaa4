package dk.gevinst.ingest;

import java.util.Map;

/**
 * Why a name in a source folder was skipped, as the manifest's {@code skipped_files} says it, and what mends it, for
 * the run's warning. A skipped file is often a symptom: a dangling link is an export share that did not mount, and a
 * night that reads nothing from it looks like a quiet good night unless the log says so.
 */
public final class SkippedFiles {
    static final String FOLDER = "a folder, not a file; skipped";
    static final String LINK_TO_FOLDER = "a link to a folder, not a file; skipped";
    static final String LINK_OUTSIDE = "a link to a file outside the data root; not followed";
    static final String LINK_BROKEN = "a link to nothing (its target is missing); skipped";
    static final String NOT_DATA = "not a .csv, .jsonl or .parquet file; skipped";

    private static final Map<String, String> FIXES = Map.of(
        FOLDER, "put its export files directly in the source folder (sub-folders are not read), or move it out of the data root",
        LINK_TO_FOLDER, "link the export files themselves, or move the link out of the data root",
        LINK_OUTSIDE, "copy the file into the data root, or point the link at a file inside it (a link may not widen the data root)",
        LINK_BROKEN, "restore its target (is the export share mounted?), or delete the link if the file is gone for good",
        NOT_DATA, "give an export a .csv, .jsonl or .parquet name, or move the file out of the data root");

    private SkippedFiles() {}

    /** The log's warning: the path in the data root, why it was skipped and the fix (a reason that says its fix already stands alone). */
    public static String warning(FileProblem skipped, String dataRoot) {
        String fix = FIXES.get(skipped.message());
        return "Skipped " + skipped.path() + " in the data root " + dataRoot + ": " + skipped.message() + (fix == null ? "" : ". Fix: " + fix);
    }
}

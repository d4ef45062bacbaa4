package dk.gevinst.ingest;

/**
 * A file that could not be ingested, was skipped or was removed, and why. {@code path} is relative to the data root.
 * {@code rowsAccepted}: for a removed file, the rows its latest version contributed (what a night loses with it);
 * -1 where it does not apply.
 */
public record FileProblem(String source, String path, String message, long rowsAccepted) {
    public FileProblem(String source, String path, String message) {
        this(source, path, message, -1);
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}

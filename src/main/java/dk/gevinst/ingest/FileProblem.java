package dk.gevinst.ingest;

/** A file that could not be ingested, or was skipped, and why. {@code path} is relative to the data root. */
public record FileProblem(String source, String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}

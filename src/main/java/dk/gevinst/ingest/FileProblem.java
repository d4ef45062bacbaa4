package dk.gevinst.ingest;

/** A file that could not be ingested, or was skipped, and why. Named by its path under the data root. */
public record FileProblem(String source, String path, String message) {
    @Override
    public String toString() {
        return source + "/" + path + ": " + message;
    }
}

package dk.gevinst.ingest;

/**
 * A file that could not be ingested, was skipped or was removed, and why. {@code path} is relative to the data root.
 * {@code rowsAccepted}: for a removed file, the rows its latest version contributed (what a night loses with it);
 * -1 where it does not apply. {@code units}: the units its accepted rows named, where known (empty: unknown, or a
 * source without units), so that a pilot is told only of files that could hold its teams' rows.
 */
public record FileProblem(String source, String path, String message, long rowsAccepted, java.util.Set<String> units) {
    public FileProblem(String source, String path, String message) {
        this(source, path, message, -1);
    }

    public FileProblem(String source, String path, String message, long rowsAccepted) {
        this(source, path, message, rowsAccepted, java.util.Set.of());
    }

    public FileProblem {
        units = java.util.Set.copyOf(units);
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}

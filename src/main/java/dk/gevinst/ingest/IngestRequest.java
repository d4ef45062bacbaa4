package dk.gevinst.ingest;

import dk.gevinst.privacy.Pseudonymizer;
import java.time.LocalDate;
import java.util.Objects;
import org.apache.hadoop.fs.Path;

/** Inputs of one ingest: where data arrives, where state (accepted and quarantined rows) lives, and the privacy key. */
public record IngestRequest(Path dataRoot, Path stateRoot, PlausibilityBounds bounds,
                            Pseudonymizer pseudonymizer, String runId, LocalDate asOf) {
    public IngestRequest {
        Objects.requireNonNull(dataRoot, "dataRoot");
        Objects.requireNonNull(stateRoot, "stateRoot");
        Objects.requireNonNull(bounds, "bounds");
        Objects.requireNonNull(pseudonymizer, "pseudonymizer");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(asOf, "asOf");
    }
}

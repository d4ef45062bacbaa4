package dk.gevinst.ingest;

import dk.gevinst.privacy.Pseudonymizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.apache.hadoop.fs.Path;

/**
 * Inputs of one ingest: where data arrives, where state (accepted and quarantined rows) lives, the privacy
 * key, the night being evaluated and the wall-clock time of the run (a file's arrival is recorded with it),
 * and the candidate ids a preference answer may name in each unit (from tonight's comparison specs).
 */
public record IngestRequest(Path dataRoot, Path stateRoot, PlausibilityBounds bounds,
                            Pseudonymizer pseudonymizer, String runId, LocalDate asOf, Instant now, CandidateIds candidates) {
    public IngestRequest {
        Objects.requireNonNull(dataRoot, "dataRoot");
        Objects.requireNonNull(stateRoot, "stateRoot");
        Objects.requireNonNull(bounds, "bounds");
        Objects.requireNonNull(pseudonymizer, "pseudonymizer");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(candidates, "candidates");
    }

    public IngestRequest(Path dataRoot, Path stateRoot, PlausibilityBounds bounds, Pseudonymizer pseudonymizer, String runId, LocalDate asOf, Instant now) {
        this(dataRoot, stateRoot, bounds, pseudonymizer, runId, asOf, now, CandidateIds.NONE);
    }

    /** The same ingest, checking preference answers against the candidates of these comparisons. */
    public IngestRequest withCandidates(CandidateIds ids) {
        return new IngestRequest(dataRoot, stateRoot, bounds, pseudonymizer, runId, asOf, now, ids);
    }

    public IngestRequest(Path dataRoot, Path stateRoot, PlausibilityBounds bounds, Pseudonymizer pseudonymizer, String runId, LocalDate asOf) {
        this(dataRoot, stateRoot, bounds, pseudonymizer, runId, asOf, Instant.now());
    }
}

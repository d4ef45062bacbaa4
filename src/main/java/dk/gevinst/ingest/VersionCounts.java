package dk.gevinst.ingest;

/**
 * The accepted rows of a source known on a night, by what the latest-version rule made of them: stored =
 * current + superseded + duplicate. A superseded row was replaced by a later version of its key with other
 * values (a newer case version, a revised budget, a corrected re-export); a duplicate row is identical to a
 * later row of its key (a file delivered again). Only current rows are evaluated.
 */
public record VersionCounts(long stored, long current, long superseded, long duplicate) {
    public VersionCounts {
        if (stored != current + superseded + duplicate) {
            throw new IllegalStateException("version counts do not add up: " + stored + " != " + current + " + " + superseded + " + " + duplicate);
        }
    }
}

package dk.gevinst.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A file counts as lost when half or more of the rows that could count went to quarantine; duplicates lose nothing. */
class QuarantinedFileTest {
    private static FileLedger.Entry file(String display, long read, Map<String, Long> byReason) {
        long quarantined = byReason.values().stream().mapToLong(Long::longValue).sum();
        return new FileLedger.Entry("cases", "ref-" + display, "ver-" + display, display, 10, 0, "2026-03-01", "2026-03-02T04:00:00Z",
            "2026-03-02T04:00:00Z", "r1", read, read - quarantined, quarantined, byReason, Map.of(), List.of(), List.of(), null, null, null, null, null,
            null, null);
    }

    @Test
    void duplicatesAndUnknownCandidatesNeitherCountAsLostNorAsRows() {
        List<QuarantinedFile> lost = QuarantinedFile.ofKnownFiles(List.of(
            // 40 of the 70 rows that are rows of their own: lost, though 40 of 100 read is less than half.
            file("cases/a.csv", 100, Map.of("duplicate", 30L, "bad_value:opened_at", 40L)),
            // 10 of 40: kept.
            file("cases/b.csv", 100, Map.of("duplicate", 60L, "bad_value:opened_at", 10L)),
            // Only unknown candidates: flagged on the comparisons by their own flag, not here.
            file("cases/c.csv", 12, Map.of("unknown_candidate:candidate", 12L)),
            // Too short to call lost by its share.
            file("cases/d.csv", 9, Map.of("bad_value:opened_at", 9L)),
            // Half exactly, the commonest reason named (ties by name).
            file("cases/e.csv", 20, Map.of("missing:unit", 5L, "bad_value:opened_at", 5L))));
        assertThat(lost).containsExactly(new QuarantinedFile("cases", "cases/a.csv", 70, 40, "bad_value:opened_at"),
            new QuarantinedFile("cases", "cases/e.csv", 20, 10, "bad_value:opened_at"));
    }
}

package dk.gevinst.cells;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.ingest.FileLedger;
import dk.gevinst.source.Source;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a night only adds to an earlier night, and what it adds; otherwise no increment, and kept state is rebuilt. */
class KnownIncrementTest {
    private static final LocalDate B = LocalDate.parse("2026-05-01"), T = LocalDate.parse("2026-05-02");

    private static FileLedger.Entry entry(String source, String version, long accepted, String latestOwnDay) {
        return new FileLedger.Entry(source, "f-" + version, version, version + ".csv", 10, 0, "2026-04-01", "2026-04-01T04:00:00Z",
            "2026-04-01T04:00:00Z", "r1", accepted, accepted, 0, Map.of(), Map.of(), List.of(), List.of(), null, null, null, Map.of(), null,
            Map.of(), latestOwnDay);
    }

    @Test
    void aNightAfterWithNewVersionsAndAVersionDatedAheadIsAnIncrement() {
        List<FileLedger.Entry> tonight = List.of(entry("cases", "old", 5, "2026-04-30"), entry("cases", "ahead", 5, "2026-05-09"),
            entry("cases", "new", 3, "2026-05-02"), entry("usage", "u", 2, "2026-05-02"));
        KnownIncrement inc = KnownIncrement.between(Source.CASES, B, Set.of("old", "ahead"), T, tonight).orElseThrow();
        assertThat(inc.arrived()).containsExactly("new");
        assertThat(inc.datedAhead()).containsExactly("ahead");
        assertThat(inc.knownTonight()).containsExactlyInAnyOrder("old", "ahead", "new");
        assertThat(inc.empty()).isFalse();
    }

    @Test
    void theSameNightAgainAddsNothingThoughAVersionIsDatedAhead() {
        List<FileLedger.Entry> tonight = List.of(entry("cases", "ahead", 5, "2026-05-09"));
        assertThat(KnownIncrement.between(Source.CASES, B, Set.of("ahead"), B, tonight).orElseThrow().empty()).isTrue();
        assertThat(KnownIncrement.between(Source.CASES, B, Set.of("ahead"), T, tonight).orElseThrow().empty())
            .as("a night later, rows of the version dated ahead may become known").isFalse();
    }

    @Test
    void aReplayAWithdrawnVersionOrALedgerWithoutLatestOwnDaysHasNoIncrement() {
        List<FileLedger.Entry> tonight = List.of(entry("cases", "a", 5, "2026-04-30"));
        assertThat(KnownIncrement.between(Source.CASES, T, Set.of("a"), B, tonight)).as("an earlier night").isEmpty();
        assertThat(KnownIncrement.between(Source.CASES, B, Set.of("a", "gone"), T, tonight)).as("a version gone").isEmpty();
        assertThat(KnownIncrement.between(Source.CASES, B, Set.of("a"), T, List.of(entry("cases", "a", 5, null))))
            .as("an old ledger's entry with rows").isEmpty();
        assertThat(KnownIncrement.between(Source.CASES, B, Set.of("a"), T, List.of(entry("cases", "a", 5, null)), Map.of("a", "2026-05-02"))
            .orElseThrow().datedAhead()).as("its latest own day as a kept state recorded it").containsExactly("a");
        assertThat(KnownIncrement.between(Source.COSTS, B, Set.of("a"), T, List.of(entry("costs", "a", 5, "2026-04-30"))))
            .as("a cost line's own date depends on the night evaluated").isEmpty();
        assertThat(KnownIncrement.between(Source.CASES, B, Set.of("a"), T, List.of(entry("cases", "a", 0, null))))
            .as("a version without accepted rows has no own days to know").isPresent();
    }

    /** One rule for both kept states: up to 10,000 arrived rows, or up to a quarter of the known rows (theirs included); never over 1 M. */
    @Test
    void anIncrementIsSmallUpToTenThousandRowsOrAQuarterOfTheStateAndNeverOverAMillion() {
        assertThat(small(10_000, 1)).as("10,000 rows on a state of one").isTrue();
        assertThat(small(10_001, 30_000)).as("just over 10,000 rows, just over a quarter of the 40,001 known").isFalse();
        assertThat(small(10_001, 30_003)).as("a quarter of the 40,004 known").isTrue();
        assertThat(small(1_000_000, 10_000_000)).as("a million rows, a tenth").isTrue();
        assertThat(small(1_000_001, 10_000_000)).as("over a million").isFalse();
        List<FileLedger.Entry> ahead = List.of(entry("cases", "old", 100, "2026-04-30"), entry("cases", "ahead", 50_000, "2026-05-09"),
            entry("cases", "new", 10, "2026-05-02"));
        assertThat(KnownIncrement.between(Source.CASES, B, Set.of("old", "ahead"), T, ahead).orElseThrow().small(ahead, 0, 1_000_000))
            .as("rows of a version dated ahead are not counted: only its rows that came due are new").isTrue();
    }

    /** Whether {@code arrived} new rows on a state of {@code old} rows are small, by the default allowance. */
    private static boolean small(long arrived, long old) {
        List<FileLedger.Entry> tonight = List.of(entry("cases", "old", old, "2026-04-30"), entry("cases", "new", arrived, "2026-05-02"));
        return KnownIncrement.between(Source.CASES, B, Set.of("old"), T, tonight).orElseThrow().small(tonight, KnownIncrement.SMALL_ROWS,
            KnownIncrement.MAX_ROWS);
    }
}

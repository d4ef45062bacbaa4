package dk.gevinst.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.cells.StateTables;
import dk.gevinst.source.Columns;
import dk.gevinst.source.Source;
import dk.gevinst.testing.TempDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens to odd entries in a data folder: each is listed with what was done, none is passed over in silence. */
class FilePoliciesTest {
    private static Map<String, String> byPath(java.util.List<FileProblem> problems) {
        return problems.stream().collect(Collectors.toMap(FileProblem::path, FileProblem::message));
    }

    @Test
    void headerOnlyFilesFoldersAndLinksAreAllReported(@TempDir Path tmp) throws Exception {
        IngestFixture f = new IngestFixture(tmp);
        TempDirs.write(f.data, "cases/a.csv", "case_id,unit,opened_at\nA,U,2026-03-02\n");
        TempDirs.write(f.data, "cases/header-only.csv", "case_id,unit,opened_at\n");
        TempDirs.write(f.data, "cases/empty.csv", "");
        Files.createDirectories(f.data.resolve("cases/folder.csv"));
        Files.createSymbolicLink(f.data.resolve("cases/link-to-folder.csv"), f.data.resolve("cases/folder.csv"));
        Path outside = TempDirs.write(tmp, "elsewhere/secret.csv", "case_id,unit,opened_at\nS,U,2026-03-02\n");
        Files.createSymbolicLink(f.data.resolve("cases/outside.csv"), outside);
        Files.createSymbolicLink(f.data.resolve("cases/inside.csv"), f.data.resolve("cases/a.csv"));
        Files.createSymbolicLink(f.data.resolve("cases/broken.csv"), f.data.resolve("cases/nothing.csv"));

        IngestResult r = f.ingest("r1");
        FileCounts headerOnly = IngestFixture.file(r, Source.CASES, "cases/header-only.csv");
        assertThat(headerOnly.rowsRead()).isZero();
        assertThat(headerOnly.note()).isEqualTo("header only: no rows");
        assertThat(byPath(r.skipped())).containsOnly(
            Map.entry("cases/folder.csv", "a folder, not a file; skipped"),
            Map.entry("cases/link-to-folder.csv", "a link to a folder, not a file; skipped"),
            Map.entry("cases/outside.csv", "a link to a file outside the data root; not followed"),
            Map.entry("cases/broken.csv", "a link to nothing (its target is missing); skipped"));
        assertThat(byPath(r.rejected())).containsOnlyKeys("cases/empty.csv");
        assertThat(IngestFixture.file(r, Source.CASES, "cases/inside.csv").rowsAccepted()).as("a link within the data root is read").isEqualTo(1);
        assertThat(f.stored(Source.CASES)).extracting(x -> x.<String>getAs(Columns.CASE_ID)).doesNotContain("S");
    }

    @Test
    void aRemovedFileIsDroppedAndReportedAndARewrittenFileIsANewVersion(@TempDir Path tmp) throws Exception {
        IngestFixture f = new IngestFixture(tmp);
        TempDirs.write(f.data, "cases/keep.csv", "case_id,unit,opened_at,handling_minutes\nK,U,2026-03-02,10\n");
        TempDirs.write(f.data, "cases/withdrawn.csv", "case_id,unit,opened_at,handling_minutes\nW,U,2026-03-02,10\nW2,,2026-03-02,10\n");
        Path rewritten = TempDirs.write(f.data, "cases/rewritten.csv", "case_id,unit,opened_at,handling_minutes\nR,U,2026-03-02,10\n");
        f.ingest("r1", LocalDate.parse("2026-03-05"), Instant.parse("2026-03-06T04:00:00Z"));

        Files.delete(f.data.resolve("cases/withdrawn.csv"));
        Files.writeString(rewritten, "case_id,unit,opened_at,handling_minutes\nR,U,2026-03-02,20\n");
        Files.setLastModifiedTime(rewritten, java.nio.file.attribute.FileTime.from(Instant.parse("2026-03-09T10:00:00Z")));
        IngestResult second = f.ingest("r2", LocalDate.parse("2026-03-10"), Instant.parse("2026-03-11T04:00:00Z"));

        assertThat(byPath(second.removed())).containsOnly(Map.entry("cases/withdrawn.csv",
            "removed from the data root; its 1 accepted row was dropped from the state, so no night evaluated from now on, replays included, uses them"));
        assertThat(second.removed().get(0).rowsAccepted()).as("W2 has no unit: quarantined, never counted").isEqualTo(1);
        assertThat(f.stored(Source.CASES)).extracting(x -> x.<String>getAs(Columns.CASE_ID)).doesNotContain("W");
        assertThat(f.quarantine("cases/withdrawn.csv")).isEmpty();
        assertThat(IngestFixture.file(second, Source.CASES, "cases/rewritten.csv").rowsRead()).as("a changed file is read again").isEqualTo(1);
        assertThat(minutes(f, "2026-03-05")).as("the night of 5 March saw the first version").containsEntry("R", 10.0);
        assertThat(minutes(f, "2026-03-10")).as("from its arrival the new version replaces it").containsEntry("R", 20.0);

        Files.delete(f.data.resolve("cases/keep.csv"));
        Files.delete(rewritten);
        IngestResult emptied = f.ingest("r3", LocalDate.parse("2026-03-11"), Instant.parse("2026-03-12T04:00:00Z"));
        assertThat(emptied.removed()).as("an emptied folder looks like a failed mount: nothing is dropped").isEmpty();
        assertThat(byPath(emptied.skipped())).containsKey("cases/");
        assertThat(minutes(f, "2026-03-11")).containsOnlyKeys("K", "R");
    }

    private static Map<String, Double> minutes(IngestFixture f, String day) {
        return StateTables.latestCases(f.spark, f.stateRoot(), LocalDate.parse(day)).collectAsList().stream()
            .collect(Collectors.toMap(x -> x.getAs(Columns.CASE_ID), x -> x.<Double>getAs(Columns.HANDLING_MINUTES)));
    }
}

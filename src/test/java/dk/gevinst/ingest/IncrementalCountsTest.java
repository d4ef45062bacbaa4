package dk.gevinst.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.cells.StateTables;
import dk.gevinst.source.Source;
import dk.gevinst.testing.SparkActivity;
import dk.gevinst.testing.TempDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What ingest counts per file and night (rows by reason, masked CPR numbers, version counts, the units known)
 * is the same whether the files arrived over two nights, with a file re-delivered under another name, one
 * rewritten and one withdrawn, or all at once; and the units known come from the ledger as they would from
 * the state.
 */
class IncrementalCountsTest {
    private static final LocalDate FIRST = LocalDate.parse("2026-03-31");
    private static final LocalDate SECOND = LocalDate.parse("2026-04-30");
    private static final String CASES = """
        case_id,unit,opened_at,decided_at,handling_minutes,reopened,caseworker_id,citizen_id,case_type,updated_at,note
        ok1,Ydelse Nord,2026-03-01,2026-03-02,35,nej,kw1,010190-1234,Boligstøtte,2026-03-02,Borger 0101901234 ringede
        m1,,2026-03-01,2026-03-02,35,nej,kw1,,,,
        b1,Kun Karantæne,2026-13-45,2026-03-02,35,nej,kw1,,,,
        ok1,Dublet Enhed,2026-03-01,2026-03-02,35,nej,kw1,010190-1234,Boligstøtte,2026-03-02,
        twin,Ydelse Nord,2026-03-01,2026-03-02,35,nej,kw1,010190-1234,Boligstøtte,2026-03-02,
        late,Senere,2026-04-10,2026-04-12,35,nej,kw2,,,2026-04-12,cpr 0202024321
        s1,Ydelse Syd,2026-03-03,,,nej,kw3,,,,
        """;

    @Test
    void countsOfARedeliveredRewrittenAndWithdrawnFileEqualThoseOfAnIngestFromScratch(@TempDir Path tmp) throws Exception {
        IngestFixture nights = new IngestFixture(tmp.resolve("nights"));
        TempDirs.write(nights.data, "cases/a.csv", CASES);
        TempDirs.write(nights.data, "cases/withdrawn.csv", "case_id,unit,opened_at,handling_minutes\nw1,Trukket,2026-03-02,10\n");
        TempDirs.write(nights.data, "usage/u.csv", "user_id,unit,day,active_minutes\nu1,U,2026-03-02,30\nu1,U,2026-03-02,30\n");
        StringBuilder survey = new StringBuilder("response_id,respondent_id,unit,answered_at,instrument,item,score\n");
        for (int i = 1; i <= 10; i++) survey.append("full,kw1,Svar,2026-03-15,sus,").append(i).append(",4\n");
        for (int i = 1; i <= 9; i++) survey.append("short,kw2,Kort,2026-03-15,sus,").append(i).append(",4\n");
        TempDirs.write(nights.data, "survey_responses/s.csv", survey.toString());
        nights.ingest("r1", FIRST, Instant.parse("2026-04-01T04:00:00Z"));
        assertThat(StateTables.knownUnits(nights.spark, nights.stateRoot(), FIRST))
            .as("a unit is known from its earliest accepted row; one named only by quarantined, duplicate or incomplete rows is not")
            .containsExactly("Svar", "Trukket", "U", "Ydelse Nord", "Ydelse Syd");

        Files.delete(nights.data.resolve("cases/withdrawn.csv"));
        TempDirs.write(nights.data, "cases/a-again.csv", CASES);
        Path usage = TempDirs.write(nights.data, "usage/u.csv", "user_id,unit,day,active_minutes\nu1,U,2026-03-02,31\nu2,V,2026-04-02,5\n");
        Files.setLastModifiedTime(usage, java.nio.file.attribute.FileTime.from(Instant.parse("2026-04-20T10:00:00Z")));
        IngestResult second = nights.ingest("r2", SECOND, Instant.parse("2026-05-01T04:00:00Z"));

        IngestFixture scratch = new IngestFixture(tmp.resolve("scratch"));
        TempDirs.copyTree(nights.data, scratch.data);
        IngestResult all = scratch.ingest("s1", SECOND, Instant.parse("2026-05-01T04:00:00Z"));

        for (String file : List.of("cases/a-again.csv", "usage/u.csv")) {
            assertThat(counted(IngestFixture.file(second, Source.byFolder(file.split("/")[0]).orElseThrow(), file)))
                .as(file).isEqualTo(counted(IngestFixture.file(all, Source.byFolder(file.split("/")[0]).orElseThrow(), file)));
        }
        FileCounts again = IngestFixture.file(second, Source.CASES, "cases/a-again.csv");
        assertThat(again.byReason()).as("row rules and both whole-file rules")
            .containsExactlyInAnyOrderEntriesOf(Map.of("missing:unit", 1L, "bad_value:opened_at", 1L, "duplicate", 2L));
        assertThat(again.cprMasked()).containsExactlyInAnyOrderEntriesOf(Map.of("cases.note", 2L));
        assertThat(again.units()).containsExactlyInAnyOrderEntriesOf(
            Map.of("Ydelse Nord", "2026-03-02", "Senere", "2026-04-12", "Ydelse Syd", "2026-03-03"));
        assertThat(again.latestOwnDay()).as("the latest own day of an accepted row: the late case's update").isEqualTo("2026-04-12");
        assertThat(IngestFixture.file(second, Source.USAGE, "usage/u.csv").latestOwnDay()).isEqualTo("2026-04-02");
        for (Source s : List.of(Source.CASES, Source.USAGE)) {
            assertThat(second.counts().get(s).versions()).as(s.folder()).isEqualTo(all.counts().get(s).versions());
        }
        // ok1, late and s1 in each copy of the file: the other rows are quarantined or marked (twin is ok1 registered twice).
        assertThat(second.counts().get(Source.CASES).versions()).isEqualTo(new VersionCounts(6, 3, 0, 3));

        for (LocalDate day : List.of(FIRST, SECOND)) {
            var fromLedger = StateTables.knownUnits(nights.spark, nights.stateRoot(), day);
            assertThat(fromLedger).as("night " + day).isEqualTo(StateTables.knownUnitsFromState(nights.spark, nights.stateRoot(), day))
                .isEqualTo(StateTables.knownUnits(scratch.spark, scratch.stateRoot(), day))
                .doesNotContain("Trukket", "Kun Karantæne", "Dublet Enhed", "Kort");
        }
        assertThat(StateTables.knownUnits(nights.spark, nights.stateRoot(), SECOND)).contains("Senere", "V");
    }

    /**
     * A ledger written before entries kept their units (or one whose entries only partly have them) answers
     * the units known wholly from the state: the same units the state gives and the ledger gave, a unit named
     * only by an entry without units included, at the cost of a Spark job.
     */
    @Test
    void aLedgerWithEntriesWithoutUnitsAnswersTheUnitsKnownFromTheState(@TempDir Path tmp) throws Exception {
        IngestFixture f = new IngestFixture(tmp);
        TempDirs.write(f.data, "cases/a.csv", CASES);
        TempDirs.write(f.data, "usage/u.csv", "user_id,unit,day,active_minutes\nu1,U,2026-03-02,30\nu2,Fremtid,2026-04-20,5\n");
        f.ingest("r1", FIRST, Instant.parse("2026-04-01T04:00:00Z"));
        var fromLedger = StateTables.knownUnits(f.spark, f.stateRoot(), FIRST);
        assertThat(fromLedger).as("a unit counts from its row's own day: Fremtid not yet").containsExactly("U", "Ydelse Nord", "Ydelse Syd");

        // The older format: the usage file's entry has no units; the cases file's entry keeps its own.
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        int stripped = 0;
        try (var ledgers = Files.list(tmp.resolve("state").resolve(FileLedger.FOLDER))) {
            for (Path p : ledgers.filter(x -> x.getFileName().toString().endsWith(".json")).toList()) {
                var entries = (com.fasterxml.jackson.databind.node.ArrayNode) json.readTree(p.toFile());
                for (var e : entries) {
                    if (e.path("source").asText().equals("usage")) {
                        ((com.fasterxml.jackson.databind.node.ObjectNode) e).remove("units");
                        stripped++;
                    }
                }
                json.writeValue(p.toFile(), entries);
            }
        }
        assertThat(stripped).isEqualTo(1);
        for (LocalDate day : List.of(FIRST, SECOND)) {
            assertThat(StateTables.knownUnits(f.spark, f.stateRoot(), day)).as("night " + day)
                .isEqualTo(StateTables.knownUnitsFromState(f.spark, f.stateRoot(), day))
                .contains("U");
        }
        assertThat(StateTables.knownUnits(f.spark, f.stateRoot(), FIRST)).isEqualTo(fromLedger);
        assertThat(StateTables.knownUnits(f.spark, f.stateRoot(), SECOND)).contains("Fremtid");
        assertThat(sparkJobs(f, () -> StateTables.knownUnits(f.spark, f.stateRoot(), FIRST))).as("the state was read, not the ledger").isPositive();
    }

    /** A file's counts without its reference, which names the data root it came from. */
    private static List<Object> counted(FileCounts c) {
        return List.of(c.path(), c.rowsRead(), c.rowsAccepted(), c.rowsQuarantined(), c.byReason(), c.cprMasked(), c.units(), String.valueOf(c.latestOwnDay()));
    }

    @Test
    void aSourceWithNewFilesCostsAFewSparkJobsAndTheUnitsKnownNone(@TempDir Path tmp) throws Exception {
        IngestFixture f = new IngestFixture(tmp);
        TempDirs.write(f.data, "cases/a.csv", CASES);
        TempDirs.write(f.data, "cases/b.jsonl", "{\"case_id\":\"j1\",\"unit\":\"J\",\"opened_at\":\"2026-03-01\"}\n");
        TempDirs.write(f.data, "usage/u.csv", "user_id,unit,day,active_minutes\nu1,U,2026-03-02,30\n");
        int ingest = sparkJobs(f, () -> f.ingest("r1"));
        int units = sparkJobs(f, () -> StateTables.knownUnits(f.spark, f.stateRoot(), IngestFixture.AS_OF));
        // Measured before (main at 71a6922): 30 for the ingest and 4 for the units known.
        assertThat(ingest).as("Spark jobs of an ingest of two sources, one with two dialects (a count of jobs, not time: adaptive execution "
            + "makes each query stage a job, so a Spark upgrade may move it)").isLessThanOrEqualTo(18);
        assertThat(units).as("the units known are the ledger's").isZero();
    }

    /** The Spark jobs {@code work} starts. */
    private static int sparkJobs(IngestFixture f, java.util.concurrent.Callable<?> work) throws Exception {
        return SparkActivity.during(f.spark, work).jobs();
    }
}

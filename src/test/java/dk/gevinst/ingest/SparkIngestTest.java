package dk.gevinst.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.cells.StateTables;
import dk.gevinst.privacy.Pseudonymizer;
import dk.gevinst.source.Columns;
import dk.gevinst.source.Source;
import dk.gevinst.source.TextDecoding;
import dk.gevinst.storage.Storage;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TestSpark;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkIngestTest {
    private final SparkSession spark = TestSpark.session();

    private IngestRequest request(Path data, Path out, String runId) {
        return new IngestRequest(Storage.resolve(data.toString()), Storage.resolve(out.resolve("state").toString()),
            PlausibilityBounds.DEFAULTS, Pseudonymizer.demo(), runId, LocalDate.parse("2026-03-31"));
    }

    private List<Row> state(Path out, Source source) {
        return StateTables.read(spark, Storage.resolve(out.resolve("state").toString()), source).collectAsList();
    }

    @Test
    void ingestsNewFilesOnceAndConservesRows(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        TempDirs.write(data, "cases/a.csv", """
            case_id,unit,opened_at,decided_at,handling_minutes,caseworker_id,reopened,fte
            c1,Ydelse Nord,2026-03-01,2026-03-02T10:00,35,kw1,nej,12.5
            c2,Ydelse Nord,2026-03-01,2026-02-27,20,kw1,0,3
            c3,,2026-03-01,,,kw2,,
            c1,Ydelse Nord,2026-03-01,2026-03-02T10:00,35,kw1,nej,12.5
            """);
        IngestResult first = new SparkIngest().ingest(spark, request(data, tmp.resolve("out"), "r1"));
        SourceCounts cases = first.counts().get(Source.CASES);
        assertThat(cases.rowsRead()).isEqualTo(4);
        assertThat(cases.rowsRead()).isEqualTo(cases.rowsAccepted() + cases.rowsQuarantined());
        assertThat(cases.rowsAccepted()).isEqualTo(1);
        assertThat(cases.byReason()).containsExactlyInAnyOrderEntriesOf(Map.of("decided_before_opened", 1L, "missing:unit", 1L, "duplicate", 1L));
        List<Row> stored = state(tmp.resolve("out"), Source.CASES);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).<String>getAs(Columns.CASEWORKER_ID)).startsWith("p_").isNotEqualTo("kw1");
        assertThat(stored.get(0).<scala.collection.Map<String, String>>getAs(Columns.EXTRA).get("fte").get()).isEqualTo("12.5");
        // Row rules quarantine in the source's table, whole-file rules (the duplicate) beside it: both are the quarantine.
        List<String> versions = first.ledger().stream().map(FileLedger.Entry::version).toList();
        List<Row> quarantine = StateTables.quarantine(spark, Storage.resolve(tmp.resolve("out/state").toString()), versions).collectAsList();
        assertThat(quarantine).extracting(r -> r.<Long>getAs(Columns.LINE)).containsExactlyInAnyOrder(3L, 4L, 5L);
        assertThat(quarantine).allMatch(r -> "cases/a.csv".equals(r.getAs(Columns.FILE)));

        // What a run killed in the middle of a write leaves: Spark's staging folders. The next ingest removes them.
        Path casesTable = tmp.resolve("out/state/cases"), rulesTable = tmp.resolve("out/state/file_rules");
        TempDirs.write(casesTable, SparkIngest.STAGING + "killed/file_ref=f_x/part-0.parquet", "half");
        TempDirs.write(rulesTable, SparkIngest.STAGING + "killed-too/part-0.parquet", "half");
        TempDirs.write(casesTable, ".not-spark/keep", "someone else's");
        TempDirs.write(casesTable, SparkIngest.STAGING + "alive/part-0.parquet", "a run on another host may still write here");
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(Instant.now().minus(java.time.Duration.ofDays(2)));
        java.nio.file.Files.setLastModifiedTime(casesTable.resolve(SparkIngest.STAGING + "killed"), old);
        java.nio.file.Files.setLastModifiedTime(rulesTable.resolve(SparkIngest.STAGING + "killed-too"), old);

        IngestResult second = new SparkIngest().ingest(spark, request(data, tmp.resolve("out"), "r2"));
        assertThat(second.counts().get(Source.CASES).rowsRead()).isZero();
        assertThat(state(tmp.resolve("out"), Source.CASES)).hasSize(1);
        assertThat(casesTable.resolve(SparkIngest.STAGING + "killed")).doesNotExist();
        assertThat(rulesTable.resolve(SparkIngest.STAGING + "killed-too")).doesNotExist();
        assertThat(casesTable.resolve(".not-spark/keep")).exists();
        assertThat(casesTable.resolve(SparkIngest.STAGING + "alive")).as("touched within a day").exists();
    }

    @Test
    void everyDialectArrivesIntactAndCountsHoldPerFile(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        TempDirs.write(data, "cases/1-comma.csv", "case_id,unit,opened_at,handling_minutes\nA1,Ydelse Nord,2026-03-02,12.5\n");
        TempDirs.write(data, "cases/2-semicolon-1252.csv",
            "case_id;unit;case_type;opened_at;handling_minutes;reopened\r\nB1;Jobcenter Øst;Ressourceforløb;02-03-2026 09:15;12,5;ja\r\nB2;Jobcenter Øst;Æ;2026-03-02;ca. 30;nej\r\n",
            TextDecoding.WINDOWS_1252);
        TempDirs.write(data, "cases/3-bom.csv", "\uFEFFcase_id,unit,opened_at\nC1,Borgerservice Aulum,2026-03-02\n");
        TempDirs.write(data, "cases/4-lines.jsonl", "{\"case_id\":\"D1\",\"unit\":\"Ydelse Syd\",\"opened_at\":\"2026-03-02\",\"reopened\":true}\n{oops\n");
        spark.sql("select 'E1' as case_id, 'Ydelse Vest' as unit, timestamp_ntz'2026-03-02 08:00:00' as opened_at, 7.0d as handling_minutes")
            .coalesce(1).write().parquet(data.resolve("parquet-tmp").toString());
        var part = java.nio.file.Files.list(data.resolve("parquet-tmp")).filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
        java.nio.file.Files.copy(part, data.resolve("cases/5-export.parquet"));

        IngestResult r = new SparkIngest().ingest(spark, request(data, tmp.resolve("out"), "r1"));
        SourceCounts c = r.counts().get(Source.CASES);
        assertThat(c.files()).extracting(FileCounts::path).containsExactly("cases/1-comma.csv", "cases/2-semicolon-1252.csv",
            "cases/3-bom.csv", "cases/4-lines.jsonl", "cases/5-export.parquet");
        for (FileCounts f : c.files()) assertThat(f.rowsRead()).isEqualTo(f.rowsAccepted() + f.rowsQuarantined());
        assertThat(c.files().get(1).byReason()).containsExactly(Map.entry("bad_value:handling_minutes", 1L));
        assertThat(c.files().get(3).byReason()).containsExactly(Map.entry("malformed_row", 1L));
        Map<String, Row> byId = state(tmp.resolve("out"), Source.CASES).stream().collect(Collectors.toMap(x -> x.getAs(Columns.CASE_ID), x -> x));
        assertThat(byId).containsOnlyKeys("A1", "B1", "C1", "D1", "E1");
        assertThat(byId.get("B1").<String>getAs(Columns.UNIT)).isEqualTo("Jobcenter Øst");
        assertThat(byId.get("B1").<String>getAs(Columns.CASE_TYPE)).isEqualTo("Ressourceforløb");
        assertThat(byId.get("B1").<Double>getAs(Columns.HANDLING_MINUTES)).isEqualTo(12.5);
        assertThat(byId.get("B1").<Boolean>getAs(Columns.REOPENED)).isTrue();
        assertThat(byId.get("B1").<LocalDateTime>getAs(Columns.OPENED_AT)).isEqualTo(LocalDateTime.of(2026, 3, 2, 9, 15));
        assertThat(byId.get("C1").<String>getAs(Columns.UNIT)).isEqualTo("Borgerservice Aulum");
        assertThat(byId.get("D1").<Boolean>getAs(Columns.REOPENED)).isTrue();
        assertThat(byId.get("E1").<Double>getAs(Columns.HANDLING_MINUTES)).isEqualTo(7.0);
    }

    @Test
    void aFileMissingARequiredColumnIsRejectedByNameBeforeItsDataIsRead(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        TempDirs.write(data, "cases/good.csv", "case_id,unit,opened_at\nA1,U,2026-03-02\n");
        TempDirs.write(data, "cases/bad.csv", "case_id,opened_at\nB1,2026-03-02\n");
        TempDirs.write(data, "cases/readme.txt", "not data");
        IngestResult r = new SparkIngest().ingest(spark, request(data, tmp.resolve("out"), "r1"));
        assertThat(r.rejected()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("cases/bad.csv");
            assertThat(p.message()).startsWith("missing required column 'unit'; cases files need case_id, unit, opened_at");
        });
        assertThat(r.skipped()).extracting(FileProblem::path).containsExactly("cases/readme.txt");
        assertThat(r.skipped().get(0).message()).isEqualTo("not a .csv, .jsonl or .parquet file; skipped");
        assertThat(r.counts().get(Source.CASES).rowsRead()).isEqualTo(1);
    }

    @Test
    void readsEachSourceInASinglePass(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        StringBuilder csv = new StringBuilder("case_id,unit,opened_at,decided_at,handling_minutes,note\n");
        for (int i = 0; i < 6000; i++) csv.append("C").append(i).append(",Ydelse Nord,2026-03-02,2026-03-05,").append(10 + i % 50).append(",padding padding padding\n");
        Path file = TempDirs.write(data, "cases/big.csv", csv.toString());
        long size = java.nio.file.Files.size(file);
        long before = localBytesRead();
        new SparkIngest().ingest(spark, request(data, tmp.resolve("out"), "r1"));
        long read = localBytesRead() - before;
        // One full read of the export, plus the header check's first 64 KiB, the small ledger and a few columns of
        // the compressed state just written (for the whole-file rules and the counts): together far less than a
        // second pass over the export would add.
        assertThat(size).isGreaterThan(3 * 65536);
        assertThat(read).isGreaterThanOrEqualTo(size).isLessThan(2 * size);
    }

    /** Bytes read through Hadoop's local filesystem, by every thread (Spark's tasks included). */
    private static long localBytesRead() {
        return FileSystem.getAllStatistics().stream().filter(s -> "file".equals(s.getScheme())).mapToLong(FileSystem.Statistics::getBytesRead).sum();
    }

    @Test
    void theLatestVersionAsKnownOnAsOfWinsAndALaterFileIsUnknownBeforeItArrived(@TempDir Path tmp) throws Exception {
        IngestFixture f = new IngestFixture(tmp);
        TempDirs.write(f.data, "cases/2026-03-01.csv", """
            case_id,unit,opened_at,decided_at,handling_minutes,reopened,updated_at
            A,U,2026-02-20,,,nej,2026-02-20T09:00
            A,U,2026-02-20,2026-02-27,30,nej,2026-02-27T09:00
            B,U,2026-02-21,2026-02-25,40,nej,2026-02-25T09:00
            C,U,2026-02-22,2026-02-26,50,nej,
            """);
        f.ingest("r1", LocalDate.parse("2026-03-01"), Instant.parse("2026-03-02T04:00:00Z"));
        TempDirs.write(f.data, "cases/2026-03-15.csv", """
            case_id,unit,opened_at,decided_at,handling_minutes,reopened,updated_at
            A,U,2026-02-20,2026-02-27,30,ja,2026-03-10T09:00
            B,U,2026-02-21,2026-02-25,45,nej,2026-02-25T09:00
            """);
        f.ingest("r2", LocalDate.parse("2026-03-15"), Instant.parse("2026-03-16T04:00:00Z"));
        var state = f.stateRoot();
        Map<String, Row> early = byCase(StateTables.latestCases(spark, state, LocalDate.parse("2026-03-01")));
        assertThat(early.get("A").<Boolean>getAs(Columns.REOPENED)).as("the reopening is not known on 1 March").isFalse();
        assertThat(early.get("B").<Double>getAs(Columns.HANDLING_MINUTES)).as("the file of 15 March had not arrived on 1 March").isEqualTo(40.0);
        assertThat(early.get("C").<Double>getAs(Columns.HANDLING_MINUTES)).isEqualTo(50.0);
        Map<String, Row> late = byCase(StateTables.latestCases(spark, state, LocalDate.parse("2026-03-31")));
        assertThat(late.get("A").<Boolean>getAs(Columns.REOPENED)).isTrue();
        assertThat(late.get("B").<Double>getAs(Columns.HANDLING_MINUTES)).as("a tie on updated_at goes to the later file").isEqualTo(45.0);
        Map<String, Row> veryEarly = byCase(StateTables.latestCases(spark, state, LocalDate.parse("2026-02-21")));
        assertThat(veryEarly).as("21 February is before the first night: a backfill, with the first night's file by its rows' dates")
            .containsOnlyKeys("A");
        assertThat(veryEarly.get("A").<Object>getAs(Columns.DECIDED_AT)).isNull();
        Map<String, Row> beforeTheSecond = byCase(StateTables.latestCases(spark, state, LocalDate.parse("2026-03-14")));
        assertThat(beforeTheSecond.get("B").<Double>getAs(Columns.HANDLING_MINUTES)).as("the second file is not backfilled").isEqualTo(40.0);
    }

    private static Map<String, Row> byCase(org.apache.spark.sql.Dataset<Row> rows) {
        return rows.collectAsList().stream().collect(Collectors.toMap(r -> r.getAs(Columns.CASE_ID), r -> r));
    }
}

package dk.gevinst.cells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;

import dk.gevinst.indicator.Measure;
import dk.gevinst.ingest.IngestRequest;
import dk.gevinst.ingest.PlausibilityBounds;
import dk.gevinst.ingest.SparkIngest;
import dk.gevinst.privacy.Pseudonymizer;
import dk.gevinst.source.Columns;
import dk.gevinst.storage.Storage;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.columnar.InMemoryTableScanExec;
import org.apache.spark.sql.execution.exchange.ShuffleExchangeLike;
import org.apache.spark.sql.execution.joins.BroadcastHashJoinExec;
import org.apache.spark.sql.execution.joins.CartesianProductExec;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Case cells kept between nights equal, bit for bit, the cells ranked from every case version, night after
 * night of late updates, moves between units and case types, duplicates, rows dated ahead, a re-delivered and a
 * withdrawn file, a rerun, a replay and a change of measures; and each night says how it had its cells.
 */
class KeptCaseCellsTest {
    private static final SparkSession SPARK = TestSpark.session();
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final String HEADER = "case_id,unit,case_type,opened_at,decided_at,updated_at,handling_minutes,appealed,appeal_overturned\n";
    /** fte is an extra column: a custom measure, whose text and out-of-range values are counted in cells of their own. */
    private static final List<Measure> MEASURES = List.of(new Measure(Measure.Kind.COLUMN, "handling_minutes"),
        new Measure(Measure.Kind.ELAPSED_DAYS, null), new Measure(Measure.Kind.FLAG, "appeal_overturned", "appealed"),
        new Measure(Measure.Kind.COLUMN, "fte"));
    private static final String A = HEADER + """
        c1,Nord,Bolig,2026-03-01,2026-03-05T10:00,2026-03-05T10:00,12.3,ja,nej
        c2,Nord,Pension,2026-03-01,2026-03-06T10:00,2026-03-06T10:00,0.1,nej,nej
        c3,Syd,Bolig,2026-03-02,2026-03-06T11:00,2026-03-06T11:00,7.77,ja,ja
        c4,Syd,,2026-03-02,2026-03-07T09:00,2026-03-07T09:00,40,nej,nej
        c5,Syd,Bolig,2026-03-03,,2026-03-03T09:00,,nej,nej
        c6,Vest,Pension,2026-03-03,2026-03-08T09:00,2026-03-08T09:00,1e-3,ja,ja
        """;

    @TempDir
    Path tmp;

    @Test
    void keptCellsEqualCellsFromEveryVersionNightAfterNight() throws Exception {
        Path data = tmp.resolve("data");
        org.apache.hadoop.fs.Path state = Storage.resolve(tmp.resolve("state").toString());
        TempDirs.write(data, "cases/a.csv", withFte(A));
        TempDirs.write(data, "cases/ahead.csv", withFte(HEADER + "c2,Nord,Pension,2026-03-01,2026-03-06T10:00,2026-03-12T08:00,0.7,nej,nej\n"));
        List<String> hows = new ArrayList<>();
        hows.add(night(data, state, "2026-03-10", "r1"));

        TempDirs.write(data, "cases/b.csv", withFte(HEADER + """
            c1,Syd,Pension,2026-03-01,2026-03-09T10:00,2026-03-11T07:00,13.3,ja,ja
            c7,Nord,Bolig,2026-03-10,2026-03-11T06:00,2026-03-11T06:00,3.33333,nej,nej
            c3,Syd,Bolig,2026-03-02,2026-03-06T11:00,2026-03-06T11:00,7.77,ja,ja
            c4,Syd,,2026-03-02,2026-03-08T09:00,2026-03-10T09:00,41,nej,nej
            c5,Syd,Bolig,2026-03-03,2026-03-10T09:00,2026-03-10T09:00,5,ja,nej
            """));
        hows.add(night(data, state, "2026-03-11", "r2"));
        hows.add(night(data, state, "2026-03-12", "r3"));
        hows.add(night(data, state, "2026-03-12", "r3-again"));

        // Re-delivered with c5 decided: a new version of the file replaces the old one.
        String redelivered = A.replace("c5,Syd,Bolig,2026-03-03,,2026-03-03T09:00,,", "c5,Syd,Bolig,2026-03-03,2026-03-04T09:00,2026-03-04T09:00,9.5,");
        assertThat(redelivered).isNotEqualTo(A);
        TempDirs.write(data, "cases/a.csv", withFte(redelivered));
        Files.setLastModifiedTime(data.resolve("cases/a.csv"), java.nio.file.attribute.FileTime.from(Instant.parse("2026-03-13T01:00:00Z")));
        hows.add(night(data, state, "2026-03-13", "r4"));

        Files.delete(data.resolve("cases/b.csv"));
        hows.add(night(data, state, "2026-03-14", "r5"));

        TempDirs.write(data, "cases/d.csv", withFte(HEADER + """
            c6,Nord,Bolig,2026-03-03,2026-03-14T09:00,2026-03-15T09:00,2.5,ja,nej
            c8,Vest,Pension,2026-03-14,2026-03-15T08:00,2026-03-15T08:00,0.3,ja,ja
            c8,Vest,Pension,2026-03-14,2026-03-15T08:00,2026-03-15T08:00,0.3,ja,ja
            """));
        hows.add(night(data, state, "2026-03-15", "r6"));
        hows.add(night(data, state, "2026-03-11", "replay"));

        TempDirs.write(data, "cases/e.csv", withFte(HEADER + "c7,Vest,Bolig,2026-03-10,2026-03-11T06:00,2026-03-16T06:00,4.44,nej,nej\n"));
        hows.add(night(data, state, "2026-03-16", "r7"));

        assertThat(hows).containsExactly("REBUILT", "UPDATED", "UPDATED", "KEPT", "REBUILT", "REBUILT", "UPDATED", "REPLAYED", "UPDATED");

        List<Measure> fewer = MEASURES.subList(0, 2);
        KeptCaseCells.Cells other = KeptCaseCells.tonight(SPARK, state, fewer, LocalDate.parse("2026-03-16"), false);
        assertThat(other.how()).as("other measures").isEqualTo(KeptCaseCells.How.REBUILT);
        assertThat(sorted(other.rows())).isEqualTo(sorted(KeptCaseCells.fromEveryVersion(SPARK, state, fewer, LocalDate.parse("2026-03-16"))));
        assertThat(KeptCaseCells.tonight(SPARK, state, fewer, LocalDate.parse("2026-03-16"), true).how()).as("run --full")
            .isEqualTo(KeptCaseCells.How.REBUILT);

        TempDirs.write(data, "cases/f.csv", withFte(HEADER + "c9,Vest,Bolig,2026-03-16,2026-03-17T06:00,2026-03-17T06:00,1,nej,nej\n"));
        LocalDate last = LocalDate.parse("2026-03-17");
        new SparkIngest().ingest(SPARK, new IngestRequest(Storage.resolve(data.toString()), state, PlausibilityBounds.DEFAULTS,
            Pseudonymizer.demo(), "r8", last, Instant.parse("2026-03-18T04:00:00Z")));
        KeptCaseCells.Cells many = KeptCaseCells.tonight(SPARK, state, fewer, last, false, 0);
        assertThat(many.how()).as("more new rows than an increment takes").isEqualTo(KeptCaseCells.How.REBUILT);
        assertThat(sorted(many.rows())).isEqualTo(sorted(KeptCaseCells.fromEveryVersion(SPARK, state, fewer, last)));

        // A ledger written before it kept each version's latest own day: one night rebuilds and records them, the next updates.
        try (var files = Files.list(tmp.resolve("state/ledger"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                var entries = (com.fasterxml.jackson.databind.node.ArrayNode) JSON.readTree(f.toFile());
                entries.forEach(e -> ((com.fasterxml.jackson.databind.node.ObjectNode) e).remove("latestOwnDay"));
                JSON.writeValue(f.toFile(), entries);
            }
        }
        List<String> old = new ArrayList<>();
        for (String[] n : List.of(new String[] {"g", "2026-03-18", "c1"}, new String[] {"h", "2026-03-19", "c10"})) {
            TempDirs.write(data, "cases/" + n[0] + ".csv", HEADER + n[2] + ",Nord,Bolig,2026-03-01,2026-03-05T10:00," + n[1] + "T01:00,2,nej,nej\n");
            LocalDate day = LocalDate.parse(n[1]);
            new SparkIngest().ingest(SPARK, new IngestRequest(Storage.resolve(data.toString()), state, PlausibilityBounds.DEFAULTS,
                Pseudonymizer.demo(), "old-" + n[0], day, Instant.parse(day.plusDays(1) + "T04:00:00Z")));
            KeptCaseCells.Cells cells = KeptCaseCells.tonight(SPARK, state, fewer, day, false);
            assertThat(sorted(cells.rows())).isEqualTo(sorted(KeptCaseCells.fromEveryVersion(SPARK, state, fewer, day)));
            old.add(cells.how().name());
        }
        assertThat(old).containsExactly("REBUILT", "UPDATED");
    }

    /**
     * The "no nested loop", for the forward night's own query: the versions of the touched keys are found by
     * a broadcast semi-join of the state against the touched keys, so the state's side is never shuffled and no
     * join of the two is a nested loop or a sort-merge. The rankings and sums above it then shuffle only those
     * versions, held in memory.
     */
    @Test
    void aForwardNightFindsTheTouchedCasesByABroadcastSemiJoinAndNeverShufflesTheState() throws Exception {
        Path data = tmp.resolve("data");
        org.apache.hadoop.fs.Path state = Storage.resolve(tmp.resolve("state").toString());
        TempDirs.write(data, "cases/a.csv", withFte(A));
        assertThat(night(data, state, "2026-03-10", "r1")).isEqualTo("REBUILT");
        TempDirs.write(data, "cases/b.csv", withFte(HEADER + "c1,Syd,Pension,2026-03-01,2026-03-09T10:00,2026-03-11T07:00,13.3,ja,ja\n"));
        LocalDate asOf = LocalDate.parse("2026-03-11");
        new SparkIngest().ingest(SPARK, new IngestRequest(Storage.resolve(data.toString()), state, PlausibilityBounds.DEFAULTS,
            Pseudonymizer.demo(), "r2", asOf, Instant.parse("2026-03-12T04:00:00Z")));
        KeptCaseCells.Kept kept = KeptCaseCells.read(new Storage(SPARK.sparkContext().hadoopConfiguration()),
            new org.apache.hadoop.fs.Path(state, KeptCaseCells.FOLDER));
        KnownIncrement inc = KnownIncrement.between(dk.gevinst.source.Source.CASES, LocalDate.parse(kept.asOf()), kept.versions(), asOf,
            StateTables.knownEntries(SPARK, state, asOf), kept.latestOwnDays()).orElseThrow();
        try (TouchedCaseVersions touched = TouchedCaseVersions.forOneStage()) {
            Dataset<Row> change = KeptCaseCells.change(SPARK, state, inc, MEASURES, touched);
            // Persisted, the versions read as a scan of memory; the plan that filled it is the one to check.
            SparkPlan versions = PhysicalPlans.all(touched.versions(SPARK, state, inc, MEASURES).queryExecution().executedPlan()).stream()
                .filter(p -> p instanceof InMemoryTableScanExec).map(p -> ((InMemoryTableScanExec) p).relation().cachedPlan())
                .findFirst().orElseThrow();
            List<SparkPlan> joins = PhysicalPlans.all(versions).stream().filter(p -> p.getClass().getSimpleName().contains("Join")
                || p instanceof CartesianProductExec).toList();
            assertThat(joins).as("one join, a broadcast hash semi-join").singleElement().isInstanceOfSatisfying(BroadcastHashJoinExec.class,
                j -> assertThat(j.joinType().toString()).isEqualTo("LeftSemi"));
            BroadcastHashJoinExec join = (BroadcastHashJoinExec) joins.get(0);
            SparkPlan streamed = join.buildSide().toString().equals("BuildRight") ? join.left() : join.right();
            assertThat(PhysicalPlans.all(streamed)).as("the state's side of the semi-join").noneMatch(p -> p instanceof ShuffleExchangeLike)
                .anyMatch(p -> p.getClass().getSimpleName().equals("FileSourceScanExec"));
            List<SparkPlan> above = PhysicalPlans.all(change.queryExecution().executedPlan());
            assertThat(above).as("the rankings and sums over the touched versions").noneMatch(p -> p.getClass().getSimpleName().contains("Join"))
                .anyMatch(p -> p.getClass().getSimpleName().equals("InMemoryTableScanExec"))
                .noneMatch(p -> p.getClass().getSimpleName().equals("FileSourceScanExec"));
            assertThat(change.collectAsList()).as("c1 moved: taken out of Nord, put in Syd").hasSizeGreaterThanOrEqualTo(2);
        }
    }

    /** Ingests the data root as of the night, then compares the cells had from kept ones with the cells from every version. */
    private static String night(Path data, org.apache.hadoop.fs.Path state, String night, String runId) {
        LocalDate asOf = LocalDate.parse(night);
        new SparkIngest().ingest(SPARK, new IngestRequest(Storage.resolve(data.toString()), state, PlausibilityBounds.DEFAULTS,
            Pseudonymizer.demo(), runId, asOf, Instant.parse(asOf.plusDays(1) + "T04:00:00Z")));
        KeptCaseCells.Cells cells = KeptCaseCells.tonight(SPARK, state, MEASURES, asOf, false);
        List<String> kept = sorted(cells.rows()), full = sorted(KeptCaseCells.fromEveryVersion(SPARK, state, MEASURES, asOf));
        assertThat(kept).as("night " + night + " (" + cells.how() + ")").isEqualTo(full).isNotEmpty();
        Measure fte = MEASURES.get(3);
        assertThat(kept).as("the cases whose fte is text, and the one beyond the range, in cells of their own")
            .anyMatch(r -> r.startsWith("[" + MeasureKeys.notANumber(fte) + ",")).anyMatch(r -> r.startsWith("[" + MeasureKeys.outOfRange(fte) + ","));
        return cells.how().name();
    }

    /** Adds the extra column fte to every row: text for c1, c3 and c7, a number beyond the range for c4, else a number. */
    private static String withFte(String csv) {
        StringBuilder out = new StringBuilder();
        for (String line : csv.split("\n")) {
            String id = line.substring(0, line.indexOf(','));
            String fte = id.equals("case_id") ? "fte" : List.of("c1", "c3", "c7").contains(id) ? "ukendt" : id.equals("c4") ? "5e10" : "1.5";
            out.append(line).append(',').append(fte).append('\n');
        }
        return out.toString();
    }

    /** Every cell as text, its exact sums and the doubles the cell stage reads, in one order. */
    private static List<String> sorted(Dataset<Row> cells) {
        return cells.select(col(Observations.MEASURE), col(Observations.UNIT), col(Observations.DAY), col(Columns.CASE_TYPE), col(Columns.N),
                col(Columns.SUM), col(Columns.SUM_SQ), col(Columns.SUM).cast(DataTypes.DoubleType), col(Columns.SUM_SQ).cast(DataTypes.DoubleType))
            .collectAsList().stream().map(Row::toString).sorted().toList();
    }
}

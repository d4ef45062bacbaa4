package dk.gevinst.cells;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.indicator.Catalog;
import dk.gevinst.ingest.IngestRequest;
import dk.gevinst.ingest.IngestResult;
import dk.gevinst.ingest.PlausibilityBounds;
import dk.gevinst.ingest.SparkIngest;
import dk.gevinst.ingest.VersionCounts;
import dk.gevinst.privacy.Pseudonymizer;
import dk.gevinst.source.Source;
import dk.gevinst.storage.Storage;
import dk.gevinst.testing.SparkActivity;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forward night reads the case state once: the ingest's version counts and the cell stage's kept cells take
 * the versions that tonight's rows touch from one scan (TouchedCaseVersions), and give the very counts and cells
 * that each reading its own gives, and that a count and a rebuild from every version give.
 */
class TouchedCaseVersionsTest {
    private static final SparkSession SPARK = TestSpark.session();
    private static final String HEADER = "case_id,unit,case_type,opened_at,decided_at,updated_at,handling_minutes,appealed,appeal_overturned\n";
    private static final String[] UNITS = {"Nord", "Syd", "Vest"};
    /** Case rows in the state before the forward night: what one scan of it reads. */
    private static final int STATE_ROWS = 6_000;
    private static final LocalDate FIRST = LocalDate.parse("2026-04-01"), NEXT = FIRST.plusDays(1);

    @Test
    void aForwardNightReadsTheCaseStateOnceForItsCountsAndItsCells(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        writeState(data);
        List<PilotSpec> pilots = pilots();
        Path shared = tmp.resolve("shared"), apart = tmp.resolve("apart");
        try (TouchedCaseVersions touched = TouchedCaseVersions.forPilots(pilots)) {
            night(data, shared, "r1", FIRST, pilots, touched);
        }
        TempDirs.copyTree(shared, apart);

        // Tonight: late updates of 40 cases (some move to another unit) and 10 new cases.
        StringBuilder day = new StringBuilder(HEADER);
        for (int i = 1; i <= 40; i++) day.append(String.format("c%05d,%s,Bolig,2026-03-01,2026-04-02T08:00,2026-04-02T08:00,%d,ja,ja%n", i * 97,
            UNITS[i % 3], 120 + i));
        for (int i = STATE_ROWS + 1; i <= STATE_ROWS + 10; i++) {
            day.append(String.format("c%05d,Nord,Pension,2026-04-01,2026-04-02T09:00,2026-04-02T09:00,15,nej,nej%n", i));
        }
        TempDirs.write(data, "cases/d-2026-04-02.csv", day.toString());

        Path cellsOfFirstNight = TempDirs.copyTree(shared.resolve(KeptCaseCells.FOLDER), tmp.resolve("cells-r1"));
        Night together;
        try (TouchedCaseVersions touched = TouchedCaseVersions.forPilots(pilots)) {
            together = night(data, shared, "r2", NEXT, pilots, touched);
            assertThat(SPARK.sharedState().cacheManager().isEmpty()).as("the cell stage, the last reader, released what was held").isTrue();
        }
        Night alone = night(data, apart, "r2", NEXT, pilots, null);

        assertThat(together.how()).isEqualTo("UPDATED");
        assertThat(together.counts()).as("the counts, shared or not").isEqualTo(alone.counts())
            .isEqualTo(StateTables.versionCountsFromScratch(SPARK, state(shared), List.of(Source.CASES), NEXT).get(Source.CASES));
        assertThat(together.cells().cells()).as("the cells, shared or not").isEqualTo(alone.cells().cells())
            .isEqualTo(new SparkCellStage(true, null).compute(SPARK, state(shared), pilots, NEXT).cells()).isNotEmpty();
        assertThat(alone.read()).as("each stage reading its own scans the state twice").isGreaterThan(2L * STATE_ROWS);
        assertThat(together.read()).as("shared: the state once, and the new file, the kept cells and the broadcast keys")
            .isGreaterThan(STATE_ROWS).isLessThan(STATE_ROWS * 3L / 2);
        assertThat(alone.read() - together.read()).as("what sharing saves is one scan of the state")
            .isBetween(STATE_ROWS * 9L / 10, STATE_ROWS * 11L / 10);

        // As if the last night had been killed after its counts and before it named its new cells: the two increments differ.
        Files.move(shared.resolve(KeptCaseCells.FOLDER), tmp.resolve("cells-r2"));
        TempDirs.copyTree(cellsOfFirstNight, shared.resolve(KeptCaseCells.FOLDER));
        TempDirs.write(data, "cases/d-2026-04-03.csv", HEADER + "c00007,Syd,Bolig,2026-03-01,2026-04-03T08:00,2026-04-03T08:00,77,nej,nej\n");
        LocalDate third = NEXT.plusDays(1);
        Night apartNights;
        try (TouchedCaseVersions touched = TouchedCaseVersions.forPilots(pilots)) {
            apartNights = night(data, shared, "r3", third, pilots, touched);
        }
        assertThat(apartNights.how()).isEqualTo("UPDATED");
        assertThat(apartNights.counts()).as("counts kept a night earlier than the cells")
            .isEqualTo(StateTables.versionCountsFromScratch(SPARK, state(shared), List.of(Source.CASES), third).get(Source.CASES));
        assertThat(apartNights.cells().cells()).isEqualTo(new SparkCellStage(true, null).compute(SPARK, state(shared), pilots, third).cells());
        assertThat(apartNights.read()).as("each read its own").isGreaterThan(2L * STATE_ROWS);

        // run --full: the counts fill the holder, and the cells' rebuild, which reads none of it, releases it first.
        TempDirs.write(data, "cases/d-2026-04-04.csv", HEADER + "c00008,Syd,Bolig,2026-03-01,2026-04-04T08:00,2026-04-04T08:00,88,nej,nej\n");
        LocalDate fourth = third.plusDays(1);
        try (TouchedCaseVersions touched = TouchedCaseVersions.forPilots(pilots)) {
            new SparkIngest(touched).ingest(SPARK, new IngestRequest(Storage.resolve(data.toString()), state(shared), PlausibilityBounds.DEFAULTS,
                Pseudonymizer.demo(), "r4", fourth, Instant.parse(fourth.plusDays(1) + "T04:00:00Z")));
            assertThat(SPARK.sharedState().cacheManager().isEmpty()).as("the counts' increment filled the holder").isFalse();
            KeptCaseCells.Cells rebuilt = KeptCaseCells.tonight(SPARK, state(shared), SparkCellStage.caseMeasures(pilots), fourth, true,
                KnownIncrement.MAX_ROWS, touched);
            assertThat(SPARK.sharedState().cacheManager().isEmpty()).as("released before the rebuild").isTrue();
            assertThat(rebuilt.how()).isEqualTo(KeptCaseCells.How.REBUILT);
        }
    }

    /** The nightly run hands one holder to both stages: a forward night of the command reads the case state once. */
    @Test
    void theNightlyRunReadsTheCaseStateOnceOnAForwardNight(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data"), specs = tmp.resolve("pilots"), out = tmp.resolve("out");
        writeState(data);
        TempDirs.write(specs, "p.yaml", SPEC);
        assertThat(run(data, specs, out, FIRST).exit()).isZero();
        TempDirs.write(data, "cases/d-2026-04-02.csv", HEADER + "c00097,Vest,Bolig,2026-03-01,2026-04-02T08:00,2026-04-02T08:00,130,ja,ja\n");
        Run next = run(data, specs, out, NEXT);
        assertThat(next.exit()).isZero();
        assertThat(next.read()).as("records read by a forward night of the command: the case state once, and the kept cells and the new file")
            .isGreaterThan(STATE_ROWS).isLessThan(STATE_ROWS * 3L / 2);
    }

    private record Run(int exit, long read) {}

    private static Run run(Path data, Path specs, Path out, LocalDate asOf) throws Exception {
        SparkActivity<Integer> run = SparkActivity.during(SPARK, () -> dk.gevinst.cli.Main.execute("run", "--pilots", specs.toString(), "--data",
            data.toString(), "--out", out.toString(), "--as-of", asOf.toString(), "--demo-key"));
        return new Run(run.result(), run.recordsRead());
    }

    /** The first night's export: {@link #STATE_ROWS} cases decided in March, over three units and two case types. */
    private static void writeState(Path data) throws Exception {
        StringBuilder base = new StringBuilder(HEADER);
        for (int i = 1; i <= STATE_ROWS; i++) base.append(row(i, 1 + i % 28, i % 7 * 10 + 5));
        TempDirs.write(data, "cases/base.csv", base.toString());
    }

    /** A case decided on the given day of March, updated then, with the given handling minutes. */
    private static String row(int i, int dayOfMarch, int minutes) {
        String d = String.format("2026-03-%02d", dayOfMarch);
        return String.format("c%05d,%s,%s,2026-03-01,%sT10:00,%sT10:00,%d,%s,nej%n", i, UNITS[i % 3], i % 2 == 0 ? "Bolig" : "Pension", d, d, minutes,
            i % 5 == 0 ? "ja" : "nej");
    }

    /** A night's ingest and cells, the cases' version counts, how the case cells were had, and the rows the two read from files. */
    private record Night(VersionCounts counts, CellTable cells, String how, long read) {}

    private static Night night(Path data, Path stateDir, String runId, LocalDate asOf, List<PilotSpec> pilots, TouchedCaseVersions touched)
            throws Exception {
        org.apache.hadoop.fs.Path state = state(stateDir);
        SparkActivity<Map.Entry<IngestResult, CellTable>> night = SparkActivity.during(SPARK, () -> Map.entry(
            new SparkIngest(touched).ingest(SPARK, new IngestRequest(Storage.resolve(data.toString()), state, PlausibilityBounds.DEFAULTS,
                Pseudonymizer.demo(), runId, asOf, Instant.parse(asOf.plusDays(1) + "T04:00:00Z"))),
            new SparkCellStage(false, touched).compute(SPARK, state, pilots, asOf)));
        CellTable cells = night.result().getValue();
        return new Night(night.result().getKey().counts().get(Source.CASES).versions(), cells, cells.caseCells(), night.recordsRead());
    }

    private static org.apache.hadoop.fs.Path state(Path dir) {
        return Storage.resolve(dir.toString());
    }

    private static List<PilotSpec> pilots() throws Exception {
        return List.of(new PilotSpecParser(Catalog.builtIn()).parse("p.yaml", SPEC));
    }

    private static final String SPEC = """
            id: p
            title: "Pilot"
            start: 2026-03-16
            end: 2026-06-30
            baseline_start: 2026-03-02
            arms:
              pilot: ["Nord"]
              control: ["Syd", "Vest"]
            indicators:
              handling_time: {role: success, mde: "10%"}
              appeal_overturn_rate: {role: guardrail, margin: 0.05}
            """;
}

package dk.gevinst.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.CellTable;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.decision.EvaluationBenchmark;
import dk.gevinst.decision.PilotEvaluation;
import dk.gevinst.decision.PilotEvaluator;
import dk.gevinst.indicator.Catalog;
import dk.gevinst.storage.Storage;
import dk.gevinst.testing.Repo;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What becomes of {@code _state/drift_fits.bin} night by night, and that no state of it stops a night. */
class KeptDriftFitsFileTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);
    private static final Storage STORAGE = new Storage(new Configuration());
    private static List<PilotSpec> specs;
    private static List<CellStats> cells;

    @TempDir
    java.nio.file.Path dir;

    @BeforeAll
    static void pilots() throws Exception {
        String yaml = Files.readString(Repo.root().resolve("jobs/pilots/sagsoverblik.yaml"));
        PilotSpecParser parser = new PilotSpecParser(Catalog.builtIn());
        specs = List.of(parser.parse("a.yaml", yaml.replace("id: sagsoverblik", "id: a")), parser.parse("b.yaml", yaml.replace("id: sagsoverblik", "id: b")));
        // Pilot b's numbers scaled, so that the two pilots, evaluated side by side, need fits of their own.
        cells = new java.util.ArrayList<>(EvaluationBenchmark.cells(specs.get(0), AS_OF));
        for (CellStats c : EvaluationBenchmark.cells(specs.get(1), AS_OF)) {
            dk.gevinst.stats.Moments m = c.moments();
            cells.add(new CellStats(c.pilotId(), c.indicatorId(), c.unit(), c.stratum(), c.arm(), c.period(), c.day(),
                new dk.gevinst.stats.Moments(m.n(), m.sum() * 1.3, m.sumSq() * 1.69)));
        }
    }

    @Test
    void aNightKeepsItsFitsTheSameNightTakesThemAndLeavesTheFileAlone() throws Exception {
        KeptDriftFitsFile.Results<String> first = night(AS_OF, false);
        assertThat(first.fits().file()).isEqualTo(KeptDriftFitsFile.Kept.NONE);
        assertThat(first.fits().made()).isPositive();
        assertThat(first.fits().kept()).isZero();
        assertThat(first.fits().written()).isTrue();

        java.nio.file.Path file = dir.resolve(KeptDriftFitsFile.NAME);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_000_000L));
        KeptDriftFitsFile.Results<String> again = night(AS_OF, false);
        assertThat(again.fits()).isEqualTo(new KeptDriftFitsFile.Report(0, first.fits().made(), KeptDriftFitsFile.Kept.READ, false));
        assertThat(again.results()).isEqualTo(first.results());
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(1_000_000_000_000L);

        KeptDriftFitsFile.Results<String> full = night(AS_OF, true);
        assertThat(full.fits()).isEqualTo(new KeptDriftFitsFile.Report(first.fits().made(), 0, KeptDriftFitsFile.Kept.NOT_READ_FULL, true));
        assertThat(full.results()).isEqualTo(first.results());
    }

    @Test
    void aReplayOfAnEarlierNightTakesWhatItCanAndLeavesTheLaterNightsFits() throws Exception {
        night(AS_OF, false);
        byte[] kept = Files.readAllBytes(dir.resolve(KeptDriftFitsFile.NAME));
        KeptDriftFitsFile.Results<String> replay = night(AS_OF.minusDays(14), false);
        assertThat(replay.fits().kept()).as("the baseline's fits").isPositive();
        assertThat(replay.fits().made()).isPositive();
        assertThat(replay.fits().written()).isFalse();
        assertThat(Files.readAllBytes(dir.resolve(KeptDriftFitsFile.NAME))).isEqualTo(kept);
    }

    @Test
    void aFullReplayOrANightWithoutFitsLeavesTheLaterNightsFits() throws Exception {
        night(AS_OF, false);
        byte[] kept = Files.readAllBytes(dir.resolve(KeptDriftFitsFile.NAME));
        KeptDriftFitsFile.Results<String> fullReplay = night(AS_OF.minusDays(14), true);
        assertThat(fullReplay.fits().file()).isEqualTo(KeptDriftFitsFile.Kept.NOT_READ_FULL);
        assertThat(fullReplay.fits().kept()).isZero();
        assertThat(fullReplay.fits().written()).isFalse();
        KeptDriftFitsFile.Results<String> noPilots = KeptDriftFitsFile.evaluate(STORAGE, new Path(dir.toUri()), AS_OF.plusDays(1), false,
            List.<PilotSpec>of(), (spec, fits) -> evaluated(spec, AS_OF, fits));
        assertThat(noPilots.fits().written()).isFalse();
        assertThat(Files.readAllBytes(dir.resolve(KeptDriftFitsFile.NAME))).isEqualTo(kept);
    }

    @Test
    void aDamagedStaleOrHugeFileIsMadeAgainAndReplaced() throws Exception {
        KeptDriftFitsFile.Results<String> first = night(AS_OF, false);
        java.nio.file.Path file = dir.resolve(KeptDriftFitsFile.NAME);
        byte[] good = Files.readAllBytes(file);

        byte[] damaged = good.clone();
        damaged[good.length / 3] ^= 0x40;
        Files.write(file, damaged);
        KeptDriftFitsFile.Results<String> afterDamage = night(AS_OF, false);
        assertThat(afterDamage.fits()).isEqualTo(new KeptDriftFitsFile.Report(first.fits().made(), 0, KeptDriftFitsFile.Kept.UNREADABLE, true));
        assertThat(afterDamage.results()).isEqualTo(first.results());
        assertThat(Files.readAllBytes(file)).isEqualTo(good);

        byte[] otherFormat = good.clone();
        ByteBuffer.wrap(otherFormat).putInt(4, 1);
        Files.write(file, otherFormat);
        assertThat(night(AS_OF, false).fits().file()).isEqualTo(KeptDriftFitsFile.Kept.STALE);
        assertThat(Files.readAllBytes(file)).isEqualTo(good);

        // Sparse: a file over the limit costs no disk here, and is never read into the driver.
        try (RandomAccessFile huge = new RandomAccessFile(file.toFile(), "rw")) {
            huge.setLength(KeptDriftFitsFile.MAX_BYTES + 1);
        }
        assertThat(night(AS_OF, false).fits().file()).isEqualTo(KeptDriftFitsFile.Kept.UNREADABLE);
        assertThat(Files.size(file)).isEqualTo(good.length);
    }

    @Test
    void aStateFolderThatCannotBeWrittenCostsTheFitsNotTheNight() throws Exception {
        java.nio.file.Path notAFolder = Files.writeString(dir.resolve("state-is-a-file"), "");
        KeptDriftFitsFile.Results<String> night = KeptDriftFitsFile.evaluate(STORAGE, new Path(notAFolder.toUri()), AS_OF, false, specs,
            (spec, fits) -> evaluated(spec, AS_OF, fits));
        assertThat(night.fits().made()).isPositive();
        assertThat(night.fits().written()).isFalse();
        assertThat(night.results()).hasSize(2);
    }

    @Test
    void aFolderWhereTheFileShouldBeCostsTheFitsAndLeavesNoTemporaryFile() throws Exception {
        Files.createDirectories(dir.resolve(KeptDriftFitsFile.NAME).resolve("inside"));
        KeptDriftFitsFile.Results<String> night = night(AS_OF, false);
        assertThat(night.fits().file()).isEqualTo(KeptDriftFitsFile.Kept.UNREADABLE);
        assertThat(night.fits().written()).isFalse();
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly(KeptDriftFitsFile.NAME);
        }
    }

    private KeptDriftFitsFile.Results<String> night(LocalDate asOf, boolean full) {
        return KeptDriftFitsFile.evaluate(STORAGE, new Path(dir.toUri()), asOf, full, specs, (spec, fits) -> evaluated(spec, asOf, fits));
    }

    private static String evaluated(PilotSpec spec, LocalDate asOf, dk.gevinst.decision.DriftFits fits) {
        CellTable table = new CellTable(cells.stream().filter(c -> !c.day().isAfter(asOf)).toList());
        PilotEvaluation e = PilotEvaluator.evaluate(spec, table, List.of(), asOf, Map.of(), fits);
        return EvaluationBenchmark.summary(e);
    }
}

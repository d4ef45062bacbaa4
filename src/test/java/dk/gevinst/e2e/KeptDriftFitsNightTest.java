package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.testing.Repo;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TestSpark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A night takes the drift fits the last night kept ({@code _state/drift_fits.bin}) instead of making them again,
 * and publishes what it would have published without them. The file is a cache: one that cannot be read costs
 * the night its fits, never the night.
 */
class KeptDriftFitsNightTest {
    private static final String FITS = "_state/drift_fits.bin";

    @Test
    void theSameNightAgainMakesNoFitAndPublishesTheSame(@TempDir Path tmp) throws Exception {
        Path kept = SampleNights.out();
        Path again = TempDirs.copyTree(kept, tmp.resolve("again"));

        assertThat(SampleRun.run(again)).isEqualTo(lastExit());

        JsonNode fits = SampleRun.lastManifest(again).path("drift_fits");
        assertThat(fits.path("made").asInt()).isZero();
        assertThat(fits.path("kept").asInt()).isPositive();
        assertThat(fits.path("file").asText()).isEqualTo("read");
        assertThat(rows(again, "indicator_results")).isNotEmpty().isEqualTo(rows(kept, "indicator_results"));
        // The first night at the end froze its final analyses, so this one needed fewer fits and kept only those.
        // From now on the night uses exactly the fits kept, and the file is left alone.
        byte[] before = Files.readAllBytes(again.resolve(FITS));
        FileTime written = Files.getLastModifiedTime(again.resolve(FITS));
        Files.setLastModifiedTime(again.resolve(FITS), FileTime.fromMillis(written.toMillis() - 3_600_000));
        FileTime marked = Files.getLastModifiedTime(again.resolve(FITS));
        assertThat(SampleRun.run(again)).isEqualTo(lastExit());
        assertThat(SampleRun.lastManifest(again).path("drift_fits").path("made").asInt()).isZero();
        assertThat(Files.getLastModifiedTime(again.resolve(FITS))).as("the same fits are not written again").isEqualTo(marked);
        assertThat(Files.readAllBytes(again.resolve(FITS))).isEqualTo(before);
    }

    @Test
    void keptFitsThatCannotBeReadAreMadeAgainAndReplaced(@TempDir Path tmp) throws Exception {
        Path kept = SampleNights.out();
        Path broken = TempDirs.copyTree(kept, tmp.resolve("broken"));
        Files.writeString(broken.resolve(FITS), "cut off by a full disk");

        // The test JVM's log is shared: only what this run added counts.
        Path logFile = Repo.root().resolve("target/test-logs/gevinst-test.log");
        long before = Files.size(logFile);
        assertThat(SampleRun.run(broken)).isEqualTo(lastExit());

        byte[] all = Files.readAllBytes(logFile);
        String log = new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8);
        assertThat(log).contains("The kept drift fits (_state/drift_fits.bin) cannot be read").contains("tonight makes them again");
        JsonNode fits = SampleRun.lastManifest(broken).path("drift_fits");
        assertThat(fits.path("kept").asInt()).isZero();
        assertThat(fits.path("made").asInt()).isPositive();
        assertThat(fits.path("file").asText()).isEqualTo("unreadable");
        assertThat(fits.path("written").asBoolean()).isTrue();
        assertThat(new String(Arrays.copyOf(Files.readAllBytes(broken.resolve(FITS)), 4), StandardCharsets.US_ASCII))
            .as("replaced by tonight's fits").isEqualTo("GVDF");
        assertThat(rows(broken, "indicator_results")).isEqualTo(rows(kept, "indicator_results"));
    }

    private static int lastExit() {
        int[] exits = SampleNights.exitCodes();
        return exits[exits.length - 1];
    }

    private static List<String> rows(Path out, String table) {
        return TestSpark.session().read().parquet(out.resolve("tables/" + table + "/as_of=" + SampleRun.AS_OF).toString())
            .collectAsList().stream().map(Row::toString).sorted().toList();
    }
}

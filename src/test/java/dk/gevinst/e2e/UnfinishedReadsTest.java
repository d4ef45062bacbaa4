package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.ingest.IngestRequest;
import dk.gevinst.ingest.PlausibilityBounds;
import dk.gevinst.ingest.SparkIngest;
import dk.gevinst.privacy.Pseudonymizer;
import dk.gevinst.storage.Storage;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TestSpark;
import dk.gevinst.testing.TinyRuns;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed after its ingest has recorded the files it read in the ledger, so the next run does not read them
 * again; but it wrote no manifest. The next run's manifest lists those files and their counts, once, even when the
 * export was replaced in between.
 */
class UnfinishedReadsTest {
    @Test
    void theNextManifestCountsWhatAKilledRunRead(@TempDir Path tmp) throws Exception {
        Path data = TinyRuns.data(tmp.resolve("data")), pilots = tmp.resolve("pilots"), out = tmp.resolve("out");
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC);
        assertThat(TinyRuns.run(pilots, data, out, TinyRuns.NEWEST)).isZero();

        // A run that got through its ingest and was killed before it published: the ledger has its reads, runs/ no manifest.
        TempDirs.write(data, "cases/late.csv", "case_id,unit,opened_at,decided_at,handling_minutes\nz1,A,2026-03-27,2026-03-28T09:00,31\n"
            + "z2,B,2026-03-27,2026-03-20T10:00,30\n");
        new SparkIngest().ingest(TestSpark.session(), new IngestRequest(Storage.resolve(data.toString()), Storage.resolve(out.resolve("_state").toString()),
            PlausibilityBounds.DEFAULTS, Pseudonymizer.demo(), "killed-run", LocalDate.parse(TinyRuns.NEWEST), Instant.now()));
        // Before the next run the export is replaced: the version the killed run read is no longer the one known.
        TempDirs.write(data, "cases/late.csv", "case_id,unit,opened_at,decided_at,handling_minutes\nz1,A,2026-03-27,2026-03-28T09:00,31\n"
            + "z2,B,2026-03-27,2026-03-28T10:00,30\nz3,B,2026-03-27,2026-03-28T11:00,29\n");
        java.nio.file.Files.setLastModifiedTime(data.resolve("cases/late.csv"), java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(60)));

        assertThat(TinyRuns.run(pilots, data, out, TinyRuns.NEWEST)).isZero();
        JsonNode manifest = SampleRun.lastManifest(out);
        assertThat(manifest.path("cases").path("rows_read").asLong()).as("tonight read the new version").isEqualTo(3);
        JsonNode unfinished = manifest.path("read_by_unfinished_runs");
        assertThat(unfinished).hasSize(1);
        assertThat(unfinished.get(0).path("path").asText()).isEqualTo("cases/late.csv");
        assertThat(unfinished.get(0).path("run_id").asText()).isEqualTo("killed-run");
        assertThat(unfinished.get(0).path("rows_read").asLong()).isEqualTo(2);
        assertThat(unfinished.get(0).path("rows_accepted").asLong()).isEqualTo(1);
        assertThat(unfinished.get(0).path("rows_quarantined").asLong()).isEqualTo(1);

        assertThat(TinyRuns.run(pilots, data, out, TinyRuns.NEWEST)).isZero();
        assertThat(SampleRun.lastManifest(out).path("read_by_unfinished_runs")).as("listed once, by the run after them").isEmpty();
    }
}

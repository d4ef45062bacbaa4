package dk.gevinst.ingest;

import static org.apache.spark.sql.functions.col;

import dk.gevinst.cells.StateTables;
import dk.gevinst.privacy.Pseudonymizer;
import dk.gevinst.source.Columns;
import dk.gevinst.source.Source;
import dk.gevinst.storage.Storage;
import dk.gevinst.testing.TestSpark;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** A data root and a state folder under one temporary folder, and what an ingest made of them. */
final class IngestFixture {
    static final LocalDate AS_OF = LocalDate.parse("2026-03-31");
    final SparkSession spark = TestSpark.session();
    final Path data;
    final Path state;

    IngestFixture(Path tmp) {
        this.data = tmp.resolve("data");
        this.state = tmp.resolve("state");
    }

    IngestResult ingest(String runId) {
        return ingest(runId, AS_OF, Instant.parse(AS_OF.plusDays(1) + "T04:00:00Z"));
    }

    IngestResult ingest(String runId, LocalDate asOf, Instant now) {
        return new SparkIngest().ingest(spark, new IngestRequest(Storage.resolve(data.toString()), stateRoot(), PlausibilityBounds.DEFAULTS,
            Pseudonymizer.demo(), runId, asOf, now));
    }

    org.apache.hadoop.fs.Path stateRoot() {
        return Storage.resolve(state.toString());
    }

    /** Every stored row of a source, all versions. */
    List<Row> stored(Source source) {
        return StateTables.read(spark, stateRoot(), source).collectAsList();
    }

    /** The quarantine of one file (by display path): line to reason. */
    Map<Long, String> quarantine(String display) {
        Map<Long, String> out = new TreeMap<>();
        List<String> versions = new java.util.ArrayList<>();
        try {
            FileLedger.load(new Storage(spark.sparkContext().hadoopConfiguration()), stateRoot()).knownOn(java.time.LocalDate.MAX)
                .forEach(e -> versions.add(e.version()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (Row r : StateTables.quarantine(spark, stateRoot(), versions).filter(col(Columns.FILE).equalTo(display)).collectAsList()) {
            out.put(r.getAs(Columns.LINE), r.getAs(Columns.REASON_CODE));
        }
        return out;
    }

    static FileCounts file(IngestResult r, Source source, String display) {
        return r.counts().get(source).files().stream().filter(f -> f.path().equals(display)).findFirst()
            .orElseThrow(() -> new AssertionError(display + " not among " + r.counts().get(source).files()));
    }
}

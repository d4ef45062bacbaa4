package dk.gevinst.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.privacy.Pseudonymizer;
import dk.gevinst.source.Columns;
import dk.gevinst.source.Source;
import dk.gevinst.storage.Storage;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TestSpark;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkIngestTest {
    private final SparkSession spark = TestSpark.session();

    private IngestRequest request(Path data, Path out, String runId) {
        return new IngestRequest(Storage.resolve(data.toString()), Storage.resolve(out.resolve("state").toString()),
            PlausibilityBounds.DEFAULTS,
            Pseudonymizer.demo(), runId, LocalDate.parse("2026-03-31"));
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
        assertThat(cases.rowsAccepted()).isEqualTo(1);
        assertThat(cases.byReason()).containsEntry("decided_before_opened", 1L).containsEntry("missing:unit", 1L)
            .containsEntry("duplicate", 1L);
        List<Row> stored = spark.read().parquet(tmp.resolve("out/state/cases").toString()).collectAsList();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).<String>getAs(Columns.CASEWORKER_ID)).startsWith("p_").isNotEqualTo("kw1");

        IngestResult second = new SparkIngest().ingest(spark, request(data, tmp.resolve("out"), "r2"));
        assertThat(second.counts().get(Source.CASES).rowsRead()).isZero();
        assertThat(spark.read().parquet(tmp.resolve("out/state/cases").toString()).count()).isEqualTo(1);
    }
}

package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TestSpark;
import dk.gevinst.testing.TinyRuns;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cells are summed exactly (as decimals, so a cluster decides as a laptop does), and a sum has a largest value it
 * can hold: a summed value beyond ±10,000,000 is quarantined as out_of_range with its column, instead of
 * overflowing the night's one aggregation and stopping every pilot (a metric of 5e10 did). A cost is not summed:
 * its amount may be larger.
 */
class ValueRangeTest {
    private static final String SPEC = TinyRuns.GOOD_SPEC.replace("  handling_time: {role: success, mde: \"10%\"}\n",
        "  handling_time: {role: success, mde: \"10%\"}\n  query_seconds: {role: technical, direction: lower_is_better}\n");

    @Test
    void aValueBeyondTheRangeIsQuarantinedAndTheNightDecides(@TempDir Path tmp) throws Exception {
        Path data = TinyRuns.data(tmp.resolve("data"));
        StringBuilder metrics = new StringBuilder("pilot_id,day,metric,value\n");
        for (int d = 5; d <= 15; d++) metrics.append(String.format("small,2026-01-%02d,query_seconds,%d%n", d, 40 + d));
        for (int d = 16; d <= 28; d++) metrics.append(String.format("small,2026-03-%02d,query_seconds,%d%n", d, 20 + d));
        metrics.append("small,2026-01-16,query_seconds,50000000000\n").append("small,2026-01-17,query_seconds,-3e12\n");
        TempDirs.write(data, "tech_metrics/t.csv", metrics.toString());
        TempDirs.write(data, "costs/c.csv", "pilot_id,option,kind,amount_dkk\nsmall,cloud,one_off,2000000000\n");
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", SPEC);
        Path out = tmp.resolve("out");

        assertThat(TinyRuns.run(pilots, data, out, TinyRuns.NEWEST)).isZero();

        List<Row> quarantined = TestSpark.session().read().parquet(out.resolve("tables/quarantine").toString())
            .filter("source = 'tech_metrics'").select("source_line", "reason").orderBy("source_line").collectAsList();
        assertThat(quarantined).extracting(Row::toString).containsExactly("[26,out_of_range:value]", "[27,out_of_range:value]");
        assertThat(TestSpark.session().read().parquet(out.resolve("tables/quarantine").toString()).filter("source = 'costs'").count())
            .as("a cost of two billion is not summed, so it is kept").isZero();
        assertThat(SampleRun.json(out.resolve("decisions/small.json")).path("decision").asText()).isIn("GO", "EXTEND", "STOP");
        assertThat(TestSpark.session().read().parquet(out.resolve("tables/cell_stats").toString())
            .filter("pilot_id = 'small' and indicator = 'query_seconds'").agg(org.apache.spark.sql.functions.sum("n")).first().getLong(0))
            .as("the metric's 24 days within the range").isEqualTo(24L);
    }
}

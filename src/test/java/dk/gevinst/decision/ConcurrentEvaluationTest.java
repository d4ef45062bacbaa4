package dk.gevinst.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.CellTable;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.indicator.Catalog;
import dk.gevinst.publish.DecisionDocument;
import dk.gevinst.publish.Json;
import dk.gevinst.stats.Moments;
import dk.gevinst.testing.Repo;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The nightly run evaluates pilots, and builds their documents, on several threads at once (NightlyRun,
 * TonightsDecisions). Every number and word must be what one thread alone makes: nothing in an evaluation
 * may be shared between pilots but read-only inputs.
 */
class ConcurrentEvaluationTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);

    @Test
    void pilotsEvaluatedOnFourThreadsAtOnceGiveWhatOneThreadGives() throws Exception {
        String yaml = Files.readString(Repo.root().resolve("jobs/pilots/sagsoverblik.yaml"));
        List<PilotSpec> specs = new ArrayList<>();
        List<CellStats> cells = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            PilotSpec spec = new PilotSpecParser(Catalog.builtIn()).parse("p" + k + ".yaml", yaml.replace("id: sagsoverblik", "id: p" + k));
            specs.add(spec);
            // Each pilot its own numbers: the sample's cells scaled by 1 + k/10, so no two pilots share a drift fit.
            double scale = 1 + k / 10.0;
            for (CellStats c : EvaluationBenchmark.cells(spec, AS_OF)) {
                Moments m = c.moments();
                cells.add(new CellStats(spec.id(), c.indicatorId(), c.unit(), c.stratum(), c.arm(), c.period(), c.day(),
                    new Moments(m.n(), m.sum() * scale, m.sumSq() * scale * scale)));
            }
        }
        CellTable table = new CellTable(cells);
        // Together first, so the shared caches (t quantiles) are filled by racing threads, not ahead of them.
        List<Future<String>> together = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (PilotSpec s : specs) together.add(pool.submit(() -> published(s, table)));
            for (Future<String> f : together) f.get();
        } finally {
            pool.shutdownNow();
        }
        List<String> alone = new ArrayList<>();
        for (PilotSpec s : specs) alone.add(published(s, table));
        for (int k = 0; k < specs.size(); k++) {
            assertThat(together.get(k).get().lines()).as(specs.get(k).id()).containsExactlyElementsOf(alone.get(k).lines().toList());
        }
        assertThat(alone).doesNotHaveDuplicates();
        assertThat(alone.get(0)).contains("\"pilot_id\" : \"p0\"").contains("handling_time");
    }

    /** Every analysis (hex doubles) and the document built from the evaluation. */
    private static String published(PilotSpec spec, CellTable table) throws Exception {
        PilotEvaluation e = PilotEvaluator.evaluate(spec, table, List.of(), AS_OF, Map.of());
        return EvaluationBenchmark.summary(e) + Json.MAPPER.writeValueAsString(DecisionDocument.build(e, Json.MAPPER.createObjectNode(), List.of()));
    }
}

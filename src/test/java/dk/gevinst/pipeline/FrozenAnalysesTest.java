package dk.gevinst.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.cells.CellTable;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.decision.Analysis;
import dk.gevinst.decision.IndicatorResult;
import dk.gevinst.decision.PilotEvaluation;
import dk.gevinst.decision.PilotEvaluator;
import dk.gevinst.decision.comparison.ComparisonEvaluator;
import dk.gevinst.decision.comparison.ComparisonResult;
import dk.gevinst.decision.comparison.RecommendationRuleTest;
import dk.gevinst.indicator.Catalog;
import dk.gevinst.storage.Storage;
import dk.gevinst.testing.TestCells;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixed-horizon look happens once, is kept, and is not reused by a replay of an earlier night. */
class FrozenAnalysesTest {
    private static PilotSpec spec(String end) throws Exception {
        return new PilotSpecParser(Catalog.builtIn()).parse("t.yaml",
            "id: p\ntitle: P\nstart: 2026-03-02\nend: " + end + "\nbaseline_start: 2026-01-05\narms: {pilot: [A], control: [B]}\n"
                + "indicators:\n  handling_time: {role: success, mde: 5}\n");
    }

    private static Set<String> every(PilotEvaluation e) {
        return e.indicators().stream().map(IndicatorResult::id).collect(Collectors.toSet());
    }

    @Test
    void theFirstNightAfterTheEndIsFrozenAndReusedLater(@TempDir Path tmp) throws Exception {
        PilotSpec spec = spec("2026-04-30");
        FrozenAnalyses frozen = new FrozenAnalyses(new Storage(new Configuration()), Storage.resolve(tmp.toString()));
        LocalDate firstNight = LocalDate.of(2026, 5, 1);
        PilotEvaluation first = PilotEvaluator.evaluate(spec, new CellTable(TestCells.did("handling_time", 60, -6, 15, 400)), List.of(), firstNight,
            frozen.load(spec, firstNight));
        frozen.saveIfFirst(first, FrozenAnalysesTest::every);
        Analysis kept = first.indicators().get(0).fixed();
        assertThat(kept).isNotNull();

        // Later nights see more data, but the fixed analysis stays the one made on the first night.
        LocalDate later = LocalDate.of(2026, 6, 15);
        Map<String, Analysis> loaded = frozen.load(spec, later);
        assertThat(loaded).containsEntry("handling_time", kept);
        PilotEvaluation again = PilotEvaluator.evaluate(spec, new CellTable(TestCells.did("handling_time", 60, -1, 15, 4000)), List.of(), later, loaded);
        assertThat(again.indicators().get(0).fixed()).isEqualTo(kept);
        assertThat(again.indicators().get(0).sequential().estimate()).as("tonight's sequential look sees the new data").isNotEqualTo(kept.estimate());
        frozen.saveIfFirst(again, FrozenAnalysesTest::every);
        assertThat(frozen.load(spec, later)).containsEntry("handling_time", kept);

        // A replay of a night before the freeze computes its own, and a moved end date starts afresh.
        assertThat(frozen.load(spec, LocalDate.of(2026, 4, 30))).isEmpty();
        assertThat(frozen.load(spec("2026-05-31"), later)).isEmpty();
    }

    @Test
    void aComparisonsCandidatesAndPairsFreezeAsAPilotDoes(@TempDir Path tmp) throws Exception {
        PilotSpec spec = RecommendationRuleTest.spec(100_000, 100_000, false);
        FrozenAnalyses frozen = new FrozenAnalyses(new Storage(new Configuration()), Storage.resolve(tmp.toString()));
        LocalDate firstNight = LocalDate.of(2026, 7, 1);
        CellTable cells = new CellTable(RecommendationRuleTest.cells(-9, -12, 0, 0));
        ComparisonResult first = ComparisonEvaluator.evaluate(spec, cells, firstNight, frozen.loadContrasts(spec, firstNight));
        PilotEvaluation pooled = PilotEvaluator.evaluate(spec, cells, List.of(), firstNight, frozen.load(spec, firstNight)).withComparison(first);
        frozen.saveIfFirst(pooled, FrozenAnalysesTest::every);
        assertThat(first.contrasts()).containsOnlyKeys("k.a", "k.b", "k.a.b");

        // A later night with other data: each contrast publishes the final look made on the first night.
        LocalDate later = LocalDate.of(2026, 8, 1);
        Map<String, Map<String, Analysis>> loaded = frozen.loadContrasts(spec, later);
        ComparisonResult again = ComparisonEvaluator.evaluate(spec, new CellTable(RecommendationRuleTest.cells(0, 0, 0, 0)), later, loaded);
        for (String key : List.of("k.a", "k.b", "k.a.b")) {
            Analysis kept = first.contrasts().get(key).indicators().get(0).fixed();
            assertThat(kept).as(key).isNotNull();
            assertThat(loaded.get(key)).as(key).containsEntry("handling_time", kept);
            assertThat(again.contrasts().get(key).indicators().get(0).fixed()).as(key).isEqualTo(kept);
        }
        assertThat(ComparisonEvaluator.evaluate(spec, new CellTable(RecommendationRuleTest.cells(0, 0, 0, 0)), later).contrasts().get("k.a")
            .indicators().get(0).fixed()).as("made afresh without the kept ones").isNotEqualTo(first.contrasts().get("k.a").indicators().get(0).fixed());
        // A replay of a night before the freeze computes its own.
        assertThat(frozen.loadContrasts(spec, LocalDate.of(2026, 6, 30)).values()).allMatch(Map::isEmpty);
    }
}

package dk.gevinst.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The case-mix adjustment pinned against statsmodels: an OLS on the raw cases with one dummy per stratum ×
 * arm × period cell and HC2 standard errors, the adjusted effect tested as a linear combination
 * (src/test/resources/vectors/make_post_stratified_vectors.py, committed with its output). Java sees only
 * each cell's n, Σx and Σx², per case type, and pools thin strata by the same documented rule.
 */
class PostStratifiedVectorsTest {
    private static final double TOLERANCE = 1e-9;

    @TestFactory
    List<DynamicTest> everyCaseMatchesStatsmodels() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/vectors/post_stratified_vectors.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : root.path("cases")) tests.add(DynamicTest.dynamicTest(c.path("name").asText(), () -> check(c)));
        assertThat(tests).hasSize(5);
        return tests;
    }

    private static void check(JsonNode c) {
        String design = c.path("design").asText();
        boolean baseline = !design.equals("parallel");
        boolean control = !design.equals("prepost");
        List<StratumCells> strata = new ArrayList<>();
        c.path("cells").fields().forEachRemaining(e -> strata.add(new StratumCells(e.getKey(), moments(e.getValue().path("pilot_pre")),
            moments(e.getValue().path("pilot_post")), moments(e.getValue().path("control_pre")), moments(e.getValue().path("control_post")))));
        JsonNode e = c.path("expected");

        PostStratified adjusted = PostStratified.of(strata, baseline, control, c.path("min_cases").asLong());
        Contrast contrast = adjusted.contrast();

        assertThat(contrast.estimate()).isCloseTo(e.path("estimate").asDouble(), within(TOLERANCE));
        assertThat(contrast.standardError()).isCloseTo(e.path("se").asDouble(), within(TOLERANCE));
        assertThat(contrast.degreesOfFreedom()).isCloseTo(e.path("dof").asDouble(), within(TOLERANCE * e.path("dof").asDouble()));
        assertThat(adjusted.counterfactual()).isCloseTo(e.path("counterfactual").asDouble(), within(TOLERANCE));
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int i = 0; i < adjusted.strata().size(); i++) weights.put(adjusted.strata().get(i).stratum(), adjusted.weights().get(i));
        Map<String, Double> expectedWeights = new LinkedHashMap<>();
        e.path("weights").fields().forEachRemaining(w -> expectedWeights.put(w.getKey(), w.getValue().asDouble()));
        assertThat(weights.keySet()).containsExactlyInAnyOrderElementsOf(expectedWeights.keySet());
        expectedWeights.forEach((k, w) -> assertThat(weights.get(k)).as(k).isCloseTo(w, within(TOLERANCE)));
        assertThat(adjusted.pooled()).containsExactlyElementsOf(texts(e.path("pooled")));
        assertThat(adjusted.leftOut()).containsExactlyElementsOf(texts(e.path("left_out")));

        Contrast unadjusted = PostStratified.of(List.of(strata.stream().reduce((a, b) -> a.plus(b, "all")).orElseThrow()),
            baseline, control, 0).contrast();
        assertThat(unadjusted.estimate()).isCloseTo(e.path("unadjusted").asDouble(), within(TOLERANCE));
        assertThat(unadjusted.standardError()).isCloseTo(e.path("unadjusted_se").asDouble(), within(TOLERANCE));
        assertThat(adjusted.pooledAll()).isEqualTo(e.path("weights").has(PostStratified.POOLED) && e.path("weights").size() == 1);
    }

    private static Moments moments(JsonNode cell) {
        return cell.isMissingNode() ? Moments.EMPTY : new Moments(cell.path("n").asLong(), cell.path("sum").asDouble(), cell.path("sum_sq").asDouble());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}

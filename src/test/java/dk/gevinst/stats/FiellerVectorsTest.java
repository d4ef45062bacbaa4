package dk.gevinst.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Fieller's relative interval pinned to scipy's inversion of the same test (brentq on each side of e/c, not the
 * closed form), from raw draws: src/test/resources/vectors/make_fieller_vectors.py, committed with its output.
 */
class FiellerVectorsTest {
    private static final double TOLERANCE = 1e-9;

    private static JsonNode vectors() throws Exception {
        try (InputStream in = FiellerVectorsTest.class.getResourceAsStream("/vectors/fieller_vectors.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static Moments moments(JsonNode cell) {
        return new Moments(cell.path("n").asLong(), cell.path("sum").asDouble(), cell.path("sum_sq").asDouble());
    }

    @TestFactory
    List<DynamicTest> everyCaseMatchesScipy() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : vectors().path("cases")) tests.add(DynamicTest.dynamicTest("seed " + c.path("seed").asInt(), () -> check(c)));
        assertThat(tests).hasSize(7);
        return tests;
    }

    private static void check(JsonNode c) {
        JsonNode cells = c.path("cells"), x = c.path("expected");
        Moments pp = moments(cells.path("pilot_pre")), po = moments(cells.path("pilot_post")), cp = moments(cells.path("control_pre")),
            co = moments(cells.path("control_post"));
        double e = (po.mean() - pp.mean()) - (co.mean() - cp.mean()), cf = pp.mean() + co.mean() - cp.mean();
        double vc = pp.varianceOfMean() + co.varianceOfMean() + cp.varianceOfMean(), ve = vc + po.varianceOfMean();
        assertThat(e).isCloseTo(x.path("effect").asDouble(), within(TOLERANCE));
        assertThat(cf).isCloseTo(x.path("counterfactual").asDouble(), within(TOLERANCE));
        assertThat(ve).isCloseTo(x.path("effect_variance").asDouble(), within(TOLERANCE));
        double[] r = FiellerInterval.of(e, cf, ve, vc, -vc, x.path("q").asDouble());
        assertThat(r).isNotNull();
        assertThat(r[0]).isCloseTo(x.path("relative_ci_low").asDouble(), within(TOLERANCE));
        assertThat(r[1]).isCloseTo(x.path("relative_ci_high").asDouble(), within(TOLERANCE));
    }

    /** The reason for Fieller: it holds zero exactly when the absolute interval does; the delta method did not in case 5. */
    @Test
    void theRelativeIntervalHoldsZeroExactlyWhenTheAbsoluteOneDoes() throws Exception {
        int deltaDisagrees = 0;
        for (JsonNode c : vectors().path("cases")) {
            JsonNode x = c.path("expected");
            boolean absolute = x.path("abs_ci_low").asDouble() <= 0 && x.path("abs_ci_high").asDouble() >= 0;
            double[] r = FiellerInterval.of(x.path("effect").asDouble(), x.path("counterfactual").asDouble(), x.path("effect_variance").asDouble(),
                x.path("counterfactual_variance").asDouble(), x.path("covariance").asDouble(), x.path("q").asDouble());
            assertThat(r[0] <= 0 && r[1] >= 0).as("seed " + c.path("seed")).isEqualTo(absolute);
            if ((x.path("delta_ci_low").asDouble() <= 0 && x.path("delta_ci_high").asDouble() >= 0) != absolute) deltaDisagrees++;
        }
        assertThat(deltaDisagrees).as("the vectors hold a case the delta method got wrong").isEqualTo(1);
    }

    @Test
    void aCounterfactualNotClearlyAwayFromZeroGivesNoInterval() {
        assertThat(FiellerInterval.of(1, 0.5, 1, 0.1, 0, 2)).as("0.25 ≤ 4·0.1: unbounded").isNull();
        double[] negative = FiellerInterval.of(-1, -10, 0.04, 0.01, 0, 2);
        double[] positive = FiellerInterval.of(1, 10, 0.04, 0.01, 0, 2);
        assertThat(negative[0]).as("e/|c| with c < 0 is minus the ratio").isCloseTo(-positive[1], within(1e-15));
        assertThat(negative[1]).isCloseTo(-positive[0], within(1e-15));
    }
}

package dk.gevinst.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.gevinst.decision.Design;
import dk.gevinst.decision.PeriodCells;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Four-cell difference-in-differences pinned to 1e-9 against scipy, computed from the raw draws by
 * src/test/resources/vectors/make_four_cell_vectors.py (committed with its output).
 */
class ScipyFourCellVectorsTest {
    private static final double TOLERANCE = 1e-9;

    @TestFactory
    List<DynamicTest> everyCaseMatchesScipy() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/vectors/four_cell_vectors.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : root.path("cases")) {
            tests.add(DynamicTest.dynamicTest("seed " + c.path("seed").asInt(), () -> check(c)));
        }
        assertThat(tests).hasSize(5);
        return tests;
    }

    private static Moments moments(JsonNode cell) {
        return new Moments(cell.path("n").asLong(), cell.path("sum").asDouble(), cell.path("sum_sq").asDouble());
    }

    private static void check(JsonNode c) {
        JsonNode cells = c.path("cells");
        PeriodCells pc = new PeriodCells(moments(cells.path("pilot_pre")), moments(cells.path("pilot_post")),
            moments(cells.path("control_pre")), moments(cells.path("control_post")));
        assertThat(pc.design(true, true)).isEqualTo(Design.DID);
        Contrast contrast = pc.contrast(Design.DID);
        double alpha = c.path("alpha").asDouble();
        JsonNode e = c.path("expected");
        FixedHorizon.Result fixed = FixedHorizon.analyse(contrast, alpha);
        Interval cs = ConfidenceSequence.of(contrast, alpha, c.path("n_star").asDouble());
        assertThat(fixed.estimate()).isCloseTo(e.path("estimate").asDouble(), within(TOLERANCE));
        assertThat(fixed.standardError()).isCloseTo(e.path("se").asDouble(), within(TOLERANCE));
        assertThat(fixed.dof()).isCloseTo(e.path("dof").asDouble(), within(TOLERANCE * e.path("dof").asDouble()));
        assertThat(fixed.interval().low()).isCloseTo(e.path("fixed_ci_low").asDouble(), within(TOLERANCE));
        assertThat(fixed.interval().high()).isCloseTo(e.path("fixed_ci_high").asDouble(), within(TOLERANCE));
        assertThat(fixed.pValue()).isCloseTo(e.path("p_value").asDouble(), within(TOLERANCE));
        assertThat(cs.low()).isCloseTo(e.path("cs_ci_low").asDouble(), within(TOLERANCE));
        assertThat(cs.high()).isCloseTo(e.path("cs_ci_high").asDouble(), within(TOLERANCE));
    }
}

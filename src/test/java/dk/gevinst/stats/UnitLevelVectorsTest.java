package dk.gevinst.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The REML drift fit, the contrast's variance and Satterthwaite degrees of freedom, and the Newey–West HAC
 * standard error, pinned to an independent implementation (scipy's L-BFGS-B on the restricted likelihood,
 * statsmodels' numerical Hessian and its WLS HAC): src/test/resources/vectors/make_unit_level_vectors.py,
 * committed with its output.
 */
class UnitLevelVectorsTest {
    @TestFactory
    List<DynamicTest> everySeriesMatchesTheIndependentImplementation() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/vectors/unit_level_vectors.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : root.path("cases")) tests.add(DynamicTest.dynamicTest(c.path("name").asText(), () -> check(c)));
        assertThat(tests).hasSize(6);
        return tests;
    }

    private static void check(JsonNode c) {
        double[] y = doubles(c.path("y")), time = doubles(c.path("time")), noise = doubles(c.path("noise")), w = doubles(c.path("weights"));
        double[][] x = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            x[i] = c.path("post").isNull() ? new double[] {1} : new double[] {1, c.path("post").get(i).asDouble()};
        }
        int k = x[0].length - 1;
        double[] contrast = LeastSquares.coefficientWeights(x, w)[k];

        DriftFit fit = DriftReml.fit(y, x, time, noise);
        JsonNode reml = c.path("reml");
        assertThat(fit.logLik()).as("restricted log-likelihood").isCloseTo(reml.path("log_lik").asDouble(), within(1e-6));
        assertThat(fit.sigma2()).as("sigma2").isCloseTo(reml.path("sigma2").asDouble(), relative(reml.path("sigma2").asDouble(), 1e-4));
        assertThat(fit.rho()).as("rho").isCloseTo(reml.path("rho").asDouble(), within(1e-4));

        JsonNode con = c.path("contrast");
        assertThat(DriftReml.dot(contrast, y)).isCloseTo(con.path("estimate").asDouble(), within(1e-12));
        assertThat(fit.variance(contrast, time, noise)).as("variance").isCloseTo(con.path("variance").asDouble(),
            relative(con.path("variance").asDouble(), 1e-4));
        assertThat(fit.degreesOfFreedom(contrast, time, noise)).as("Satterthwaite dof").isCloseTo(con.path("dof").asDouble(),
            relative(con.path("dof").asDouble(), 2e-3));

        JsonNode hac = c.path("hac");
        assertThat(NeweyWest.lag(y.length)).isEqualTo(hac.path("maxlags").asInt());
        assertThat(NeweyWest.standardError(y, x, w, k, hac.path("maxlags").asInt())).as("HAC se")
            .isCloseTo(hac.path("se").asDouble(), within(1e-10));
    }

    private static Offset<Double> relative(double value, double tolerance) {
        return within(Math.abs(value) * tolerance + 1e-9);
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).asDouble();
        return out;
    }
}

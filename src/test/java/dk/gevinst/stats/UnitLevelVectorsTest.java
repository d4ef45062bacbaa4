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
 * Pinned to an independent implementation (src/test/resources/vectors/make_unit_level_vectors.py, committed
 * with its output): the drift-integrated critical value and mean variance Gevinst decides with (numpy on a
 * fine grid, against Gevinst's Gauss–Legendre rule: 1e-3 relative), the Newey–West HAC standard error
 * (statsmodels' WLS HAC), the restricted likelihood itself, and the plug-in REML fit with Satterthwaite's
 * degrees of freedom that the A/A simulation rejected (scipy's L-BFGS-B and statsmodels' numerical Hessian).
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
        assertThat(LeastSquares.dot(contrast, y)).isCloseTo(con.path("estimate").asDouble(), within(1e-12));
        assertThat(fit.variance(contrast, time, noise)).as("variance").isCloseTo(con.path("variance").asDouble(),
            relative(con.path("variance").asDouble(), 1e-4));
        if (!con.path("dof").isNull()) {
            assertThat(fit.degreesOfFreedom(contrast, time, noise)).as("Satterthwaite dof").isCloseTo(con.path("dof").asDouble(),
                relative(con.path("dof").asDouble(), 2e-3));
        }
        assertThat(new DriftLikelihood(y, x, time, noise).logLik(fit.sigma2(), fit.rho())).as("Kalman-filter likelihood")
            .isCloseTo(fit.logLik(), within(1e-9));

        JsonNode integrated = c.path("integrated");
        DriftPosterior posterior = DriftPosterior.of(y, x, time, noise);
        for (String tail : List.of("0.0125", "0.005")) {
            double expected = integrated.path("critical").path(tail).asDouble();
            assertThat(posterior.critical(contrast, time, noise, Double.parseDouble(tail))).as("critical value at tail " + tail)
                .isCloseTo(expected, relative(expected, 1e-3));
        }
        double meanVariance = integrated.path("mean_variance").asDouble();
        assertThat(posterior.meanVariance(contrast, time, noise)).as("drift-integrated variance").isCloseTo(meanVariance, relative(meanVariance, 1e-3));

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

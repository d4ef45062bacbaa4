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
 * The clustered share pinned against statsmodels: the intra-team correlation from anova_lm on the raw 0/1
 * answers, the Wilson interval from proportion_confint at the effective sample size
 * (src/test/resources/vectors/make_clustered_share_vectors.py, committed with its output).
 */
class ClusteredShareVectorsTest {
    private static final double TOLERANCE = 1e-9;

    @TestFactory
    List<DynamicTest> everyCaseMatchesStatsmodels() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/vectors/clustered_share_vectors.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : root.path("cases")) tests.add(DynamicTest.dynamicTest(c.path("name").asText(), () -> check(c)));
        assertThat(tests).hasSize(5);
        return tests;
    }

    private static void check(JsonNode c) {
        List<Moments> teams = new ArrayList<>();
        c.path("teams").forEach(t -> teams.add(new Moments(t.path("n").asLong(), t.path("yes").asDouble(), t.path("yes").asDouble())));
        ClusteredShare s = ClusteredShare.of(teams, c.path("alpha").asDouble());
        JsonNode e = c.path("expected");
        assertThat(s.share()).isCloseTo(e.path("share").asDouble(), within(TOLERANCE));
        assertThat(s.n()).isEqualTo(e.path("n").asLong());
        assertThat(s.teams()).isEqualTo(e.path("teams").asInt());
        assertThat(s.designEffect()).isCloseTo(e.path("design_effect").asDouble(), within(TOLERANCE));
        assertThat(s.interval().low()).isCloseTo(e.path("ci_low").asDouble(), within(TOLERANCE));
        assertThat(s.interval().high()).isCloseTo(e.path("ci_high").asDouble(), within(TOLERANCE));
    }

    @Test
    void teamsThatDisagreeWidenTheIntervalBeyondTheNaiveOne() {
        List<Moments> teams = List.of(new Moments(20, 18, 18), new Moments(20, 6, 6));
        ClusteredShare s = ClusteredShare.of(teams, 0.05);
        Interval naive = WilsonInterval.of(24, 40, 0.05);
        assertThat(s.designEffect()).isGreaterThan(1);
        assertThat(s.interval().high() - s.interval().low()).isGreaterThan(naive.high() - naive.low());
    }
}

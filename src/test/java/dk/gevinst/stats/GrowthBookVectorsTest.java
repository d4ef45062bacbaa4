package dk.gevinst.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dk.gevinst.stats.Contrast.Term;
import org.junit.jupiter.api.Test;

/**
 * Published test vectors from GrowthBook's gbstats test suite (growthbook/growthbook,
 * packages/stats/tests), as listed in shared/reference/growthbook/vectors.md. Published to six decimals,
 * so pinned to 1e-6.
 */
class GrowthBookVectorsTest {
    private static final Moments A = new Moments(3407, 1396.87, 52377.9767);
    private static final Moments B = new Moments(3461, 2422.7, 134698.29);
    private static final Moments A_3000 = new Moments(3000, 1396.87, 52377.9767);

    private static Contrast bMinusA(Moments a, Moments b) {
        return Contrast.of(new Term(1, b), new Term(-1, a));
    }

    @Test
    void absoluteWelchTMatchesTestTests() {
        FixedHorizon.Result r = FixedHorizon.analyse(bMinusA(A, B), 0.05);
        assertThat(A.mean()).isCloseTo(0.41, within(1e-4));
        assertThat(A.variance()).isCloseTo(15.21, within(1e-2));
        assertThat(r.estimate()).isCloseTo(0.29, within(1e-6));
        assertThat(r.standardError()).isCloseTo(0.124784, within(1e-6));
        assertThat(r.dof()).isCloseTo(5841.74, within(1e-2));
        assertThat(r.interval().low()).isCloseTo(0.045378, within(1e-6));
        assertThat(r.interval().high()).isCloseTo(0.534622, within(1e-6));
        assertThat(r.pValue()).isCloseTo(0.020158, within(1e-6));
    }

    @Test
    void relativeDeltaMethodMatchesTestTests() {
        double est = RelativeEffect.estimate(A, B);
        double se = RelativeEffect.standardError(A, B);
        FixedHorizon.Result r = FixedHorizon.around(est, se, bMinusA(A, B).degreesOfFreedom(), 0.05);
        assertThat(est).isCloseTo(0.707317, within(1e-6));
        assertThat(se).isCloseTo(0.378794, within(1e-6));
        assertThat(r.interval().low()).isCloseTo(-0.035260, within(1e-6));
        assertThat(r.interval().high()).isCloseTo(1.449894, within(1e-6));
        assertThat(r.pValue()).isCloseTo(0.061912, within(1e-6));
    }

    @Test
    void absoluteConfidenceSequenceMatches() {
        Contrast c = bMinusA(A_3000, B);
        assertThat(ConfidenceSequence.rho(0.05, 5000)).isCloseTo(0.0398401, within(1e-7));
        Interval cs = ConfidenceSequence.of(c, 0.05, 5000);
        assertThat(c.estimate()).isCloseTo(0.234377, within(1e-6));
        assertThat(c.standardError()).isCloseTo(0.129831, within(1e-6));
        assertThat(cs.low()).isCloseTo(-0.160117, within(1e-6));
        assertThat(cs.high()).isCloseTo(0.628870, within(1e-6));
    }

    @Test
    void relativeConfidenceSequenceMatchesForTwoTunings() {
        double est = RelativeEffect.estimate(A_3000, B);
        double se = RelativeEffect.standardError(A_3000, B);
        long n = A_3000.n() + B.n();
        assertThat(est).isCloseTo(0.503361, within(1e-6));
        assertThat(se).isCloseTo(0.333412, within(1e-6));
        Interval at5000 = ConfidenceSequence.around(est, se, n, 0.05, 5000);
        assertThat(at5000.low()).isCloseTo(-0.509718, within(1e-6));
        assertThat(at5000.high()).isCloseTo(1.516440, within(1e-6));
        assertThat(ConfidenceSequence.rho(0.05, 1000)).isCloseTo(0.0890851, within(1e-7));
        Interval at1000 = ConfidenceSequence.around(est, se, n, 0.05, 1000);
        assertThat(at1000.low()).isCloseTo(-0.558441, within(1e-6));
        assertThat(at1000.high()).isCloseTo(1.565163, within(1e-6));
    }

    @Test
    void gbstatsRelativeAndSequentialMatch() {
        Moments control = new Moments(100, 270, 848.79);
        Moments treatment = new Moments(120, 300, 869);
        double est = RelativeEffect.estimate(control, treatment);
        double se = RelativeEffect.standardError(control, treatment);
        double dof = bMinusA(control, treatment).degreesOfFreedom();
        assertThat(est).isCloseTo(-0.0740741, within(1e-7));
        assertThat(dof).isCloseTo(202.44, within(1e-2));
        assertThat(FixedHorizon.around(est, se, dof, 0.05).pValue()).isCloseTo(0.145219, within(1e-6));
        assertThat(ConfidenceSequence.around(est, se, control.n() + treatment.n(), 0.05, 600).low()).isCloseTo(-0.233322, within(1e-6));
    }
}

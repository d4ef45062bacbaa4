package dk.gevinst.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.stats.Contrast.Term;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * 2,000 pilots with no effect, two success indicators each, looked at 10 times as the post period grows.
 * The always-valid confidence sequence (at α/2/k per indicator) must keep the share of pilots ever shown
 * "better" within α/2, allowing for simulation error; the naive fixed interval at the same level, peeked at
 * every night on the same data, must exceed it. Seeded, so the numbers are the same on every run.
 */
class AaSimulationTest {
    private static final int PILOTS = 2000;
    private static final int LOOKS = 10;
    private static final int INDICATORS = 2;
    private static final double ALPHA = 0.05;
    private static final int PRE_PER_CELL = 300;
    private static final int POST_PER_LOOK = 60;

    @Test
    void sequentialKeepsTheErrorRateWhileNaivePeekingDoesNot() {
        SplittableRandom random = new SplittableRandom(20261127);
        double a = ALPHA / 2 / INDICATORS;
        int sequentialEver = 0, naiveEver = 0;
        for (int p = 0; p < PILOTS; p++) {
            boolean seq = false, naive = false;
            for (int k = 0; k < INDICATORS; k++) {
                Moments pilotPre = draw(random, PRE_PER_CELL), controlPre = draw(random, PRE_PER_CELL);
                Moments pilotPost = Moments.EMPTY, controlPost = Moments.EMPTY;
                for (int look = 0; look < LOOKS; look++) {
                    pilotPost = pilotPost.plus(draw(random, POST_PER_LOOK));
                    controlPost = controlPost.plus(draw(random, POST_PER_LOOK));
                    Contrast did = Contrast.of(new Term(1, pilotPost), new Term(-1, pilotPre), new Term(-1, controlPost), new Term(1, controlPre));
                    seq |= ConfidenceSequence.of(did, a, ConfidenceSequence.DEFAULT_N_STAR).low() > 0;
                    naive |= FixedHorizon.analyse(did, a).interval().low() > 0;
                }
            }
            if (seq) sequentialEver++;
            if (naive) naiveEver++;
        }
        double target = ALPHA / 2;
        double simulationError = 3 * Math.sqrt(target * (1 - target) / PILOTS);
        double sequentialRate = (double) sequentialEver / PILOTS;
        double naiveRate = (double) naiveEver / PILOTS;
        System.out.printf("A/A: ever 'better' with the confidence sequence %.4f, with naive peeking %.4f (alpha/2 = %.3f)%n",
            sequentialRate, naiveRate, target);
        assertThat(sequentialRate).isLessThanOrEqualTo(target + simulationError);
        assertThat(naiveRate).isGreaterThan(target);
        assertThat(naiveRate).isGreaterThan(sequentialRate);
    }

    private static Moments draw(SplittableRandom random, int n) {
        double s = 0, s2 = 0;
        for (int i = 0; i < n; i++) {
            double u = 1 - random.nextDouble(), v = random.nextDouble();
            double x = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
            s += x;
            s2 += x * x;
        }
        return new Moments(n, s, s2);
    }
}

package dk.gevinst.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * The remembered quantiles (issue 12, P5) are the very numbers a fresh solve gives, bit for bit, on the
 * first call and on every later one; so is the normal quantile without its random generator.
 */
class FixedHorizonQuantileTest {
    @Test
    void rememberedQuantilesAreTheSameBitsAsFreshlySolvedOnes() {
        double[] probabilities = {0.975, 0.99375, 0.996875, 0.5 + 1e-9, 0.9999};
        double[] dofs = {0.05, 0.7, 1, 2.5, 5, 5.88417509923684, 12, 30.25, 707.1067811865476, 12302.92, 9.9e6};
        for (double p : probabilities) {
            for (double dof : dofs) {
                long fresh = Double.doubleToRawLongBits(FixedHorizon.solve(p, dof));
                assertThat(Double.doubleToRawLongBits(FixedHorizon.quantile(p, dof))).as("p %s, dof %s, first", p, dof).isEqualTo(fresh);
                assertThat(Double.doubleToRawLongBits(FixedHorizon.quantile(p, dof))).as("p %s, dof %s, remembered", p, dof).isEqualTo(fresh);
            }
            assertThat(Double.doubleToRawLongBits(FixedHorizon.quantile(p, Double.POSITIVE_INFINITY)))
                .isEqualTo(Double.doubleToRawLongBits(new NormalDistribution().inverseCumulativeProbability(p)));
            assertThat(Double.doubleToRawLongBits(FixedHorizon.upperTail(2.1, Double.POSITIVE_INFINITY)))
                .isEqualTo(Double.doubleToRawLongBits(new NormalDistribution().cumulativeProbability(-2.1)));
        }
    }
}

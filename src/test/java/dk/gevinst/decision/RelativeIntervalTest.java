package dk.gevinst.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.stats.RelativeEffect;
import org.junit.jupiter.api.Test;

/**
 * The relative interval a pilot is read on agrees with its absolute interval on whether the change is zero. A
 * stranger's pilot went GO on a relative interval of −18.8 to −0.4 % (delta method) above an absolute one of
 * −10.6 to +0.2 minutes: one analysis, two answers.
 */
class RelativeIntervalTest {
    @Test
    void aChangeTheAbsoluteIntervalCannotTellFromZeroIsNotShownByTheRelativeOne() {
        double e = -17, seCase = 9, cf = 55, vcf = 20, cov = -20;
        Analysis.Bound b = AnalysisMaker.bound(Analysis.FINAL, 0.05, e, new AnalysisMaker.Ratio(cf, vcf, cov), seCase, Double.POSITIVE_INFINITY,
            4000, 5000, null);
        assertThat(b.low()).isNegative();
        assertThat(b.high()).as("the absolute interval holds zero").isPositive();
        assertThat(b.relativeLow()).isNegative();
        assertThat(b.relativeHigh()).as("and so does the relative one").isPositive();

        // What the delta method said for the same numbers: a fall of 1 % at least.
        double z = 1.959963984540054, rel = e / cf, se = RelativeEffect.standardError(e, seCase * seCase, cf, vcf, cov);
        assertThat(rel + z * se).as("the old interval's upper end").isNegative();
    }

    @Test
    void aTeamLevelWidthCarriesOverToTheRelativeInterval() {
        double e = -8, seCase = 2, cf = 60;
        AnalysisMaker.Ratio ratio = new AnalysisMaker.Ratio(cf, 1, -1);
        Analysis.Bound caseOnly = AnalysisMaker.bound(Analysis.FINAL, 0.05, e, ratio, seCase, Double.POSITIVE_INFINITY, 4000, 5000, null);
        // Team-level half-width 8.1: the absolute interval just holds zero, and the relative one must too.
        Analysis.Bound team = AnalysisMaker.bound(Analysis.FINAL, 0.05, e, ratio, seCase, Double.POSITIVE_INFINITY, 4000, 5000,
            new UnitLevelInference.Critical(8.1, 3.5, 9));
        assertThat(caseOnly.relativeHigh()).isNegative();
        assertThat(team.decidedBy()).isEqualTo(Analysis.UNIT);
        assertThat(team.high()).isPositive();
        assertThat(team.relativeHigh()).isPositive();
    }
}

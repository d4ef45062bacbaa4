package dk.gevinst.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.privacy.SmallCells.Sum;
import dk.gevinst.source.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SmallCellsTest {
    @Test
    void oneSmallCellTakesTheNextSmallestWithItAndAnEmptyCellIsNotACell() {
        assertThat(SmallCells.suppress(List.of(12L, 3L, 9L, 0L, 40L))).containsExactlyInAnyOrder(1, 2);
        assertThat(SmallCells.suppress(List.of(12L, 3L, 4L, 40L))).containsExactlyInAnyOrder(1, 2);
        assertThat(SmallCells.suppress(List.of(12L, 9L))).isEmpty();
    }

    @Test
    void aSuppressionThatExposesAnotherSumIsFollowedThroughEverySum() {
        // 0:a=3 1:b=10 2:c=20 3:d=6; published sums 4=a+b, 5=a+c, 6=c+d.
        List<Long> n = List.of(3L, 10L, 20L, 6L, 13L, 23L, 26L);
        List<Sum> sums = List.of(new Sum(4, List.of(0, 1)), new Sum(5, List.of(0, 2)), new Sum(6, List.of(2, 3)));
        Set<Integer> hidden = SmallCells.suppress(n, sums);
        assertThat(hidden).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void aHiddenFigureThatIsTheOnlyPartOfASumHidesTheSum() {
        // 0:a=3 1:b=8; 2 = a+b; 3 = b alone (a week with one day, say): hiding b must hide 3 too.
        Set<Integer> hidden = SmallCells.suppress(List.of(3L, 8L, 11L, 8L), List.of(new Sum(2, List.of(0, 1)), new Sum(3, List.of(1))));
        assertThat(hidden).containsExactlyInAnyOrder(0, 1, 3);
    }

    @Test
    void afterSuppressionNoSumHasExactlyOneHiddenMember() {
        Random random = new Random(20261127);
        for (int trial = 0; trial < 300; trial++) {
            int cells = 3 + random.nextInt(30);
            List<Long> n = new ArrayList<>();
            for (int i = 0; i < cells; i++) n.add((long) random.nextInt(random.nextBoolean() ? 6 : 40));
            List<Sum> sums = new ArrayList<>();
            for (int s = 0; s < 1 + random.nextInt(8); s++) {
                List<Integer> parts = new ArrayList<>();
                for (int i = 0; i < cells; i++) if (random.nextInt(3) == 0) parts.add(i);
                n.add(parts.stream().mapToLong(n::get).sum());
                sums.add(new Sum(n.size() - 1, parts));
            }
            Set<Integer> hidden = SmallCells.suppress(n, sums);
            for (int i = 0; i < n.size(); i++) if (SmallCells.primary(n.get(i))) assertThat(hidden).contains(i);
            for (Sum s : sums) {
                long members = s.parts().stream().filter(i -> n.get(i) > 0 && hidden.contains(i)).count() + (hidden.contains(s.total()) ? 1 : 0);
                assertThat(members).as("trial %d, sum %s, hidden %s", trial, s, hidden).isNotEqualTo(1);
            }
        }
    }

    @Test
    void casesSurveysAndUsageAreCoveredTechnicalMetricsAreNot() {
        assertThat(SmallCells.covers(Source.CASES)).isTrue();
        assertThat(SmallCells.covers(Source.SURVEY_RESPONSES)).isTrue();
        assertThat(SmallCells.covers(Source.USAGE)).isTrue();
        assertThat(SmallCells.covers(Source.TECH_METRICS)).isFalse();
    }
}

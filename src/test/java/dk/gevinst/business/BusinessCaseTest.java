package dk.gevinst.business;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dk.gevinst.cells.CellTable;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.decision.PilotEvaluator;
import dk.gevinst.indicator.Catalog;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusinessCaseTest {
    @Test
    void npvAndPaybackFollowStatensModel() throws Exception {
        var spec = new PilotSpecParser(Catalog.builtIn()).parse("t.yaml", """
            id: p
            title: P
            start: 2026-03-02
            end: 2026-06-30
            baseline_start: 2026-01-05
            arms: {pilot: [A], control: [B]}
            indicators:
              handling_time: {role: success, mde: 1}
            business_case: {hourly_cost_dkk: 500, horizon_years: 3, discount_rate: 0.035, annual_cases: 10000}
            """);
        // handling time falls exactly 6 minutes: 10,000 cases x 6 min = 1,000 hours = 500,000 kr. a year
        var cells = new CellTable(dk.gevinst.testing.TestCells.did("handling_time", 60, -6, 10, 4000));
        var costs = List.of(new CostLine("p", "hosted", "licens", "yearly", 100_000), new CostLine("p", "hosted", "impl", "one_off", 300_000),
            new CostLine("p", "on-premise", "drift", "yearly", 50_000), new CostLine("p", "on-premise", "hw", "one_off", 1_500_000),
            new CostLine("other", "cloud", "x", "yearly", 1));
        var result = PilotEvaluator.evaluate(spec, cells, costs, LocalDate.of(2026, 5, 31), Map.of()).businessCase();
        assertThat(result.hoursSavedPerYear()).isCloseTo(1000, within(1e-6));
        assertThat(result.options()).extracting(OptionValue::option).containsExactly("hosted", "on-premise");
        OptionValue hosted = result.best();
        assertThat(hosted.option()).isEqualTo("hosted");
        // 400,000 x (1/1.035 + 1/1.035^2 + 1/1.035^3) - 300,000, computed independently in Python
        assertThat(hosted.npvDkk()).isCloseTo(820654.7924, within(1e-3));
        assertThat(hosted.paybackYears()).isCloseTo(0.77625, within(1e-5));
        assertThat(hosted.npvLowDkk()).isLessThan(hosted.npvDkk());
        assertThat(hosted.npvHighDkk()).isGreaterThan(hosted.npvDkk());
        assertThat(hosted.cumulativeLikely()).hasSize(4).first().isEqualTo(-300_000.0);
        OptionValue onPremise = result.options().get(1);
        assertThat(onPremise.npvDkk()).isCloseTo(450_000 * (1 / 1.035 + 1 / Math.pow(1.035, 2) + 1 / Math.pow(1.035, 3)) - 1_500_000, within(1e-3));
        assertThat(onPremise.paybackYears()).isNull();
    }
}

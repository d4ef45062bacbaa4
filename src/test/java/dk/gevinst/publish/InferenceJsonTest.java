package dk.gevinst.publish;

import static dk.gevinst.testing.TestCells.cell;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.cells.Arm;
import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.CellTable;
import dk.gevinst.cells.Period;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.decision.PilotEvaluation;
import dk.gevinst.decision.PilotEvaluator;
import dk.gevinst.indicator.Catalog;
import dk.gevinst.privacy.CprScrubber;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The inference a page draws from (issue 8): which standard error decided and what it rests on, the weekly
 * gap series (small weeks hidden), the placebo estimates per control team (CPR-shaped names masked), the
 * pre-trend check, and the health flags pre_trend and one_team.
 */
class InferenceJsonTest {
    private static final LocalDate BASELINE = LocalDate.of(2026, 1, 5), START = LocalDate.of(2026, 3, 30), AS_OF = LocalDate.of(2026, 6, 28);
    private static final String CPR_TEAM = "Team 010190-1234";
    private static final List<String> CONTROLS = List.of("B1", "B2", "B3", "B4", CPR_TEAM);

    /**
     * Weekly cells of 60 cases (one pilot week of 3), five control teams with their own noise. With
     * {@code preTrend} the pilot's level steps up by 8 (0.8 case SDs) six weeks into the baseline and stays there:
     * the teams moved apart before the start. (A smooth climb is not flagged: the drift model takes it as
     * persistent drift, which widens every interval instead; docs/method.md.)
     */
    private static ObjectNode document(boolean preTrend) throws Exception {
        var spec = new PilotSpecParser(Catalog.builtIn()).parse("t.yaml", """
            id: p
            title: "P"
            start: %s
            end: 2026-08-30
            baseline_start: %s
            arms: {pilot: [A], control: ["B1", "B2", "B3", "B4", "%s"]}
            indicators:
              handling_time: {role: success, mde: "10%%"}
            decision: {alpha: 0.05, min_cases: 20, max_extension_weeks: 8}
            """.formatted(START, BASELINE, CPR_TEAM));
        SplittableRandom random = new SplittableRandom(7);
        List<CellStats> cells = new ArrayList<>();
        int k = 0;
        for (LocalDate d = BASELINE.plusDays(2); d.isBefore(AS_OF); d = d.plusWeeks(1), k++) {
            Period period = d.isBefore(START) ? Period.PRE : Period.POST;
            long pilotN = d.equals(LocalDate.of(2026, 2, 11)) ? 3 : 60;
            double trend = preTrend && k >= 6 ? 8 : 0;
            cells.add(new CellStats("p", "handling_time", "A", Arm.PILOT, period, d, cell(pilotN, 60 + trend + random.nextGaussian(), 10)));
            for (String c : CONTROLS) cells.add(new CellStats("p", "handling_time", c, Arm.CONTROL, period, d, cell(60, 60 + random.nextGaussian(), 10)));
        }
        PilotEvaluation e = PilotEvaluator.evaluate(spec, new CellTable(cells), List.of(), AS_OF, Map.of());
        return DecisionDocument.build(e, Json.MAPPER.createObjectNode(), List.of());
    }

    @Test
    void theInferenceSaysWhatDecidedAndShowsTheSeriesThePlacebosAndOneTeam() throws Exception {
        ObjectNode doc = document(false);
        JsonNode inference = doc.path("indicators").get(0).path("inference");
        assertThat(inference.path("decided_by").asText()).isIn("case", "unit");
        assertThat(inference.path("n_eff").isNumber()).isTrue();
        JsonNode gaps = inference.path("weekly_gap");
        assertThat(gaps).hasSize(inference.path("weeks").asInt());
        JsonNode small = null;
        for (JsonNode w : gaps) if (w.path("week").asText().equals("2026-02-09")) small = w;
        assertThat(small).isNotNull();
        assertThat(small.path("suppressed").asBoolean()).isTrue();
        assertThat(small.path("gap").isNull()).isTrue();
        // The trend hides a second pilot week so that the small one cannot be recovered by subtraction; so does the series.
        for (JsonNode t : doc.path("indicators").get(0).path("trend")) {
            if (!t.path("pilot_suppressed").asBoolean()) continue;
            assertThat(gaps).filteredOn(w -> w.path("week").asText().equals(t.path("week").asText())).allMatch(w -> w.path("suppressed").asBoolean());
        }
        assertThat(gaps).filteredOn(w -> !w.path("suppressed").asBoolean()).allMatch(w -> w.path("gap").isNumber() && w.path("noise_se").asDouble() > 0);
        assertThat(gaps).anyMatch(w -> w.path("post").asBoolean()).anyMatch(w -> !w.path("post").asBoolean());

        JsonNode unit = inference.path("unit_level");
        assertThat(unit.path("method").asText()).isEqualTo("weekly_gap+placebo_in_space");
        assertThat(unit.path("units").path("control").asInt()).isEqualTo(5);
        JsonNode placebo = unit.path("placebo");
        assertThat(placebo.path("estimates")).hasSize(5);
        assertThat(placebo.path("rank_p_value").asDouble()).isBetween(1.0 / 6, 1.0);
        assertThat(placebo.toString()).doesNotContain("010190-1234");
        assertThat(placebo.path("estimates")).anyMatch(p -> p.path("unit").asText().equals("Team " + CprScrubber.MASK));

        assertThat(doc.path("indicators").get(0).path("pre_trend").path("drift_found").asBoolean()).isFalse();
        List<String> codes = new ArrayList<>();
        doc.path("health").forEach(h -> codes.add(h.path("code").asText()));
        assertThat(codes).containsExactly("one_team");
        assertThat(doc.path("health").get(0).path("severity").asText()).isEqualTo("warning");
        assertThat(doc.path("health").get(0).path("text_da").asText()).contains("ét team (A)");
    }

    @Test
    void aPilotThatDriftedAwayBeforeTheStartGetsAPreTrendFlagAndCannotGo() throws Exception {
        ObjectNode doc = document(true);
        JsonNode pre = doc.path("indicators").get(0).path("pre_trend");
        assertThat(pre.path("drift_found").asBoolean()).isTrue();
        assertThat(pre.path("ci_low").asDouble()).isPositive();
        assertThat(doc.path("decision").asText()).isNotEqualTo("GO");
        JsonNode flag = null;
        for (JsonNode h : doc.path("health")) if (h.path("code").asText().equals("pre_trend")) flag = h;
        assertThat(flag).isNotNull();
        assertThat(flag.path("severity").asText()).isEqualTo("error");
        assertThat(flag.path("indicator").asText()).isEqualTo("handling_time");
        assertThat(flag.path("text_en").asText()).contains("already moving apart before the start");
    }
}

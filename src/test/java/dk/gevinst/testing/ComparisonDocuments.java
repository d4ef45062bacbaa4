package dk.gevinst.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.cells.Arm;
import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.CellTable;
import dk.gevinst.cells.Period;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.decision.PilotEvaluation;
import dk.gevinst.decision.PilotEvaluator;
import dk.gevinst.decision.comparison.ComparisonEvaluator;
import dk.gevinst.decision.comparison.RecommendationRuleTest;
import dk.gevinst.indicator.Catalog;
import dk.gevinst.publish.DecisionDocument;
import dk.gevinst.publish.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A comparison's decision document as the nightly run publishes it, from known cells: for the schema, explain
 * and the dashboard. The comparison {@code k} of {@link RecommendationRuleTest}, with a title, an owner, two
 * vendors and their users' SUS and preference.
 */
public final class ComparisonDocuments {
    private ComparisonDocuments() {}

    public static PilotSpec spec() throws Exception {
        return new PilotSpecParser(Catalog.builtIn()).parse("k.yaml", """
            id: k
            title: "Nyt sagssystem i Jobcenter"
            owner: "Jobcenter, Beskæftigelse"
            start: 2026-03-02
            end: 2026-06-30
            baseline_start: 2026-01-05
            arms:
              control: [C]
              candidates:
                a: {vendor: "Sagsløft", units: [A], options: {hosted: {one_off_dkk: 400000, yearly_dkk: 250000}, cloud: {one_off_dkk: 150000, yearly_dkk: 320000}}}
                b: {vendor: "Jobflow", units: [B], options: {on-premise: {one_off_dkk: 900000, yearly_dkk: 180000}}}
            indicators:
              handling_time: {role: success, mde: "10%"}
              processing_days: {role: guardrail, margin: "20%"}
              sus: {role: descriptive}
              preference: {role: descriptive}
            decision: {alpha: 0.05, min_cases: 50, max_extension_weeks: 8}
            business_case: {hourly_cost_dkk: 500, horizon_years: 5, annual_cases: 10000}
            """);
    }

    /** Sagsløft (unit A) is faster; Jobflow (unit B) is preferred by its caseworkers and scores higher on SUS. */
    public static ObjectNode fasterAndPreferred() throws Exception {
        List<CellStats> cells = new ArrayList<>(RecommendationRuleTest.cells(-14, -6, 0, 0,
            RecommendationRuleTest.preferring("A", 21, 40), RecommendationRuleTest.preferring("B", 33, 40)));
        LocalDate wave = RecommendationRuleTest.START.plusWeeks(8);
        cells.add(new CellStats("k", "sus", "A", Arm.PILOT, Period.POST, wave, TestCells.cell(40, 64, 12)));
        cells.add(new CellStats("k", "sus", "B", Arm.PILOT, Period.POST, wave, TestCells.cell(40, 78, 10)));
        return document(spec(), cells, RecommendationRuleTest.AS_OF);
    }

    public static ObjectNode document(PilotSpec spec, List<CellStats> cells, LocalDate asOf) {
        CellTable table = new CellTable(cells);
        PilotEvaluation e = PilotEvaluator.evaluate(spec, table, List.of(), asOf, java.util.Map.of())
            .withComparison(ComparisonEvaluator.evaluate(spec, table, asOf));
        ObjectNode quality = Json.MAPPER.createObjectNode();
        quality.putObject("sources");
        quality.putArray("rejected_files");
        quality.putObject("cpr_masked");
        ObjectNode doc = DecisionDocument.build(e, quality, List.of());
        // What the nightly run adds around every document.
        doc.put("evaluated_tonight", true).putNull("kept_from");
        doc.put("stale_data", false).put("partial_data", false);
        return doc;
    }
}

package dk.gevinst.publish;

import static dk.gevinst.testing.TestCells.cell;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.cells.Arm;
import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.CellTable;
import dk.gevinst.cells.Period;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.decision.PilotEvaluation;
import dk.gevinst.decision.PilotEvaluator;
import dk.gevinst.indicator.Catalog;
import dk.gevinst.publish.DecisionDocument.HistoryEntry;
import dk.gevinst.testing.Repo;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the decision document publishes for the pages: small weeks hidden, the newest data, health flags, each night's interval. */
class DecisionDocumentTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 5, 31);

    private static PilotSpec spec() throws Exception {
        return new PilotSpecParser(Catalog.builtIn()).parse("t.yaml", """
            id: p
            title: "P"
            start: 2026-03-02
            end: 2026-06-30
            baseline_start: 2026-01-05
            arms: {pilot: [A], control: [B]}
            indicators:
              handling_time: {role: success, mde: "10%"}
              query_seconds: {role: technical, direction: lower_is_better}
            decision: {alpha: 0.05, min_cases: 20, max_extension_weeks: 8}
            """);
    }

    /** Weekly cells of 40 observations, except one pilot week of 3 (the week of 2026-02-09). */
    private static List<CellStats> cells(String indicator) {
        List<CellStats> out = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 1, 5); d.isBefore(AS_OF); d = d.plusWeeks(1)) {
            Period period = d.isBefore(LocalDate.of(2026, 3, 2)) ? Period.PRE : Period.POST;
            long pilotN = d.equals(LocalDate.of(2026, 2, 9)) ? 3 : 40;
            out.add(new CellStats("p", indicator, Arm.PILOT, period, d, cell(pilotN, period == Period.PRE ? 60 : 52, 10)));
            out.add(new CellStats("p", indicator, Arm.CONTROL, period, d, cell(40, 60, 10)));
        }
        return out;
    }

    private static JsonNode trendWeek(JsonNode doc, String indicator, String week) {
        for (JsonNode i : doc.path("indicators")) {
            if (!i.path("id").asText().equals(indicator)) continue;
            for (JsonNode w : i.path("trend")) if (w.path("week").asText().equals(week)) return w;
        }
        throw new AssertionError(indicator + " " + week);
    }

    @Test
    void aWeekOnFewerThanFiveCasesIsPublishedWithoutItsNumbersButAMachineMetricKeepsThem() throws Exception {
        List<CellStats> all = new ArrayList<>(cells("handling_time"));
        all.addAll(cells("query_seconds"));
        PilotEvaluation e = PilotEvaluator.evaluate(spec(), new CellTable(all), List.of(), AS_OF, Map.of());
        ObjectNode doc = DecisionDocument.build(e, Json.MAPPER.createObjectNode(), List.of());
        JsonNode small = trendWeek(doc, "handling_time", "2026-02-09");
        assertThat(small.path("pilot_suppressed").asBoolean()).isTrue();
        assertThat(small.path("pilot_mean").isNull()).isTrue();
        assertThat(small.path("control_mean").isNumber()).as("the control week has 40").isTrue();
        long hidden = 0;
        for (JsonNode i : doc.path("indicators")) {
            for (JsonNode w : i.path("trend")) if (w.path("pilot_suppressed").asBoolean()) hidden++;
        }
        assertThat(hidden).as("one small week and its complement, for handling time only").isEqualTo(2);
        assertThat(trendWeek(doc, "query_seconds", "2026-02-09").path("pilot_mean").isNumber()).isTrue();
        JsonNode basis = doc.path("data_basis").path("cases");
        assertThat(basis.path("pilot").path("units")).extracting(JsonNode::asText).containsExactly("A");
        var handling = e.indicators().get(0).cells();
        assertThat(basis.path("pilot").path("observations").asLong()).isEqualTo(handling.pilotPre().n() + handling.pilotPost().n()).isGreaterThan(700);
    }

    @Test
    void theNewestDataHealthFlagsAndEachNightsIntervalArePublished() throws Exception {
        PilotEvaluation failed = PilotEvaluation.failed("p", "t.yaml", null, AS_OF,
            new dk.gevinst.decision.Reason("invalid_spec", null, "Specifikationen har en fejl: t.yaml:3:1: x", "The spec has an error: t.yaml:3:1: x"), "x");
        ObjectNode quality = Json.MAPPER.createObjectNode();
        quality.putObject("sources");
        quality.putArray("rejected_files");
        quality.putObject("cpr_masked");
        quality.putObject("freshness").put("cases", "2026-04-30").put("usage", "2026-05-02");
        ObjectNode sources = Json.MAPPER.createObjectNode();
        sources.putArray("sources").addObject().put("source", "cases").put("newest", "2026-04-30").put("expected_from", "2026-05-26").put("max_age_days", 5);
        var flag = new HealthFlag("stale_data", HealthFlag.Severity.ERROR, "Sagerne er gamle.", "The cases are old.", sources);
        var night = new HistoryEntry("2026-05-30", "EXTEND", "more_data_needed",
            List.of(new DecisionDocument.HistoryInterval("handling_time", -3.0, -5.0, -1.0, 0.0125, 60.0, -0.05, -0.083, -0.016)));
        ObjectNode doc = DecisionDocument.build(failed, quality, List.of(night), List.of(flag));
        assertThat(doc.path("as_of").asText()).isEqualTo("2026-05-31");
        assertThat(doc.path("data_through").asText()).as("the newest day of data, not the evaluation day").isEqualTo("2026-05-02");
        assertThat(doc.path("health").get(0).path("code").asText()).isEqualTo("stale_data");
        assertThat(doc.path("health").get(0).path("severity").asText()).isEqualTo("error");
        assertThat(doc.path("health").get(0).path("text_da").asText()).isEqualTo("Sagerne er gamle.");
        assertThat(doc.path("health").get(0).path("sources").get(0).path("newest").asText()).as("a detail beside the texts").isEqualTo("2026-04-30");
        JsonNode interval = doc.path("history").get(0).path("intervals").get(0);
        assertThat(interval.path("ci_low").asDouble()).isEqualTo(-5.0);
        assertThat(interval.path("counterfactual").asDouble()).isEqualTo(60.0);
        assertThat(interval.path("relative_ci_low").asDouble()).as("the night's published relative interval").isEqualTo(-0.083);
        assertThat(DecisionDocument.build(failed, Json.MAPPER.createObjectNode(), List.of()).path("data_through").isNull()).isTrue();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(Files.readString(Repo.root().resolve("docs/decision.schema.json")));
        // The night's own fields, which the nightly run adds to every document (TonightsDecisions).
        doc.put("evaluated_tonight", false).putNull("kept_from");
        doc.put("stale_data", true).put("partial_data", false);
        assertThat(schema.validate(doc)).as("health flags and history intervals as the schema describes them").isEmpty();
        ((ObjectNode) doc.path("health").get(0)).putArray("sources").add("cases");
        assertThat(schema.validate(doc)).as("a detail has its documented shape").isNotEmpty();
        ((ObjectNode) doc.path("health").get(0)).set("sources", sources.get("sources"));
        ((ObjectNode) doc.path("health").get(0)).put("severity", "bad");
        assertThat(schema.validate(doc)).isNotEmpty();
    }
}

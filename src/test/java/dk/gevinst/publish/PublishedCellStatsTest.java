package dk.gevinst.publish;

import static dk.gevinst.testing.TestCells.cell;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.cells.Arm;
import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.CellTable;
import dk.gevinst.cells.Period;
import dk.gevinst.cells.Weeks;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.decision.PilotEvaluation;
import dk.gevinst.decision.PilotEvaluator;
import dk.gevinst.indicator.Catalog;
import dk.gevinst.privacy.CellSuppression;
import dk.gevinst.privacy.SmallCells;
import dk.gevinst.source.Columns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The published cell_stats table with the decision JSON beside it: every case, survey and usage figure
 * under 5 is hidden, and no published total (an arm's period cell, a weekly trend point, the indicator's
 * n) minus the shown day cells gives back a hidden one, however the subtractions are chained.
 */
class PublishedCellStatsTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    private static PilotSpec spec() throws Exception {
        return new PilotSpecParser(Catalog.builtIn()).parse("p.yaml", """
            id: p
            title: "P"
            start: 2026-03-04
            end: 2026-09-30
            baseline_start: 2026-02-02
            arms:
              pilot: ["Nord"]
              control: ["Syd", "Vest"]
            indicators:
              handling_time: {role: success, mde: "10%"}
              query_seconds: {role: technical, direction: lower_is_better}
            """);
    }

    /** Day cells with many small counts: Nord is a small pilot team, Vest a tiny control team. */
    private static List<CellStats> cells(long seed) {
        Random random = new Random(seed);
        List<CellStats> out = new ArrayList<>();
        Map<String, Integer> size = Map.of("Nord", 9, "Syd", 14, "Vest", 3);
        for (LocalDate d = LocalDate.of(2026, 2, 2); !d.isAfter(AS_OF); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() > 5) continue;
            Period period = d.isBefore(LocalDate.of(2026, 3, 4)) ? Period.PRE : Period.POST;
            for (String unit : List.of("Nord", "Syd", "Vest")) {
                int n = random.nextInt(size.get(unit));
                if (n == 0) continue;
                Arm arm = unit.equals("Nord") ? Arm.PILOT : Arm.CONTROL;
                out.add(new CellStats("p", "handling_time", unit, arm, period, d, cell(n, 40 + random.nextGaussian(), 6)));
            }
            out.add(new CellStats("p", "query_seconds", null, Arm.PILOT, period, d, cell(1, 3, 0)));
        }
        return out;
    }

    private static PilotEvaluation evaluation(long seed) throws Exception {
        return PilotEvaluator.evaluate(spec(), new CellTable(cells(seed)), List.of(), AS_OF, Map.of());
    }

    /** A published figure: its count (null if hidden) and which day cells it sums. */
    private record Figure(String name, Long n, Predicate<Row> sums) {}

    @Test
    void smallCaseCellsAreHiddenTechnicalMetricsAreNotAndRowsNameTheirUnit() throws Exception {
        List<Row> rows = published(evaluation(1));

        List<Row> handling = rows.stream().filter(r -> "handling_time".equals(r.getAs(Columns.INDICATOR))).toList();
        assertThat(handling).extracting(r -> r.<String>getAs(Columns.UNIT)).containsOnly("Nord", "Syd", "Vest");
        assertThat(handling).filteredOn(r -> !r.<Boolean>getAs(Columns.SUPPRESSED))
            .allMatch(r -> r.<Long>getAs(Columns.N) >= SmallCells.MIN_PERSONS).isNotEmpty();
        assertThat(handling).filteredOn(r -> r.<Boolean>getAs(Columns.SUPPRESSED))
            .allMatch(r -> r.getAs(Columns.N) == null && r.getAs(Columns.SUM) == null && r.getAs(Columns.SUM_SQ) == null)
            .as("Vest never has 5 cases in a day").anyMatch(r -> "Vest".equals(r.getAs(Columns.UNIT)));
        List<Row> metrics = rows.stream().filter(r -> "query_seconds".equals(r.getAs(Columns.INDICATOR))).toList();
        assertThat(metrics).isNotEmpty().allMatch(r -> !r.<Boolean>getAs(Columns.SUPPRESSED) && r.getAs(Columns.UNIT) == null);
    }

    @Test
    void noHiddenFigureCanBeRecoveredBySubtractionFromAnyPublishedTotal() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            PilotEvaluation e = evaluation(seed);
            List<Row> rows = published(e).stream()
                .filter(r -> "handling_time".equals(r.getAs(Columns.INDICATOR))).toList();
            JsonNode json = Json.MAPPER.valueToTree(DecisionDocument.build(e, Json.MAPPER.createObjectNode(), List.of()));
            List<Figure> totals = publishedTotals(json);

            assertThat(recoverable(rows, totals)).as("seed %d: hidden figures recoverable from the published ones", seed).isEmpty();
            long hidden = rows.stream().filter(r -> r.<Boolean>getAs(Columns.SUPPRESSED)).count();
            long secondary = rows.stream().filter(r -> r.<Boolean>getAs(Columns.SUPPRESSED)).filter(r -> cellN(e, r) >= SmallCells.MIN_PERSONS).count();
            assertThat(hidden).isPositive();
            assertThat(secondary).as("seed %d: cells of 5 or more hidden to protect small ones", seed).isPositive();

            // The same audit finds the leak when only the small cells are hidden: it is not vacuous.
            List<Row> primaryOnly = rows.stream().map(r -> withSuppressed(r, SmallCells.primary(cellN(e, r)))).toList();
            assertThat(recoverable(primaryOnly, totals)).as("seed %d, primary suppression alone", seed).isNotEmpty();
        }
    }

    @Test
    void theDocumentAndTheTablePublishWhatEachIndicatorsOwnDecisionSays() throws Exception {
        PilotEvaluation e = evaluation(2);
        PilotCells shared = PilotCells.of(e);
        List<Row> rows = PublishedTables.cellRows(List.of(shared.forTables()), AS_OF).stream().map(r -> withSuppressed(r, null)).toList();
        JsonNode doc = Json.MAPPER.valueToTree(DecisionDocument.build(e, Json.MAPPER.createObjectNode(), List.of(), List.of(), shared));

        // Decided here from each indicator's own cells, in the order they came, as before the decision was shared.
        Map<String, List<CellStats>> byIndicator = new java.util.LinkedHashMap<>();
        for (CellStats c : e.cells()) byIndicator.computeIfAbsent(c.indicatorId(), k -> new ArrayList<>()).add(c);
        Map<String, Boolean> covered = new HashMap<>();
        e.indicators().forEach(r -> covered.put(r.id(), SmallCells.covers(r.indicator().definition().source())));
        assertThat(covered).containsValue(true).containsValue(false);
        int at = 0;
        for (Map.Entry<String, List<CellStats>> ind : byIndicator.entrySet()) {
            CellSuppression alone = CellSuppression.of(ind.getValue(), covered.getOrDefault(ind.getKey(), false));
            for (int i = 0; i < ind.getValue().size(); i++, at++) {
                assertThat(rows.get(at).<String>getAs(Columns.INDICATOR)).isEqualTo(ind.getKey());
                assertThat(rows.get(at).<Boolean>getAs(Columns.SUPPRESSED)).as("%s cell %d", ind.getKey(), i).isEqualTo(alone.cell(i));
            }
            JsonNode docCells = null;
            for (JsonNode o : doc.path("indicators")) if (o.path("id").asText().equals(ind.getKey())) docCells = o.path("cells");
            if (docCells == null) continue;
            assertThat(docCells.path("pilot_pre").path("suppressed").asBoolean()).as(ind.getKey())
                .isEqualTo(alone.armPeriod(Arm.PILOT, Period.PRE));
            assertThat(docCells.path("control_post").path("suppressed").asBoolean()).as(ind.getKey())
                .isEqualTo(alone.armPeriod(Arm.CONTROL, Period.POST));
        }
        assertThat(at).isEqualTo(rows.size());
        assertThat(rows).anyMatch(r -> r.<Boolean>getAs(Columns.SUPPRESSED));
    }

    @Test
    void sharedCellsBelongToOneEvaluationAndTheTablesKeepOnlyTheDayCellsDecisions() throws Exception {
        PilotEvaluation e = evaluation(2), other = evaluation(3);
        PilotCells forTables = PilotCells.of(e).forTables();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> forTables.suppression("handling_time")).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DecisionDocument.build(e, Json.MAPPER.createObjectNode(), List.of(), List.of(),
            PilotCells.of(other))).isInstanceOf(IllegalArgumentException.class);
    }

    /** The JSON's totals over the day cells: the four period cells, the weekly trend points per arm, and n. */
    private static List<Figure> publishedTotals(JsonNode json) {
        JsonNode ind = json.path("indicators").get(0);
        assertThat(ind.path("id").asText()).isEqualTo("handling_time");
        List<Figure> out = new ArrayList<>();
        for (Arm arm : Arm.values()) {
            for (Period period : Period.values()) {
                JsonNode c = ind.path("cells").path(arm.key() + "_" + period.key());
                out.add(new Figure(arm.key() + "_" + period.key(), c.has("n") ? c.path("n").asLong() : null,
                    r -> arm.key().equals(r.getAs(Columns.ARM)) && period.key().equals(r.getAs(Columns.PERIOD))));
            }
            for (JsonNode w : ind.path("trend")) {
                LocalDate week = LocalDate.parse(w.path("week").asText());
                JsonNode n = w.path(arm.key() + "_n");
                out.add(new Figure(arm.key() + " week " + week, n.isNumber() ? n.asLong() : null,
                    r -> arm.key().equals(r.getAs(Columns.ARM)) && Weeks.monday(r.<LocalDate>getAs(Columns.DAY)).equals(week)));
            }
        }
        out.add(new Figure("n", ind.path("n").asLong(), r -> true));
        return out;
    }

    /**
     * Chains subtractions as an attacker would: any total whose members are all known but one gives that
     * one; a total whose members are all known becomes known. Returns the hidden figures it recovers.
     */
    private static Set<String> recoverable(List<Row> rows, List<Figure> totals) {
        Map<String, Boolean> known = new HashMap<>();
        List<String> cellNames = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            cellNames.add("cell " + rows.get(i).getAs(Columns.UNIT) + " " + rows.get(i).getAs(Columns.DAY));
            known.put(cellNames.get(i), !rows.get(i).<Boolean>getAs(Columns.SUPPRESSED));
        }
        for (Figure t : totals) known.put(t.name(), t.n() != null);
        Set<String> recovered = new HashSet<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Figure t : totals) {
                List<String> unknown = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) if (t.sums().test(rows.get(i)) && !known.get(cellNames.get(i))) unknown.add(cellNames.get(i));
                if (!known.get(t.name())) unknown.add(t.name());
                if (unknown.size() == 1) {
                    known.put(unknown.get(0), true);
                    recovered.add(unknown.get(0));
                    progress = true;
                }
            }
        }
        return recovered;
    }

    private static long cellN(PilotEvaluation e, Row r) {
        return e.cells().stream().filter(c -> c.indicatorId().equals(r.getAs(Columns.INDICATOR)) && c.unit().equals(r.getAs(Columns.UNIT))
            && c.day().equals(r.getAs(Columns.DAY))).findFirst().orElseThrow().moments().n();
    }

    /** The table's rows, with its schema so that they are read by column name. */
    private static List<Row> published(PilotEvaluation e) {
        return PublishedTables.cellRows(List.of(PilotCells.of(e)), AS_OF).stream().map(r -> withSuppressed(r, null)).toList();
    }

    private static Row withSuppressed(Row r, Boolean hidden) {
        Object[] values = new Object[r.size()];
        for (int i = 0; i < r.size(); i++) values[i] = r.get(i);
        if (hidden != null) values[PublishedTables.CELL_SCHEMA.fieldIndex(Columns.SUPPRESSED)] = hidden;
        return new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(values, PublishedTables.CELL_SCHEMA);
    }
}

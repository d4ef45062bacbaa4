package dk.gevinst.cells;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.indicator.Catalog;
import dk.gevinst.ingest.IngestRequest;
import dk.gevinst.ingest.PlausibilityBounds;
import dk.gevinst.ingest.SparkIngest;
import dk.gevinst.privacy.Pseudonymizer;
import dk.gevinst.stats.Moments;
import dk.gevinst.storage.Storage;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TestSpark;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.exchange.ShuffleExchangeLike;
import org.apache.spark.sql.execution.joins.BroadcastHashJoinExec;
import org.apache.spark.sql.execution.joins.BroadcastNestedLoopJoinExec;
import org.apache.spark.sql.execution.joins.CartesianProductExec;
import org.apache.spark.sql.execution.joins.ShuffledHashJoinExec;
import org.apache.spark.sql.execution.joins.SortMergeJoinExec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cell stage on a small ingested data root: one cell per pilot × indicator × unit × arm × period ×
 * day (and case type, for case indicators), indicators that compute what their label says, and a physical plan without joins that shuffles once.
 */
class SparkCellStageTest {
    private static final SparkSession SPARK = TestSpark.session();
    private static final LocalDate AS_OF = LocalDate.of(2026, 9, 30);
    /** A Wednesday: the week of Monday 2 March straddles the start. */
    private static final String START = "2026-03-04";

    @TempDir
    static Path tmp;
    private static org.apache.hadoop.fs.Path state;
    /** The cells of one pilot, computed once for the tests that only read them. */
    private static CellTable one;

    @BeforeAll
    static void ingest() throws Exception {
        Path data = tmp.resolve("data");
        TempDirs.write(data, "cases/a.csv", """
            case_id,unit,case_type,opened_at,decided_at,handling_minutes,appealed,appeal_overturned
            c1,Nord,Bolig,2026-02-05,2026-02-10T10:00,30,ja,ja
            c2,Nord,Pension,2026-02-05,2026-02-10T11:00,50,nej,nej
            c3,Nord,Bolig,2026-03-01,2026-03-05T09:00,20,nej,nej
            c4,Syd,Bolig,2026-02-05,2026-02-11T09:00,40,ja,nej
            c5,Syd,,2026-02-20,2026-03-02T09:00,60,nej,nej
            c8,Syd,Bolig,2026-02-20,2026-03-05T09:00,70,nej,nej
            c6,Vest,Pension,2026-03-01,2026-03-10T09:00,10,nej,nej
            c7,Andet,Bolig,2026-03-01,2026-03-10T09:00,99,ja,ja
            """);
        TempDirs.write(data, "usage/u.csv", """
            user_id,unit,day,active_minutes
            u1,Nord,2026-02-03,30
            u1,Nord,2026-02-17,0
            u2,Nord,2026-02-10,15
            u3,Syd,2026-03-03,20
            """);
        TempDirs.write(data, "survey_responses/s.csv", """
            response_id,respondent_id,unit,answered_at,instrument,item,score
            r1,x1,Nord,2026-02-12,core_task,1,4
            r1,x1,Nord,2026-02-12,core_task,2,5
            """);
        TempDirs.write(data, "tech_metrics/t.csv", """
            pilot_id,day,metric,value
            p1,2026-02-10,query_seconds,40
            p1,2026-03-10,query_seconds,3.5
            other,2026-03-10,query_seconds,1
            """);
        state = Storage.resolve(tmp.resolve("state").toString());
        new SparkIngest().ingest(SPARK, new IngestRequest(Storage.resolve(data.toString()), state, PlausibilityBounds.DEFAULTS,
            Pseudonymizer.demo(), "r1", AS_OF));
        one = new SparkCellStage().compute(SPARK, state, pilots(1), AS_OF);
    }

    private static List<PilotSpec> pilots(int count) throws Exception {
        PilotSpecParser parser = new PilotSpecParser(Catalog.builtIn());
        List<PilotSpec> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(parser.parse("p" + i + ".yaml", """
                id: p%d
                title: "Pilot %d"
                start: %s
                end: 2026-06-30
                baseline_start: 2026-02-02
                arms:
                  pilot: ["Nord"]
                  control: ["Syd", "Vest"]
                indicators:
                  handling_time: {role: success, mde: "10%%"}
                  appeal_overturn_rate: {role: guardrail, margin: 0.05}
                  core_task_score: {role: descriptive}
                  adoption: {role: descriptive}
                  query_seconds: {role: technical, direction: lower_is_better}
                """.formatted(i, i, START)));
        }
        return out;
    }

    private static Map<String, Moments> byKey(CellTable table, String pilot, String indicator) {
        return table.of(pilot, indicator).stream().collect(Collectors.toMap(
            c -> c.unit() + "|" + c.arm().key() + "|" + c.period().key() + "|" + c.day(), CellStats::moments));
    }

    @Test
    void cellsKeepTheUnitAndArmsAreSumsOfUnits() {
        CellTable table = one;

        assertThat(byKey(table, "p1", "handling_time")).containsOnly(
            Map.entry("Nord|pilot|pre|2026-02-10", Moments.of(30, 50)),
            Map.entry("Nord|pilot|post|2026-03-05", Moments.of(20)),
            Map.entry("Syd|control|pre|2026-02-11", Moments.of(40)),
            Map.entry("Syd|control|pre|2026-03-02", Moments.of(60)),
            Map.entry("Syd|control|post|2026-03-05", Moments.of(70)),
            Map.entry("Vest|control|post|2026-03-10", Moments.of(10)));
        assertThat(CellTable.total(table.of("p1", "handling_time"), Arm.CONTROL, Period.POST, null)).isEqualTo(Moments.of(70, 10));
        assertThat(byKey(table, "p1", "core_task_score")).containsOnly(Map.entry("Nord|pilot|pre|2026-02-12", Moments.of(4.5)));
        assertThat(byKey(table, "p1", "query_seconds")).as("technical metrics are pilot-scoped: no unit").containsOnly(
            Map.entry("null|pilot|pre|2026-02-10", Moments.of(40)),
            Map.entry("null|pilot|post|2026-03-10", Moments.of(3.5)));

        UnitPanel panel = table.panel("p1", "handling_time");
        LocalDate straddling = LocalDate.of(2026, 3, 2);
        assertThat(panel.weeks("Syd", Period.PRE)).containsEntry(straddling, Moments.of(60));
        assertThat(panel.weeks("Syd", Period.POST)).containsExactly(Map.entry(straddling, Moments.of(70)));
        assertThat(panel.total(Arm.CONTROL, Period.POST)).isEqualTo(CellTable.total(table.of("p1", "handling_time"), Arm.CONTROL, Period.POST, null));
    }

    @Test
    void caseCellsKeepTheirCaseTypeAndSumToTheUnitCells() {
        Map<String, Moments> strata = one.strata("p1", "handling_time").stream().collect(Collectors.toMap(
            c -> c.unit() + "|" + c.stratum() + "|" + c.period().key() + "|" + c.day(), CellStats::moments));

        // Nord decided a Bolig and a Pension case on 10 February: one cell each, which the unit cell sums.
        assertThat(strata).containsOnly(
            Map.entry("Nord|Bolig|pre|2026-02-10", Moments.of(30)),
            Map.entry("Nord|Pension|pre|2026-02-10", Moments.of(50)),
            Map.entry("Nord|Bolig|post|2026-03-05", Moments.of(20)),
            Map.entry("Syd|Bolig|pre|2026-02-11", Moments.of(40)),
            Map.entry("Syd|" + CellStats.NO_CASE_TYPE + "|pre|2026-03-02", Moments.of(60)),
            Map.entry("Syd|Bolig|post|2026-03-05", Moments.of(70)),
            Map.entry("Vest|Pension|post|2026-03-10", Moments.of(10)));
        assertThat(one.of("p1", "handling_time")).as("the unit cells carry no stratum").allMatch(c -> c.stratum() == null);
        for (String indicator : List.of("core_task_score", "adoption", "query_seconds")) {
            assertThat(one.strata("p1", indicator)).as(indicator + " has no case type").isEmpty();
        }
        assertThat(one.collectedCount()).as("Nord's two case types on 10 February are two collected cells and one unit cell; nothing else splits")
            .isEqualTo(one.cells().size() + 1);
    }

    @Test
    void appealOverturnRateCountsOnlyAppealedCases() {
        CellTable table = one;

        // Nord decided two cases on 10 February, one of them appealed and overturned: the rate is 1 of 1, not 1 of 2.
        assertThat(byKey(table, "p1", "appeal_overturn_rate")).containsOnly(
            Map.entry("Nord|pilot|pre|2026-02-10", Moments.of(1)),
            Map.entry("Syd|control|pre|2026-02-11", Moments.of(0)));
        assertThat(Catalog.builtIn().find("appeal_overturn_rate").orElseThrow().label("en")).isEqualTo("Overturn rate in appealed cases");
    }

    @Test
    void adoptionCountsKnownUsersWithoutARowAsInactive() {
        Map<String, Moments> adoption = byKey(one, "p1", "adoption");

        assertThat(adoption).containsEntry("Nord|pilot|pre|2026-02-02", Moments.of(1));
        // u1 has no row in the week of 9 February but is known since the week before; u2 appears that week.
        assertThat(adoption).containsEntry("Nord|pilot|pre|2026-02-09", Moments.of(0, 1));
        // u1 has a zero-minute row, u2 no row at all: both are inactive.
        assertThat(adoption).containsEntry("Nord|pilot|pre|2026-02-16", Moments.of(0, 0));
        assertThat(adoption).containsEntry("Syd|control|pre|2026-03-02", Moments.of(1));
        // Every week from a unit's first user up to the week of the exports' newest row (3 March, any unit's) has a
        // cell; the weeks after it up to as_of (30 September) are not known, not weeks in which nobody was active.
        assertThat(adoption.keySet().stream().filter(k -> k.startsWith("Nord|"))).hasSize(5);
        assertThat(adoption).containsEntry("Nord|pilot|pre|2026-03-02", Moments.of(0, 0));
        assertThat(adoption.keySet()).noneMatch(k -> LocalDate.parse(k.substring(k.lastIndexOf('|') + 1)).isAfter(LocalDate.of(2026, 3, 2)));
        assertThat(adoption.keySet()).noneMatch(k -> k.startsWith("Vest|"));
    }

    @Test
    void twoHundredPilotsGetTheSameCellsAsOne() throws Exception {
        CellTable many = new SparkCellStage().compute(SPARK, state, pilots(200), AS_OF);

        for (String indicator : List.of("handling_time", "appeal_overturn_rate", "core_task_score", "adoption", "query_seconds")) {
            assertThat(byKey(many, "p1", indicator)).as(indicator).isEqualTo(byKey(one, "p1", indicator));
        }
        assertThat(byKey(many, "p137", "handling_time")).isEqualTo(byKey(one, "p1", "handling_time"));
        assertThat(byKey(many, "p137", "query_seconds")).as("the metrics file names p1 only").isEmpty();
    }

    /**
     * Pilots that differ in units, arms, periods and measures get, together, exactly the cells each gets alone:
     * what Spark sums for one pilot (its units, measures and first day) never takes cells from another.
     */
    @Test
    void differentPilotsTogetherGetTheCellsEachGetsAlone() throws Exception {
        PilotSpecParser parser = new PilotSpecParser(Catalog.builtIn());
        PilotSpec a = parser.parse("a.yaml", """
            id: a
            title: "A"
            start: 2026-03-04
            end: 2026-06-30
            baseline_start: 2026-02-02
            arms: {pilot: ["Nord"], control: ["Syd", "Vest"]}
            indicators:
              handling_time: {role: success, mde: "10%"}
              appeal_overturn_rate: {role: guardrail, margin: 0.05}
            """);
        PilotSpec b = parser.parse("b.yaml", """
            id: b
            title: "B"
            start: 2026-03-02
            end: 2026-06-30
            ramp_up_days: 3
            arms: {pilot: ["Syd"], control: ["Nord"]}
            indicators:
              handling_time: {role: success, mde: "10%"}
              adoption: {role: descriptive}
            """);
        PilotSpec c = parser.parse("c.yaml", """
            id: c
            title: "C"
            start: 2026-02-09
            end: 2026-06-30
            baseline_start: 2026-02-05
            arms: {pilot: ["Vest"], control: ["Andet"]}
            indicators:
              core_task_score: {role: success, mde: "10%"}
              query_seconds: {role: technical, direction: lower_is_better}
            """.replace("id: c", "id: p1"));
        List<PilotSpec> all = List.of(a, b, c);

        CellTable together = new SparkCellStage().compute(SPARK, state, all, AS_OF);
        for (PilotSpec p : all) {
            CellTable alone = new SparkCellStage().compute(SPARK, state, List.of(p), AS_OF);
            for (var i : p.indicators()) {
                assertThat(together.of(p.id(), i.id())).as(p.id() + " " + i.id()).isEqualTo(alone.of(p.id(), i.id()));
                assertThat(together.strata(p.id(), i.id())).as(p.id() + " " + i.id() + " by case type").isEqualTo(alone.strata(p.id(), i.id()));
            }
        }
        assertThat(together.of("b", "handling_time")).as("b has no baseline: post only, from the ramp-up's end")
            .isNotEmpty().allMatch(x -> x.period() == Period.POST && !x.day().isBefore(LocalDate.of(2026, 3, 5)));
        assertThat(together.of("p1", "query_seconds")).as("the metrics file names p1: its metric, no unit").isNotEmpty()
            .allMatch(x -> x.unit() == null);
        assertThat(together.of("a", "handling_time")).extracting(CellStats::unit).contains("Nord", "Syd", "Vest");
    }

    /**
     * The part this stage owns, from the observations to the collect, before and after adaptive execution
     * re-plans it: no join of any kind (pilots are bound on the driver), exactly one shuffle between the
     * sources and the result, keyed by the measure cell, and the same operators for 200 pilots as for one,
     * so Spark's work does not grow with the pilots. Shuffles below it prepare a source (the latest version
     * of each case, a survey response's items, a user's weeks); they are counted and printed, not owned here.
     */
    @Test
    void cellPlanHasNoJoinAndShufflesOnceWhateverTheNumberOfPilots() throws Exception {
        List<String> one = operators(SparkCellStage.measureCells(SPARK, state, pilots(1), AS_OF, false).rows(), "1 pilot");
        List<String> many = operators(SparkCellStage.measureCells(SPARK, state, pilots(200), AS_OF, false).rows(), "200 pilots");
        assertThat(many).as("the operators of the plan for 200 pilots and for one").isEqualTo(one);
    }

    private static List<String> operators(Dataset<Row> cells, String what) {
        SparkPlan before = cells.queryExecution().executedPlan();
        assertPlan(before, what + ", before execution");
        assertThat(cells.collectAsList()).isNotEmpty();
        SparkPlan after = cells.queryExecution().executedPlan();
        if (after instanceof AdaptiveSparkPlanExec adaptive) assertThat(adaptive.isFinalPlan()).isTrue();
        assertPlan(after, what + ", after adaptive execution");
        return PhysicalPlans.all(after).stream().map(p -> p.getClass().getSimpleName()).toList();
    }

    private static void assertPlan(SparkPlan plan, String what) {
        List<SparkPlan> all = PhysicalPlans.all(plan);
        assertThat(all).as(what + ": no join at all, so no nested loop either")
            .noneMatch(p -> p instanceof BroadcastNestedLoopJoinExec || p instanceof CartesianProductExec || p instanceof SortMergeJoinExec
                || p instanceof ShuffledHashJoinExec || p instanceof BroadcastHashJoinExec);

        List<String> aggregationShuffles = new ArrayList<>();
        List<String> sourceShuffles = new ArrayList<>();
        PhysicalPlans.visit(plan, (p, above) -> {
            if (p instanceof ShuffleExchangeLike) (above == 0 ? aggregationShuffles : sourceShuffles).add(PhysicalPlans.describe(p));
        });
        assertThat(aggregationShuffles).as(what + ": one shuffle, for the aggregation").singleElement().asString()
            .contains("hashpartitioning(_measure, _observation_unit, _pilot_scope, _observation_day, _stratum");
        System.out.println("cell plan, " + what + ": " + aggregationShuffles.size() + " shuffle for the aggregation; "
            + sourceShuffles.size() + " below it, preparing sources: " + sourceShuffles);
    }
}

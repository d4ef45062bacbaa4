package dk.gevinst.cells;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.indicator.Catalog;
import dk.gevinst.indicator.Measure;
import dk.gevinst.stats.Moments;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Measure cells get their pilots, arms and periods on the driver: one measure cell serves every pilot that watches its unit. */
class CellBindingsTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    private static final String HANDLING = MeasureKeys.of(Catalog.builtIn().find("handling_time").orElseThrow().measure());
    private static final String QUERY = MeasureKeys.of(new Measure(Measure.Kind.TECH_METRIC, "query_seconds"));

    private static PilotSpec spec(String id, String start, String baseline, String pilotUnit, String controlUnit) throws Exception {
        return new PilotSpecParser(Catalog.builtIn()).parse(id + ".yaml", """
            id: %s
            title: "Pilot"
            start: %s
            end: 2026-12-31
            %s
            ramp_up_days: 14
            arms:
              pilot: ["%s"]
              control: ["%s"]
            indicators:
              handling_time: {role: success, mde: "10%%"}
              query_seconds: {role: technical, direction: lower_is_better}
            """.formatted(id, start, baseline == null ? "" : "baseline_start: " + baseline, pilotUnit, controlUnit));
    }

    private static MeasureCell handling(String unit, String day, double... values) {
        return new MeasureCell(HANDLING, unit, null, LocalDate.parse(day), "Bolig", Moments.of(values));
    }

    @Test
    void oneMeasureCellIsADayCellOfEveryPilotWatchingItsUnitInThatPilotsPeriod() throws Exception {
        PilotSpec early = spec("early", "2026-03-02", "2026-01-05", "Nord", "Syd");
        PilotSpec late = spec("late", "2026-05-04", "2026-02-02", "Syd", "Nord");
        List<MeasureCell> measured = List.of(handling("Nord", "2026-04-01", 30, 40), handling("Syd", "2026-04-01", 50), handling("Vest", "2026-04-01", 9));

        List<CellStats> cells = CellBindings.bind(List.of(early, late), measured, AS_OF);

        // In the cell table's order: pilot, indicator, unit, ...
        assertThat(cells).containsExactly(
            new CellStats("early", "handling_time", "Nord", "Bolig", Arm.PILOT, Period.POST, LocalDate.of(2026, 4, 1), Moments.of(30, 40)),
            new CellStats("early", "handling_time", "Syd", "Bolig", Arm.CONTROL, Period.POST, LocalDate.of(2026, 4, 1), Moments.of(50)),
            new CellStats("late", "handling_time", "Nord", "Bolig", Arm.CONTROL, Period.PRE, LocalDate.of(2026, 4, 1), Moments.of(30, 40)),
            new CellStats("late", "handling_time", "Syd", "Bolig", Arm.PILOT, Period.PRE, LocalDate.of(2026, 4, 1), Moments.of(50)));
        assertThat(CellBindings.bind(List.of(late, early), measured, AS_OF)).as("whatever order the specs come in").isEqualTo(cells);
        // Two specs with one id (the stage never gets them) still give cells in order.
        PilotSpec again = spec("early", "2026-03-02", "2026-01-05", "Syd", "Nord");
        List<CellStats> both = CellBindings.bind(List.of(early, again), measured, AS_OF);
        assertThat(both).hasSize(4).isSortedAccordingTo(CellBindings.SORTED);
        assertThat(both.get(0).unit()).isEqualTo("Nord");
    }

    @Test
    void daysOutsideEveryPeriodAreNobodysCells() throws Exception {
        PilotSpec p = spec("p", "2026-03-02", "2026-01-05", "Nord", "Syd");
        List<MeasureCell> measured = List.of(
            handling("Nord", "2026-01-04", 1), // before the baseline
            handling("Nord", "2026-01-05", 2), // the baseline's first day
            handling("Nord", "2026-03-01", 3), // the last day before the start
            handling("Nord", "2026-03-02", 4), // the start: ramp-up
            handling("Nord", "2026-03-15", 5), // the last day of the ramp-up
            handling("Nord", "2026-03-16", 6), // the first post day
            handling("Nord", "2026-06-30", 7), // as of
            handling("Nord", "2026-07-01", 8)); // after as of

        assertThat(CellBindings.bind(List.of(p), measured, AS_OF)).extracting(c -> c.period() + " " + c.moments().sum())
            .containsExactly("PRE 2.0", "PRE 3.0", "POST 6.0", "POST 7.0");
        assertThat(CellBindings.firstDay(List.of(p, spec("q", "2026-02-02", null, "Nord", "Syd")))).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(CellBindings.firstDay(List.of(spec("q", "2026-02-02", null, "Nord", "Syd")))).as("without a baseline, the post period").isEqualTo(LocalDate.of(2026, 2, 16));
    }

    @Test
    void aTechnicalMetricBelongsToThePilotThatReportedItAndHasNoUnit() throws Exception {
        PilotSpec a = spec("a", "2026-03-02", "2026-01-05", "Nord", "Syd");
        PilotSpec b = spec("b", "2026-03-02", "2026-01-05", "Nord", "Syd");
        MeasureCell reportedByA = new MeasureCell(QUERY, null, "a", LocalDate.of(2026, 4, 1), null, Moments.of(3.5));

        assertThat(CellBindings.bind(List.of(a, b), List.of(reportedByA), AS_OF)).containsExactly(
            new CellStats("a", "query_seconds", null, null, Arm.PILOT, Period.POST, LocalDate.of(2026, 4, 1), Moments.of(3.5)));
        assertThat(CellBindings.metricScopes(List.of(a, b))).containsExactly("a", "b");
        assertThat(CellBindings.boundUnits(List.of(a, b))).containsExactly("Nord", "Syd");
    }

    @Test
    void aPilotsCellsAreMadeInTheirSortedOrderSoTheSortAfterOnlyChecks() throws Exception {
        // Indicators, units and arms declared out of order, and measure cells shuffled: the order comes from the binding.
        PilotSpec p = new PilotSpecParser(Catalog.builtIn()).parse("p.yaml", """
            id: p
            title: "Pilot"
            start: 2026-03-02
            end: 2026-12-31
            baseline_start: 2026-01-05
            ramp_up_days: 14
            arms:
              pilot: ["Vest", "Nord"]
              control: ["Syd", "Alfa"]
            indicators:
              query_seconds: {role: technical, direction: lower_is_better}
              processing_days: {role: guardrail, margin: "10%"}
              handling_time: {role: success, mde: "10%"}
            """);
        String processing = MeasureKeys.of(Catalog.builtIn().find("processing_days").orElseThrow().measure());
        List<MeasureCell> measured = new ArrayList<>();
        String[] strata = {"Bolig", null, "Anden"};
        for (String measure : List.of(HANDLING, processing)) {
            for (String unit : List.of("Vest", "Nord", "Syd", "Alfa", "Øst")) {
                for (LocalDate day = LocalDate.of(2026, 1, 1); day.isBefore(LocalDate.of(2026, 7, 3)); day = day.plusDays(9)) {
                    for (String stratum : strata) measured.add(new MeasureCell(measure, unit, null, day, stratum, Moments.of(day.getDayOfMonth())));
                }
            }
        }
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.isBefore(LocalDate.of(2026, 7, 3)); day = day.plusDays(5)) {
            measured.add(new MeasureCell(QUERY, null, "p", day, null, Moments.of(1.5)));
        }
        Collections.shuffle(measured, new Random(7));

        List<CellStats> made = CellBindings.made(p, new CellBindings.MeasureIndex(measured), AS_OF);

        // Pre and post days of two case indicators' four units in three strata each, and the metric's days: enough
        // cells that a unit, arm, indicator, day or stratum out of place would show.
        assertThat(made).hasSizeGreaterThan(400).isSortedAccordingTo(CellBindings.SORTED);
        assertThat(made).extracting(CellStats::unit).contains("Alfa", "Nord", "Syd", "Vest", null).doesNotContain("Øst");
        assertThat(made).extracting(CellStats::stratum).contains("Anden", "Bolig", null);
        assertThat(CellBindings.bind(List.of(p), measured, AS_OF)).as("the binding hands on exactly these, in this order").isEqualTo(made);
    }
}

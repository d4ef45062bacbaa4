package dk.gevinst.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.cells.Arm;
import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.CellTable;
import dk.gevinst.cells.Period;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.decision.PilotEvaluator;
import dk.gevinst.indicator.Catalog;
import dk.gevinst.testing.TestCells;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each source's final analyses freeze when that source's data reach the night, not when the pilot's newest data do. */
class FreezeReadinessTest {
    private static final LocalDate NIGHT = LocalDate.of(2026, 5, 10);
    private static final PilotSpec SPEC = spec();

    private static PilotSpec spec() {
        try {
            return new PilotSpecParser(Catalog.builtIn()).parse("t.yaml", """
                id: p
                title: P
                start: 2026-03-02
                end: 2026-04-30
                baseline_start: 2026-01-05
                arms: {pilot: [A], control: [B]}
                indicators:
                  handling_time: {role: success, mde: 5}
                  first_time_right: {role: success, mde: 0.03}
                  sus: {role: descriptive}
                  adoption: {role: descriptive}
                  query_seconds: {role: technical, direction: lower_is_better}
                """);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Cells of each indicator, both arms, one before the start and one on the given newest day. */
    private static java.util.Set<String> ready(LocalDate night, Map<String, String> newest) {
        List<CellStats> cells = new ArrayList<>();
        newest.forEach((indicator, day) -> {
            for (Arm arm : Arm.values()) {
                String unit = arm == Arm.PILOT ? "A" : "B";
                cells.add(new CellStats("p", indicator, unit, arm, Period.PRE, LocalDate.of(2026, 2, 2), TestCells.cell(40, 10, 3)));
                cells.add(new CellStats("p", indicator, unit, arm, Period.POST, LocalDate.parse(day), TestCells.cell(40, 10, 3)));
            }
        });
        return FreezeReadiness.ready(PilotEvaluator.evaluate(SPEC, new CellTable(cells), List.of(), night, Map.of()));
    }

    @Test
    void aLaggingSourceKeepsOnlyItsOwnIndicatorsOpen() {
        // Cases reach the night (first time right matures 30 days later); the survey round was in March; usage is
        // dated by Monday 4 May, the night's week; the technical metrics stopped on 28 April.
        assertThat(ready(NIGHT, Map.of("handling_time", "2026-05-10", "first_time_right", "2026-04-10", "sus", "2026-03-20",
            "adoption", "2026-05-04", "query_seconds", "2026-04-28")))
            .containsExactlyInAnyOrder("handling_time", "first_time_right", "sus", "adoption");
        // The final analysis reads up to the end (Thursday 30 April): a technical metric that stopped with the pilot is
        // complete; usage is once it reaches the week after the end's (the end's week cell could rest on its Monday).
        assertThat(ready(NIGHT, Map.of("handling_time", "2026-05-10", "adoption", "2026-05-04", "query_seconds", "2026-04-30")))
            .containsExactlyInAnyOrder("handling_time", "first_time_right", "sus", "adoption", "query_seconds");
        assertThat(ready(NIGHT, Map.of("handling_time", "2026-05-10", "adoption", "2026-04-27"))).doesNotContain("adoption");
    }

    @Test
    void casesTwoDaysBehindKeepEveryCaseIndicatorAndTheSurveyOpen() {
        // First time right's own newest day (8 May) is past its due day (10 April), but the source is behind; usage
        // stops the week before the end's.
        assertThat(ready(NIGHT, Map.of("handling_time", "2026-05-08", "first_time_right", "2026-05-08", "sus", "2026-03-20",
            "adoption", "2026-04-20", "query_seconds", "2026-05-10")))
            .containsExactly("query_seconds");
    }

    @Test
    void nothingFreezesBeforeTheEnd() {
        assertThat(ready(LocalDate.of(2026, 4, 29), Map.of("handling_time", "2026-04-29", "query_seconds", "2026-04-29"))).isEmpty();
    }
}

package dk.gevinst.config;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.config.UnitsWithoutData.Left;
import dk.gevinst.config.UnitsWithoutData.Missing;
import dk.gevinst.indicator.Catalog;
import dk.gevinst.testing.ComparisonDocuments;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A unit without rows leaves the pilot with fewer teams, without a control group, or with nothing to evaluate;
 * only the last is a spec error (validate and the run exit 2), and each says what the pilot is evaluated on.
 */
class UnitsWithoutDataTest {
    private static final LocalDate NIGHT = LocalDate.of(2026, 5, 4);
    private static PilotSpec pilot(String arms, boolean baseline) throws Exception {
        return new PilotSpecParser(Catalog.builtIn()).parse("p.yaml", "id: p\ntitle: P\nstart: 2026-03-02\nend: 2026-06-30\n"
            + (baseline ? "baseline_start: 2026-01-05\n" : "") + "arms: " + arms + "\nindicators:\n  handling_time: {role: success, mde: \"10%\"}\n");
    }

    @Test
    void theOnlyPilotUnitWithoutRowsLeavesNothingToEvaluate() throws Exception {
        List<Missing> missing = UnitsWithoutData.of(pilot("{pilot: [\"A \"], control: [B]}", true), Set.of("A", "B"), NIGHT);
        assertThat(missing).singleElement().satisfies(m -> {
            assertThat(m.left()).isEqualTo(Left.NOTHING);
            assertThat(m.blocks()).isTrue();
            assertThat(m.en("p")).startsWith("p: pilot unit 'A ' has no rows in the data; did you mean 'A'?")
                .contains("No other pilot unit has rows: without it the pilot cannot be evaluated at all.")
                .endsWith("Until it is fixed the pilot is not evaluated, and its last good decision stands.");
        });
    }

    @Test
    void beforeTheStartANewTeamWithoutRowsIsAWarningNotAnError() throws Exception {
        // The only pilot unit: a warning before the start; from the start no decision is made on the controls alone.
        PilotSpec spec = pilot("{pilot: [\"Nyt team\"], control: [B]}", true);
        Missing before = UnitsWithoutData.of(spec, Set.of("A", "B"), LocalDate.of(2026, 3, 1)).get(0);
        assertThat(before.left()).isEqualTo(Left.NOTHING);
        assertThat(before.blocks()).as("nothing is decided before the start").isFalse();
        assertThat(before.en("p")).endsWith("A warning until the start, 2026-03-02: a team new to the pilot may not export yet.");
        assertThat(UnitsWithoutData.of(spec, Set.of("A", "B"), LocalDate.of(2026, 3, 2)).get(0).blocks()).as("never on the controls alone").isTrue();
        // A second pilot team beside one with rows: a warning through the first week, when a new team may not export yet.
        PilotSpec two = pilot("{pilot: [A, \"Nyt team\"], control: [B]}", true);
        Missing firstWeek = UnitsWithoutData.of(two, Set.of("A", "B"), LocalDate.of(2026, 3, 5)).get(0);
        assertThat(firstWeek.blocks()).isFalse();
        assertThat(firstWeek.en("p")).endsWith("A warning until 2026-03-09, a week after the start: a team new to the pilot may not export yet.");
        assertThat(UnitsWithoutData.of(two, Set.of("A", "B"), LocalDate.of(2026, 3, 9)).get(0).blocks()).isTrue();
    }

    @Test
    void aPilotUnitBesideOneWithRowsLeavesFewerTeams() throws Exception {
        List<Missing> missing = UnitsWithoutData.of(pilot("{pilot: [A, Ax], control: [B]}", true), Set.of("A", "B"), NIGHT);
        assertThat(missing).singleElement().satisfies(m -> {
            assertThat(m.left()).isEqualTo(Left.OTHER_UNITS);
            assertThat(m.blocks()).as("a decision on other teams than the spec names is one nobody chose").isTrue();
            assertThat(m.en("p")).contains("Without it the pilot would be decided on other teams than its spec names.");
        });
    }

    @Test
    void theLastControlUnitFallsBackToBeforeAndAfterOnlyWithABaseline() throws Exception {
        Missing withBaseline = UnitsWithoutData.of(pilot("{pilot: [A], control: [Bx]}", true), Set.of("A", "B"), NIGHT).get(0);
        assertThat(withBaseline.left()).isEqualTo(Left.NO_CONTROL_GROUP);
        assertThat(withBaseline.blocks()).isTrue();
        assertThat(withBaseline.en("p")).contains("without it the pilot would be decided without a control group");

        Missing without = UnitsWithoutData.of(pilot("{pilot: [A], control: [Bx]}", false), Set.of("A", "B"), NIGHT).get(0);
        assertThat(without.left()).isEqualTo(Left.NOTHING);
        assertThat(without.blocks()).isTrue();
        assertThat(without.en("p")).contains("the spec has no baseline_start").contains("cannot be evaluated at all");
    }

    @Test
    void aCandidateWithoutAnyUnitWithRowsCannotBeJudgedThoughTheOtherHasRows() throws Exception {
        PilotSpec k = ComparisonDocuments.spec();
        List<Missing> missing = UnitsWithoutData.of(k, Set.of("A", "C"), NIGHT);
        assertThat(missing).singleElement().satisfies(m -> {
            assertThat(m.unit()).isEqualTo("B");
            assertThat(m.candidate()).isEqualTo("b");
            assertThat(m.blocks()).isTrue();
            assertThat(m.en("k")).contains("No other unit of candidate 'b' has rows");
        });
        assertThat(UnitsWithoutData.of(k, Set.of("A", "B", "C"), NIGHT)).isEmpty();
    }
}

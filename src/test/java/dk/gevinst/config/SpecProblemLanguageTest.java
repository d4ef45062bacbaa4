package dk.gevinst.config;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.indicator.Catalog;
import dk.gevinst.testing.TinyRuns;
import dk.gevinst.text.Language;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Danish page shows why a spec was not evaluated in Danish (issue 10): every kind of spec problem has a Danish
 * text of its own, with file:line:column kept, and the English text stays as 'gevinst validate' prints it.
 */
class SpecProblemLanguageTest {
    private final PilotSpecParser parser = new PilotSpecParser(Catalog.builtIn());
    /** Words of the English messages that a Danish message must not carry (keys and values quoted from the file aside). */
    private static final Pattern ENGLISH = Pattern.compile("\\b(expected|missing|needs|must|unknown|write a|is before|lists no|both arms|"
        + "duplicate|the file|not valid|may hold only|use one of|holds only)\\b");

    /** The small good spec of the run tests, with a business case so that its problems can be tried too. */
    private static final String GOOD = TinyRuns.GOOD_SPEC + "business_case: {hourly_cost_dkk: 480, horizon_years: 5, annual_cases: 100}\n";

    /** One broken spec per kind of problem, each a small edit of a good one. */
    @ParameterizedTest
    @ValueSource(strings = {
        "start: 2026-03-02=>start: 2026-13-01", "end: 2026-06-30=>end: 2026-01-30", "id: small=>id: Small_1", "title: \"Lille pilot\"=>colour: red",
        "baseline_start: 2026-01-05=>baseline_start: 2026-04-05", "min_cases: 5=>min_cases: 1", "min_cases: 5=>min_cases: fem",
        "min_cases: 5=>alpha: 0.7", "hourly_cost_dkk: 480=>hourly_cost_dkk: x", "hourly_cost_dkk: 480, =>",
        "control: [B]=>control: [A]", "pilot: [A]=>pilot: []", "arms: {pilot: [A], control: [B]}=>arms: {control: [B]}",
        "role: success, mde: \"10%\"=>role: winner, mde: \"10%\"", "role: success, mde: \"10%\"=>role: success",
        "role: success, mde: \"10%\"=>role: guardrail", "mde: \"10%\"=>mde: -3", "handling_time: {=>handlng_time: {",
        "handling_time: {role: success, mde: \"10%\"}=>fte: {role: success, column: \"f t e\", mde: 1, direction: up}",
        "handling_time: {role: success, mde: \"10%\"}=>handling_time: {role: guardrail, margin: 0.1}",
        "handling_time: {role: success, mde: \"10%\"}=>handling_time: [1, 2]", "decision: {min_cases: 5}=>decision: {min_cases: 5, min_cases: 6}",
        "title: \"Lille pilot\"=>title: \"\"", "title: \"Lille pilot\"=>title: [\"a\"",
        "arms: {pilot: [A], control: [B]}=>arms: {candidates: {a: {vendor: V, units: [A], options: {hosted: {one_off_dkk: 1}}}}, control: [B]}",
        "arms: {pilot: [A], control: [B]}=>arms: {candidates: {a: {vendor: V, units: [A, A]}, B_2: {vendor: V, units: [], options: {}}}, control: [A]}"})
    void everyKindOfProblemHasADanishTextWithItsLocation(String edit) {
        String[] fromTo = edit.split("=>", -1);
        String yaml = GOOD.replace(fromTo[0], fromTo[1]);
        assertThat(yaml).as("the edit applies").isNotEqualTo(GOOD);
        List<Problem> problems = problems(yaml);
        assertThat(problems).as(yaml).isNotEmpty().allSatisfy(p -> {
            assertThat(p.messageDa()).as(p.toString()).isNotBlank().isNotEqualTo(p.message());
            assertThat(p.in(Language.DA)).startsWith("x.yaml:" + p.line() + ":" + p.column() + ": ").doesNotContainPattern(ENGLISH);
            assertThat(p.in(Language.EN)).isEqualTo(p.toString());
        });
    }

    @Test
    void theDanishTextNamesTheValueAndTheFix() {
        Problem date = problems(GOOD.replace("start: 2026-03-02", "start: 2026-13-01")).get(0);
        assertThat(date.in(Language.DA)).isEqualTo("x.yaml:3:8: start er '2026-13-01', som ikke er en dag i kalenderen; tjek dagen og måneden");
        assertThat(date.in(Language.EN)).isEqualTo("x.yaml:3:8: start is '2026-13-01', which is no day in the calendar; check the day and the month");
        Problem written = problems(GOOD.replace("start: 2026-03-02", "start: 1/3/2026")).get(0);
        assertThat(written.in(Language.DA)).isEqualTo("x.yaml:3:8: start er '1/3/2026'; skriv en dato som ÅÅÅÅ-MM-DD");
        assertThat(written.in(Language.EN)).isEqualTo("x.yaml:3:8: start is '1/3/2026'; write a date as YYYY-MM-DD");
        Problem key = problems(GOOD.replace("title:", "colour: red\ntitle:")).get(0);
        assertThat(key.in(Language.DA)).startsWith("x.yaml:2:1: ukendt nøgle 'colour' i pilotspecifikationen; tilladt: id, title");
    }

    private List<Problem> problems(String yaml) {
        try {
            parser.parse("x.yaml", yaml);
        } catch (InvalidSpecException e) {
            return e.problems();
        }
        throw new AssertionError("expected the spec to be invalid:\n" + yaml);
    }
}

package dk.gevinst.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.gevinst.indicator.Catalog;
import dk.gevinst.indicator.Direction;
import dk.gevinst.indicator.Role;
import dk.gevinst.source.Source;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PilotSpecParserTest {
    private final PilotSpecParser parser = new PilotSpecParser(Catalog.builtIn());

    private static final String VALID = """
        id: sagsoverblik
        title: "Sagsoverblik i Ydelse"
        owner: "Digital styregruppe"
        deployment: hosted
        start: 2025-06-30
        end: 2025-12-28
        baseline_start: 2025-01-06
        ramp_up_days: 14
        arms:
          pilot: ["Ydelse Nord"]
          control: ["Ydelse Syd", "Ydelse Vest"]
        indicators:
          handling_time: {role: success, mde: "10%"}
          first_time_right: {role: success, mde: 0.03}
          appeal_overturn_rate: {role: guardrail, margin: 0.02}
          query_seconds: {role: technical, direction: lower_is_better}
          fte: {role: success, column: fte, direction: higher_is_better, mde: 1.0}
        decision: {alpha: 0.05, min_cases: 100, max_extension_weeks: 12}
        business_case: {hourly_cost_dkk: 480, horizon_years: 5, discount_rate: 0.035, annual_cases: 60000}
        """;

    private List<String> problems(String yaml) {
        try {
            parser.parse("jobs/pilots/x.yaml", yaml);
        } catch (InvalidSpecException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("expected the spec to be invalid");
    }

    @Test
    void readsTheIssueExampleCompletely() throws Exception {
        PilotSpec s = parser.parse("jobs/pilots/sagsoverblik.yaml", VALID);
        assertThat(s.id()).isEqualTo("sagsoverblik");
        assertThat(s.postStart()).isEqualTo(LocalDate.of(2025, 7, 14));
        assertThat(s.controlUnits()).containsExactly("Ydelse Syd", "Ydelse Vest");
        assertThat(s.withRole(Role.SUCCESS)).extracting(PilotIndicator::id).containsExactly("handling_time", "first_time_right", "fte");
        PilotIndicator handling = s.indicators().get(0);
        assertThat(handling.mde().relative()).isTrue();
        assertThat(handling.mde().resolve(60)).isEqualTo(6.0);
        assertThat(handling.definition().direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        PilotIndicator fte = s.indicators().get(4);
        assertThat(fte.definition().source()).isEqualTo(Source.CASES);
        assertThat(fte.definition().measure().argument()).isEqualTo("fte");
        PilotIndicator query = s.indicators().get(3);
        assertThat(query.definition().source()).isEqualTo(Source.TECH_METRICS);
        assertThat(s.withRole(Role.GUARDRAIL).get(0).margin().value()).isEqualTo(0.02);
        assertThat(s.businessCase().annualCases()).isEqualTo(60000);
        assertThat(s.decision().sequentialTuning()).isEqualTo(5000);
    }

    @Test
    void theExampleInTheSpecReferenceIsValid() throws Exception {
        String doc = java.nio.file.Files.readString(dk.gevinst.testing.Repo.root().resolve("docs/pilot-spec.md"));
        String yaml = doc.substring(doc.indexOf("```yaml\n") + 8, doc.indexOf("```", doc.indexOf("```yaml\n") + 8));
        PilotSpec s = parser.parse("docs/pilot-spec.md", yaml);
        assertThat(s.indicators()).extracting(PilotIndicator::id)
            .containsExactly("handling_time", "first_time_right", "processing_days", "query_seconds", "fte", "trivsel");
        assertThat(s.decision().minResponses()).isEqualTo(10);
        assertThat(s.indicators().get(5).definition().source()).isEqualTo(Source.SURVEY_RESPONSES);
    }

    @Test
    void namesCannotReachOutsideTheDataRoot() {
        List<String> p = problems(VALID.replace("column: fte", "column: ../../etc/passwd"));
        assertThat(p).anyMatch(m -> m.endsWith("indicator 'fte' column is '../../etc/passwd'; a column or instrument name holds only letters, digits and '_'"));
    }

    @Test
    void aMisspeltOptionalKeyNamesTheKeyItMostLikelyMeansAndAForeignOneDoesNot() {
        List<String> p = problems(VALID.replace("ramp_up_days: 14", "ramp_up_day: 14")
            .replace("min_cases: 100", "min_case: 100").replace("baseline_start:", "Baselin_start:"));
        assertThat(p).anyMatch(m -> m.matches("jobs/pilots/x\\.yaml:\\d+:1: unknown key 'ramp_up_day' in the pilot spec; did you mean 'ramp_up_days'\\?; allowed: id, .*"));
        assertThat(p).anyMatch(m -> m.contains("unknown key 'Baselin_start' in the pilot spec; did you mean 'baseline_start'?; allowed: "));
        assertThat(p).anyMatch(m -> m.contains("unknown key 'min_case' in decision; did you mean 'min_cases'?; allowed: alpha, min_cases,"));
        assertThat(problems(VALID + "colour: blue\n")).singleElement().asString()
            .contains("unknown key 'colour' in the pilot spec; allowed: ").doesNotContain("did you mean");
    }

    @Test
    void aMisspeltKeyIsNamedInDanishToo() {
        try {
            parser.parse("jobs/pilots/x.yaml", VALID.replace("ramp_up_days: 14", "ramp_up_day: 14"));
            throw new AssertionError("expected the spec to be invalid");
        } catch (InvalidSpecException e) {
            assertThat(e.problems().get(0).in(dk.gevinst.text.Language.DA))
                .contains("ukendt nøgle 'ramp_up_day' i pilotspecifikationen; mente I 'ramp_up_days'?; tilladt: ");
        }
    }

    @Test
    void reportsEveryErrorAtOnceWithFileLineAndColumn() {
        String yaml = """
            id: Bad_ID
            title: "x"
            start: 2025-06-30
            end: 2025-01-01
            colour: blue
            arms:
              pilot: ["Ydelse Nord"]
              control: ["Ydelse Nord"]
            indicators:
              handling_time: {role: success, mde: "10%", colour: red}
              happiness: {role: success, mde: 1}
            """;
        List<String> p = problems(yaml);
        assertThat(p).contains(
            "jobs/pilots/x.yaml:1:5: id 'Bad_ID' may hold only a-z, 0-9 and '-'",
            "jobs/pilots/x.yaml:4:6: end 2025-01-01 is before start 2025-06-30; the decision date must follow the start",
            "jobs/pilots/x.yaml:8:12: unit 'Ydelse Nord' is in both arms; a unit is either pilot or control");
        assertThat(p).anyMatch(m -> m.startsWith("jobs/pilots/x.yaml:5:1: unknown key 'colour' in the pilot spec; allowed: id, title,"));
        assertThat(p).anyMatch(m -> m.startsWith("jobs/pilots/x.yaml:10:46: unknown key 'colour' in indicator 'handling_time'; allowed: role,"));
        assertThat(p).anyMatch(m -> m.startsWith("jobs/pilots/x.yaml:11:14: unknown indicator 'happiness'; use one of handling_time, processing_days,")
            && m.endsWith("or declare a custom one with column:, instrument: or metric:"));
        assertThat(p).hasSize(6);
    }

    @Test
    void missingThresholdsAndRequiredKeysAreNamed() {
        List<String> p = problems("""
            id: x
            title: "x"
            start: 2025-06-30
            arms: {pilot: [A]}
            indicators:
              handling_time: {role: success}
              appeal_overturn_rate: {role: guardrail}
              fte: {role: success, column: fte, mde: 1}
            """);
        assertThat(p).contains("jobs/pilots/x.yaml:1:1: missing required key 'end'");
        assertThat(p).anyMatch(m -> m.contains(":6:18: indicator 'handling_time' is a success indicator and needs mde"));
        assertThat(p).anyMatch(m -> m.contains(":7:25: indicator 'appeal_overturn_rate' is a guardrail and needs margin"));
        assertThat(p).anyMatch(m -> m.contains(":8:8: indicator 'fte' is custom and needs direction: higher_is_better or lower_is_better"));
    }

    @Test
    void badValuesSayWhatWasFoundAndWhatToWrite() {
        List<String> p = problems(VALID.replace("start: 2025-06-30", "start: 30/06/2025")
            .replace("alpha: 0.05", "alpha: 0.9").replace("role: guardrail", "role: guard"));
        assertThat(p).contains("jobs/pilots/x.yaml:5:8: start is '30/06/2025'; write a date as YYYY-MM-DD");
        assertThat(problems(VALID.replace("mde: \"10%\"", "mde: \"7,5%\""))).anyMatch(m -> m.endsWith(
            "indicator 'handling_time' mde (a number or \"N%\") is '7,5%'; expected a number, written with a decimal point: 7.5%"));
        assertThat(problems(VALID.replace("end: 2025-12-28", "end: 2025-02-30"))).contains(
            "jobs/pilots/x.yaml:6:6: end is '2025-02-30', which is no day in the calendar; check the day and the month");
        assertThat(p).anyMatch(m -> m.contains("decision.alpha is 0.9; expected between 0 and 0.5, usually 0.05"));
        assertThat(p).anyMatch(m -> m.contains("indicator 'appeal_overturn_rate' has role 'guard'; use success, guardrail, technical or descriptive"));
    }

    @Test
    void descriptiveCatalogIndicatorsCannotDecide() {
        List<String> p = problems(VALID.replace("  fte:", "  preference: {role: success, mde: 0.1}\n  fte:"));
        assertThat(p).anyMatch(m -> m.endsWith("indicator 'preference' is descriptive (shown, not decided on); use role: descriptive, and remove mde"));
        assertThat(p).as("one error for the role: no advice about its mde besides").hasSize(1);
    }

    @Test
    void aTechnicalMetricCannotDecide() throws Exception {
        // The catalogue's technical metric and a custom one, made success and guardrail: refused, each at its role.
        List<String> p = problems(VALID.replace("query_seconds: {role: technical, direction: lower_is_better}",
            "query_seconds: {role: success, direction: lower_is_better, mde: \"10%\"}\n  uptime: {role: guardrail, metric: uptime, direction: higher_is_better, margin: 0.01}"));
        assertThat(p).anyMatch(m -> m.startsWith("jobs/pilots/x.yaml:16:25: indicator 'query_seconds' is a technical metric (tech_metrics), which is shown but neither makes nor stops a pilot"));
        assertThat(p).anyMatch(m -> m.startsWith("jobs/pilots/x.yaml:17:18: indicator 'uptime' is a technical metric"));
        assertThat(p).hasSize(2);
        assertThat(p).anyMatch(m -> m.endsWith("use role: technical, and remove mde")).anyMatch(m -> m.endsWith("use role: technical, and remove margin"));
        assertThat(parser.parse("x.yaml", VALID).indicators()).anyMatch(i -> i.id().equals("query_seconds") && i.role() == Role.TECHNICAL);
    }

    @Test
    void aThresholdTheRoleDoesNotUseIsAnErrorNotIgnored() {
        List<String> p = problems(VALID.replace("appeal_overturn_rate: {role: guardrail, margin: 0.02}", "appeal_overturn_rate: {role: guardrail, mde: 0.02}")
            .replace("first_time_right: {role: success, mde: 0.03}", "first_time_right: {role: success, mde: 0.03, margin: 0.01}")
            .replace("query_seconds: {role: technical, direction: lower_is_better}", "query_seconds: {role: technical, direction: lower_is_better, mde: 1}"));
        assertThat(p).anyMatch(m -> m.contains(":15:48: indicator 'appeal_overturn_rate' is a guardrail, which uses margin, not mde; remove mde and write margin:"));
        assertThat(p).anyMatch(m -> m.contains(":15:25: indicator 'appeal_overturn_rate' is a guardrail and needs margin"));
        assertThat(p).anyMatch(m -> m.endsWith(":14:56: indicator 'first_time_right' is a success indicator, which uses mde, not margin; remove margin"));
        assertThat(p).anyMatch(m -> m.endsWith(":16:69: indicator 'query_seconds' has role technical, which decides nothing, so mde has no effect; remove it"));
        assertThat(p).hasSize(4);
        assertThat(problems(VALID.replace("  fte:", "  sus: {role: descriptive, mde: 5}\n  fte:"))).anyMatch(m -> m.endsWith(
            "indicator 'sus' has role descriptive, which decides nothing, so mde has no effect; remove it, or use role: success"));
    }

    @Test
    void aPilotWithNeitherABaselineNorControlsIsRefusedWithTheFix() throws Exception {
        String alone = VALID.replace("baseline_start: 2025-01-06\n", "").replace("  control: [\"Ydelse Syd\", \"Ydelse Vest\"]\n", "");
        assertThat(problems(alone)).containsExactly("jobs/pilots/x.yaml:9:3: the pilot has neither baseline_start nor arms.control, so there is nothing"
            + " to compare its period with; add baseline_start (a date weeks before start: the teams' own work before) or control units"
            + " (teams that keep the old system)");
        assertThat(parser.parse("x.yaml", VALID.replace("baseline_start: 2025-01-06\n", "")).controlUnits()).hasSize(2);
        assertThat(parser.parse("x.yaml", VALID.replace("  control: [\"Ydelse Syd\", \"Ydelse Vest\"]\n", "")).hasBaseline()).isTrue();
    }

    @Test
    void hostileYamlIsRejectedNotExecuted() {
        assertThat(problems("id: !!java.net.URL [\"http://127.0.0.1/\"]\n")).anyMatch(m -> m.startsWith("jobs/pilots/x.yaml:") && m.contains("id"));
        String bomb = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
            + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n";
        assertThat(problems(bomb)).anyMatch(m -> m.contains("not valid YAML") || m.contains("unknown key"));
        String deep = "a: " + "[".repeat(30) + "]".repeat(30) + "\n";
        assertThat(problems(deep)).anyMatch(m -> m.contains("not valid YAML") && m.toLowerCase().contains("nesting"));
        assertThatThrownBy(() -> parser.parse("x.yaml", "x".repeat(YamlReader.MAX_CHARS + 1)))
            .isInstanceOf(InvalidSpecException.class).hasMessageContaining("the limit is " + YamlReader.MAX_CHARS);
    }
}

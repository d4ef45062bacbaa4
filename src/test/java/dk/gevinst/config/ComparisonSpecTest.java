package dk.gevinst.config;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.config.Candidate.DeploymentOption;
import dk.gevinst.indicator.Catalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A spec that compares candidate systems: what it holds when valid, and every mistake at once, where it is written. */
class ComparisonSpecTest {
    private static final String FILE = "jobs/pilots/sagssystem.yaml";
    private final PilotSpecParser parser = new PilotSpecParser(Catalog.builtIn());

    private static final String VALID = """
        id: sagssystem
        title: "Nyt sagssystem i Jobcenter"
        start: 2026-05-04
        end: 2026-10-30
        baseline_start: 2026-01-05
        arms:
          control: ["Jobcenter Midt"]
          candidates:
            a:
              vendor: "Leverandør A"
              units: ["Jobcenter Øst"]
              options:
                hosted: {one_off_dkk: 350000, yearly_dkk: 180000}
                on-premise: {one_off_dkk: 900000, yearly_dkk: 95000}
            b:
              vendor: "Leverandør B"
              units: ["Jobcenter Vest", "Jobcenter Nord"]
              options:
                cloud: {one_off_dkk: 250000, yearly_dkk: 210000.5}
        indicators:
          handling_time: {role: success, mde: "10%"}
          processing_days: {role: guardrail, margin: "5%"}
        """;

    private List<String> problems(String yaml) {
        try {
            parser.parse(FILE, yaml);
        } catch (InvalidSpecException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("expected the spec to be invalid:\n" + yaml);
    }

    @Test
    void aComparisonNamesItsCandidatesAndSharesControlAndBaseline() throws Exception {
        PilotSpec s = parser.parse(FILE, VALID);

        assertThat(s.isComparison()).isTrue();
        assertThat(s.candidates()).extracting(Candidate::id).containsExactly("a", "b");
        assertThat(s.candidates().get(0).vendor()).isEqualTo("Leverandør A");
        assertThat(s.candidates().get(0).options()).containsExactly(new DeploymentOption("hosted", 350000, 180000),
            new DeploymentOption("on-premise", 900000, 95000));
        assertThat(s.candidates().get(1).units()).containsExactly("Jobcenter Vest", "Jobcenter Nord");
        assertThat(s.candidates().get(1).options()).containsExactly(new DeploymentOption("cloud", 250000, 210000.5));
        assertThat(s.pilotUnits()).as("every candidate's units, which the cells bind as the pilot arm")
            .containsExactly("Jobcenter Øst", "Jobcenter Vest", "Jobcenter Nord");
        assertThat(s.controlUnits()).containsExactly("Jobcenter Midt");
        assertThat(s.hasBaseline()).isTrue();
    }

    @Test
    void aSingleArmPilotIsNoComparison() throws Exception {
        PilotSpec s = parser.parse(FILE, VALID.replace(VALID.substring(VALID.indexOf("  candidates:"), VALID.indexOf("indicators:")),
            "  pilot: [\"Jobcenter Øst\"]\n"));
        assertThat(s.isComparison()).isFalse();
        assertThat(s.candidates()).isEmpty();
        assertThat(s.pilotUnits()).containsExactly("Jobcenter Øst");
    }

    @Test
    void everyMistakeOfAComparisonIsReportedAtOnceWhereItIsWritten() {
        String yaml = """
            id: sagssystem
            title: "Nyt sagssystem"
            deployment: cloud
            start: 2026-05-04
            end: 2026-10-30
            arms:
              control: ["Jobcenter Midt", "Jobcenter Vest"]
              candidates:
                a:
                  vendor: "Leverandør A"
                  units: ["Jobcenter Øst", "Jobcenter Øst"]
                  options: {hosted: {one_off_dkk: -1, yearly_dkk: 5}}
                B_2:
                  vendor: "Leverandør A"
                  units: ["Jobcenter Øst", "Jobcenter Vest"]
                  options: {cloud: {one_off_dkk: 1}}
                c:
                  vendor: "Leverandør C"
                  units: []
                  options: {}
                  colour: red
                d:
                  units: ["Jobcenter Nord"]
                a:
                  vendor: "again"
            indicators:
              handling_time: {role: success, mde: "10%"}
            """;

        assertThat(problems(yaml)).containsExactlyInAnyOrder(
            FILE + ":3:13: deployment is chosen per candidate in a comparison; list each candidate's options under arms.candidates.<id>.options",
            FILE + ":24:5: duplicate key 'a' in arms.candidates (candidate ids)",
            FILE + ":11:32: unit 'Jobcenter Øst' is listed twice in candidate 'a'",
            FILE + ":12:39: one_off_dkk of candidate 'a' option 'hosted' is -1; expected 0 to 10000000000",
            FILE + ":13:5: candidate id 'B_2' may hold only a-z, 0-9 and '-'",
            FILE + ":14:15: candidate 'B_2' has vendor 'Leverandør A' like candidate 'a'; reasons name candidates by vendor, so give each its own name",
            FILE + ":15:15: unit 'Jobcenter Øst' is in candidates 'a' and 'B_2'; a unit tries one candidate",
            FILE + ":16:24: candidate 'B_2' option 'cloud' needs 'yearly_dkk' (DKK, 0 if none)",
            FILE + ":21:7: unknown key 'colour' in candidate 'c'; allowed: vendor, units, options",
            FILE + ":19:14: candidate 'c' lists no unit; name the units that try it",
            FILE + ":20:16: candidate 'c' lists no deployment option; give at least one with one_off_dkk and yearly_dkk",
            FILE + ":23:7: candidate 'd' needs 'vendor': the name people know the system by",
            FILE + ":23:7: candidate 'd' needs 'options': its deployment options, each with one_off_dkk and yearly_dkk",
            FILE + ":7:31: unit 'Jobcenter Vest' is both a control and in candidate 'B_2'; a unit is either a control or tries one candidate");
    }

    @Test
    void aComparisonNeedsTwoToSixCandidatesAndNoPilotArmBesideThem() {
        String one = VALID.substring(0, VALID.indexOf("    b:")) + VALID.substring(VALID.indexOf("indicators:"));
        assertThat(problems(one)).containsExactly(
            FILE + ":8:3: arms.candidates names 1 candidate; a comparison has 2 to 6 (to pilot one system, use arms.pilot)");

        StringBuilder seven = new StringBuilder();
        for (int i = 1; i <= 7; i++) {
            seven.append("    c").append(i).append(": {vendor: V").append(i).append(", units: [U").append(i)
                .append("], options: {cloud: {one_off_dkk: 0, yearly_dkk: 0}}}\n");
        }
        assertThat(problems(VALID.substring(0, VALID.indexOf("    a:")) + seven + VALID.substring(VALID.indexOf("indicators:"))))
            .containsExactly(FILE + ":8:3: arms.candidates names 7 candidates; a comparison has 2 to 6 (to pilot one system, use arms.pilot)");

        assertThat(problems(VALID.replace("  control: [\"Jobcenter Midt\"]", "  control: [\"Jobcenter Midt\"]\n  pilot: [\"Jobcenter Syd\"]")))
            .containsExactly(FILE + ":8:3: arms has both 'pilot' and 'candidates'; a pilot names its units under pilot, a comparison under each candidate");
        assertThat(problems(VALID.replace(VALID.substring(VALID.indexOf("  candidates:"), VALID.indexOf("indicators:")), "")))
            .containsExactly(FILE + ":7:3: arms needs 'pilot': the units that use the new system (or, to compare systems, 'candidates')");
    }
}

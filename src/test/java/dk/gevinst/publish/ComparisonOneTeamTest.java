package dk.gevinst.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.decision.Decision;
import dk.gevinst.decision.Outcome;
import dk.gevinst.decision.PilotEvaluation;
import dk.gevinst.indicator.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A comparison whose candidates each rest on one team says so, as a single pilot on one team does. */
class ComparisonOneTeamTest {
    private static PilotEvaluation extended(String yaml) throws Exception {
        PilotSpec spec = new PilotSpecParser(Catalog.builtIn()).parse("sagssystem.yaml", yaml);
        return new PilotEvaluation(spec.id(), spec.file(), spec, LocalDate.of(2026, 11, 27), PilotEvaluation.SEQUENTIAL,
            new Decision(Outcome.EXTEND, List.of(), 4), List.of(), null, List.of(), null, List.of(), null);
    }

    @Test
    void eachCandidateOnOneTeamIsNamedWithItsTeam() throws Exception {
        String sample = Files.readString(Path.of("jobs/pilots/sagssystem.yaml"));

        List<HealthFlag> flags = InferenceHealth.flags(extended(sample));

        assertThat(flags).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("one_team");
            assertThat(f.severity()).isEqualTo(HealthFlag.Severity.WARNING);
            assertThat(f.textDa()).isEqualTo("Hver kandidat bygger på ét team (Sagslet: Jobcenter Nord; Jobflow: Jobcenter Centrum): "
                + "usikkerheden er regnet på teamniveau.");
            assertThat(f.textEn()).startsWith("Each candidate rests on one team (Sagslet: Jobcenter Nord; Jobflow: Jobcenter Centrum)");
            assertThat(f.details().path("candidates").toString()).isEqualTo("[\"sagslet\",\"jobflow\"]");
            assertThat(f.details().path("pilot_units").toString()).as("the teams, in the candidates' order").isEqualTo("[\"Jobcenter Nord\",\"Jobcenter Centrum\"]");
        });
    }

    @Test
    void onlyTheCandidatesOnOneTeamAreNamedAndTwoTeamsEachGiveNoFlag() throws Exception {
        String sample = Files.readString(Path.of("jobs/pilots/sagssystem.yaml"));
        String jobflowOnTwo = sample.replace("units: [\"Jobcenter Centrum\"]", "units: [\"Jobcenter Centrum\", \"Jobcenter Øst\"]");
        String bothOnTwo = jobflowOnTwo.replace("units: [\"Jobcenter Nord\"]", "units: [\"Jobcenter Nord\", \"Jobcenter Syd 2\"]");

        assertThat(InferenceHealth.flags(extended(jobflowOnTwo))).singleElement()
            .satisfies(f -> assertThat(f.textDa()).startsWith("Kandidater, der bygger på ét team (Sagslet: Jobcenter Nord):"));
        assertThat(InferenceHealth.flags(extended(bothOnTwo))).isEmpty();
    }
}

package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.cli.Main;
import dk.gevinst.testing.Capture;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TinyRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A misspelt unit in a spec ("Ydelse Vestt") has no rows, so the pilot would silently be decided on other
 * teams than specified: validate and the run say so with the unit it most likely means, and no decision is made.
 * A published pilot whose spec is gone the next night leaves the publication with a line saying so.
 */
class SpecUnitsTest {
    @Test
    void aMisspeltControlUnitIsASpecErrorAndNoDecisionIsMadeOnTheOtherControls(@TempDir Path tmp) throws Exception {
        Path data = TinyRuns.data(tmp.resolve("data"));
        String cases = Files.readString(data.resolve("cases/cases.csv"));
        TempDirs.write(data, "cases/vest.csv", cases.replace(",B,", ",Ydelse Vest,").replace("\nc", "\nv"));
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC.replace("control: [B]", "control: [B, Ydelse Vestt]"));
        TempDirs.write(pilots, "other.yaml", TinyRuns.GOOD_SPEC.replace("id: small", "id: other"));

        int[] exit = new int[1];
        String validate = Capture.stdout(() -> exit[0] = Main.execute("validate", "--pilots", pilots.toString(), "--data", data.toString()));
        assertThat(exit[0]).as("the pilot started weeks ago: a decision on two control teams of three is one nobody chose").isEqualTo(2);
        assertThat(validate).contains("error   ").contains("small.yaml: small: control unit 'Ydelse Vestt' has no rows in the data; did you mean 'Ydelse Vest'?");
        assertThat(validate).doesNotContain("unit 'B'").doesNotContain("unit 'A'");
        assertThat(validate).as("one verdict a file: no 'ok' above small.yaml's error").containsPattern("(?m)^ok +\\S*other\\.yaml").doesNotContainPattern("(?m)^ok +\\S*small\\.yaml");

        Path out = tmp.resolve("out");
        Capture.stderr(() -> Capture.stdout(() -> assertThat(TinyRuns.run(pilots, data, out, "2026-03-31")).isEqualTo(2)));
        JsonNode doc = SampleRun.json(out.resolve("decisions/small.json"));
        assertThat(doc.path("decision").isNull()).as("no GO on B alone").isTrue();
        JsonNode flag = SampleRun.healthFlag(doc, "unit_without_data");
        assertThat(flag.path("severity").asText()).isEqualTo("error");
        assertThat(flag.path("unit").asText()).isEqualTo("Ydelse Vestt");
        assertThat(flag.path("arm").asText()).isEqualTo("control");
        assertThat(flag.path("did_you_mean").asText()).isEqualTo("Ydelse Vest");
        assertThat(flag.path("text_da").asText()).contains("Kontrolenheden 'Ydelse Vestt'").contains("Mente I 'Ydelse Vest'?");
        assertThat(flag.path("text_en").asText()).contains("Control unit 'Ydelse Vestt'").contains("Did you mean 'Ydelse Vest'?");
        long unitFlags = 0;
        for (JsonNode f : doc.path("health")) if (f.path("code").asText().equals("unit_without_data")) unitFlags++;
        assertThat(unitFlags).as("only the misspelt unit; A and B have rows").isEqualTo(1);
        JsonNode other = SampleRun.json(out.resolve("decisions/other.json"));
        assertThat(other.path("health").findValuesAsText("code")).as("a spec whose units all have rows").doesNotContain("unit_without_data");

        // The next night other.yaml is gone: the pilot leaves the publication, and one line says so.
        Files.delete(pilots.resolve("other.yaml"));
        String stderr = Capture.stderr(() -> Capture.stdout(() -> TinyRuns.run(pilots, data, out, "2026-04-01")));
        assertThat(stderr.lines().filter(l -> l.contains("pilot 'other'"))).singleElement().asString()
            .contains("pilot 'other' (last published as of 2026-03-31) has no spec in the pilots folder tonight, so it is dropped");
        assertThat(out.resolve("decisions/other.json")).doesNotExist();
        assertThat(SampleRun.lastManifest(out).path("dropped_pilots").findValuesAsText("pilot_id")).containsExactly("other");
    }

    @Test
    void unitsThatLeaveAPilotWithoutAnyDataAreASpecErrorNotStaleExports(@TempDir Path tmp) throws Exception {
        Path data = TinyRuns.data(tmp.resolve("data"));
        Path file = data.resolve("cases/cases.csv");
        Files.writeString(file, Files.readString(file).replace(",A,", ",BS Øst,").replace(",B,", ",BS Vest,"));
        Path pilots = tmp.resolve("pilots");
        // Both units mistyped: one without its Danish letter, one with a letter too many. No row is the pilot's.
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC.replace("arms: {pilot: [A], control: [B]}",
            "arms: {pilot: [\"BS Oest\"], control: [\"BS Vestt\"]}"));
        Path out = tmp.resolve("out");
        String[] stderr = new String[1];
        stderr[0] = Capture.stderr(() -> Capture.stdout(() -> assertThat(TinyRuns.run(pilots, data, out, "2026-03-31"))
            .as("the spec is at fault, not the case exports").isEqualTo(2)));
        assertThat(stderr[0].strip().lines().reduce((a, b) -> b).orElse("")).startsWith("gevinst: exit 2 (bad pilot spec or arguments): ")
            .contains("small: pilot unit 'BS Oest' has no rows in the data; did you mean 'BS Øst'?");
        JsonNode doc = SampleRun.json(out.resolve("decisions/small.json"));
        List<String> meant = new java.util.ArrayList<>();
        for (JsonNode f : doc.path("health")) if (f.path("code").asText().equals("unit_without_data")) meant.add(f.path("did_you_mean").asText());
        assertThat(meant).containsExactlyInAnyOrder("BS Øst", "BS Vest");
    }

    @Test
    void theOnlyPilotUnitWithoutRowsIsASpecErrorThoughTheControlsHaveRows(@TempDir Path tmp) throws Exception {
        Path data = TinyRuns.data(tmp.resolve("data"));
        Path pilots = tmp.resolve("pilots");
        // A trailing space: the pilot's only unit has no rows, the control B has all of its own.
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC.replace("pilot: [A]", "pilot: [\"A \"]"));
        int[] exit = new int[1];
        String validate = Capture.stdout(() -> exit[0] = Main.execute("validate", "--pilots", pilots.toString(), "--data", data.toString()));
        assertThat(exit[0]).as("no night can evaluate it").isEqualTo(2);
        assertThat(validate).contains("error   ").contains("small: pilot unit 'A ' has no rows in the data; did you mean 'A'? "
            + "No other pilot unit has rows: without it the pilot cannot be evaluated at all. Until it is fixed the pilot is not evaluated, and its last "
            + "good decision stands.");

        Path out = tmp.resolve("out");
        String[] stderr = new String[1];
        stderr[0] = Capture.stderr(() -> Capture.stdout(() -> assertThat(TinyRuns.run(pilots, data, out, "2026-03-31")).isEqualTo(2)));
        assertThat(stderr[0].strip().lines().reduce((a, b) -> b).orElse("")).startsWith("gevinst: exit 2 (bad pilot spec or arguments): ")
            .contains("small: pilot unit 'A ' has no rows");
        JsonNode flag = SampleRun.healthFlag(SampleRun.json(out.resolve("decisions/small.json")), "unit_without_data");
        assertThat(flag.path("left").asText()).isEqualTo("nothing");
        assertThat(flag.path("text_en").asText()).contains("the pilot cannot be evaluated at all").doesNotContain("fewer pilot teams");
        assertThat(flag.path("text_da").asText()).contains("piloten kan slet ikke vurderes").doesNotContain("færre pilotteams");
        JsonNode doc = SampleRun.json(out.resolve("decisions/small.json"));
        assertThat(doc.path("decision").isNull()).as("no decision on the control teams alone").isTrue();
        assertThat(doc.path("status").asText()).isEqualTo("error");
        assertThat(doc.path("reasons").get(0).path("en").asText()).contains("names units without rows in the data ('A ')");

        // With a decision from a night when the unit was spelt right, that decision stands, marked.
        Path fixedPilots = tmp.resolve("fixed");
        TempDirs.write(fixedPilots, "small.yaml", TinyRuns.GOOD_SPEC);
        Path out2 = tmp.resolve("out2");
        Capture.stdout(() -> assertThat(TinyRuns.run(fixedPilots, data, out2, "2026-03-30")).isZero());
        String before = SampleRun.json(out2.resolve("decisions/small.json")).path("decision").asText();
        Capture.stderr(() -> Capture.stdout(() -> assertThat(TinyRuns.run(pilots, data, out2, "2026-03-31")).isEqualTo(2)));
        JsonNode kept = SampleRun.json(out2.resolve("decisions/small.json"));
        assertThat(kept.path("decision").asText()).isEqualTo(before);
        assertThat(kept.path("kept_from").path("as_of").asText()).isEqualTo("2026-03-30");
        assertThat(kept.path("reasons").get(0).path("en").asText()).contains("The decision of 30\u00a0March\u00a02026 stands until the units are spelt as in the data");
    }

    /** In the pilot's first week a second pilot team that does not export yet is a warning, and the night says it decided without it. */
    @Test
    void aNewTeamInThePilotsFirstWeekIsAWarningOnADecisionMadeWithoutIt(@TempDir Path tmp) throws Exception {
        Path data = TinyRuns.data(tmp.resolve("data"));
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC.replace("pilot: [A]", "pilot: [A, \"Nyt team\"]")
            .replace("start: 2026-03-02", "start: 2026-03-20"));
        Path out = tmp.resolve("out");
        Capture.stdout(() -> assertThat(TinyRuns.run(pilots, data, out, "2026-03-24")).isZero());
        JsonNode doc = SampleRun.json(out.resolve("decisions/small.json"));
        assertThat(doc.path("decision").isTextual()).isTrue();
        JsonNode flag = SampleRun.healthFlag(doc, "unit_without_data");
        assertThat(flag.path("severity").asText()).isEqualTo("warning");
        assertThat(flag.path("text_da").asText()).contains("Beslutningen er truffet uden den, altså på færre pilotteams end specificeret.")
            .contains("En advarsel indtil 27.\u00a0marts\u00a02026");
        // A week after the start it is the spec's error: no decision on A alone.
        Capture.stderr(() -> Capture.stdout(() -> assertThat(TinyRuns.run(pilots, data, out, "2026-03-27")).isEqualTo(2)));
        assertThat(SampleRun.healthFlag(SampleRun.json(out.resolve("decisions/small.json")), "unit_without_data").path("severity").asText()).isEqualTo("error");
    }

    @Test
    void aCprShapedUnitIsShownMasked(@TempDir Path tmp) throws Exception {
        Path data = TinyRuns.data(tmp.resolve("data"));
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC.replace("control: [B]", "control: [B, \"Team 010190-1234\"]"));
        int[] exit = new int[1];
        String validate = Capture.stdout(() -> exit[0] = Main.execute("validate", "--pilots", pilots.toString(), "--data", data.toString()));
        assertThat(validate).contains("control unit 'Team ######-####' has no rows").doesNotContain("010190-1234");
    }
}

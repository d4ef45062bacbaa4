package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.testing.Capture;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TestSpark;
import dk.gevinst.testing.TinyRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nights a manager must not be misled by: stale data and a spec typo keep the last good decision, marked
 * as not re-evaluated tonight, and the run's exit code tells the scheduler. Every output (JSON, table,
 * portfolio CSV, manifest) says the same.
 */
class NightHealthTest {
    private static final String OTHER_SPEC = TinyRuns.GOOD_SPEC.replace("id: small", "id: other").replace("Lille pilot", "Anden pilot");

    private static List<Row> decisionRows(Path out, String asOf) {
        return TestSpark.session().read().parquet(out.resolve("tables/decisions").toString())
            .filter("as_of = '" + asOf + "'").orderBy("pilot_id").collectAsList();
    }

    private static JsonNode manifestOf(Path out) throws Exception {
        return SampleRun.lastManifest(out);
    }

    @Test
    void aFileRemovedFromTheDataRootIsSaidOnTheNightItsRowsGo(@TempDir Path tmp) throws Exception {
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC);
        Path data = TinyRuns.data(tmp.resolve("data"));
        String late = "case_id,unit,opened_at,decided_at,handling_minutes\nx1,A,2026-03-20,2026-03-20T15:00,90\nx2,B,2026-03-20,2026-03-20T15:00,20\n";
        TempDirs.write(data, "cases/late.csv", late);
        // Another pilot on teams C and D, whose rows are in a file of their own: the removed file held none of them.
        TempDirs.write(data, "cases/other.csv", Files.readString(data.resolve("cases/cases.csv")).replace(",A,", ",C,").replace(",B,", ",D,")
            .replace("\nc", "\nd"));
        TempDirs.write(pilots, "other.yaml", TinyRuns.GOOD_SPEC.replace("id: small", "id: other").replace("{pilot: [A], control: [B]}",
            "{pilot: [C], control: [D]}"));
        Path out = tmp.resolve("out");
        assertThat(TinyRuns.run(pilots, data, out, "2026-03-29")).isZero();
        assertThat(SampleRun.json(out.resolve("decisions/small.json")).path("health").findValuesAsText("code")).doesNotContain("files_withdrawn");

        Files.delete(data.resolve("cases/late.csv"));
        assertThat(TinyRuns.run(pilots, data, out, "2026-03-30")).as("a warning, not a failure").isZero();
        JsonNode flag = SampleRun.healthFlag(SampleRun.json(out.resolve("decisions/small.json")), "files_withdrawn");
        assertThat(flag.path("severity").asText()).isEqualTo("warning");
        assertThat(flag.path("text_da").asText()).startsWith("En fil blev fjernet fra datamappen i nat (cases/late.csv), og dens rækker indgår ikke længere")
            .contains("læg filen tilbage");
        assertThat(flag.path("text_en").asText()).startsWith("A file was removed from the data root tonight (cases/late.csv)").contains("put the file back");
        assertThat(flag.path("files").get(0).path("message").asText()).contains("its 2 accepted rows were dropped");
        assertThat(Files.readString(out.resolve("dashboard/small.html"))).as("the pilot's page says it")
            .contains("En fil blev fjernet fra datamappen i nat (cases/late.csv)");
        assertThat(SampleRun.json(out.resolve("decisions/other.json")).path("health").findValuesAsText("code")).as("its rows named only A and B")
            .doesNotContain("files_withdrawn");

        // Put back, the file is read again and the flag goes: it belongs to the night the rows went.
        TempDirs.write(data, "cases/late.csv", late);
        assertThat(TinyRuns.run(pilots, data, out, "2026-03-31")).isZero();
        assertThat(SampleRun.json(out.resolve("decisions/small.json")).path("health").findValuesAsText("code")).doesNotContain("files_withdrawn");
        assertThat(manifestOf(out).path("cases").path("files").has("cases/late.csv")).as("read again").isTrue();
    }

    /**
     * The control team's exports stopped on 20 March while the pilot team's came through the 28th: the pilot would be
     * compared on fresh days against old ones under 'newest data 28 March'. The control arm is stale on its own.
     */
    @Test
    void oneArmWhoseExportsStoppedIsStaleThoughTheOtherIsFresh(@TempDir Path tmp) throws Exception {
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC);
        Path data = TinyRuns.data(tmp.resolve("data"));
        dropCaseRows(data, "c\\d+,B,2026-03-2[1-8].*");
        Path out = tmp.resolve("out");
        Capture.stderr(() -> Capture.stdout(() -> assertThat(TinyRuns.run(pilots, data, out, "2026-03-31")).isEqualTo(5)));
        JsonNode doc = SampleRun.json(out.resolve("decisions/small.json"));
        assertThat(doc.path("data_through").asText()).as("the pilot team's newest").isEqualTo(TinyRuns.NEWEST);
        JsonNode flag = SampleRun.healthFlag(doc, "stale_data");
        assertThat(flag.path("sources")).singleElement().satisfies(source -> {
            assertThat(source.path("units").get(0).asText()).isEqualTo("B");
            assertThat(source.path("newest").asText()).isEqualTo("2026-03-20");
            assertThat(source.path("expected_from").asText()).isEqualTo("2026-03-26");
        });
        assertThat(flag.path("text_en").asText()).contains("cases from B – newest from 20\u00a0March\u00a02026, should reach at least 26\u00a0March\u00a02026");
        assertThat(flag.path("text_da").asText()).contains(" fra B – nyeste fra 20.\u00a0marts\u00a02026");
    }

    /**
     * Exports through the day before the start and none in a 14-day ramp-up (which has no cells by design): the night the
     * ramp-up ends is fresh, not stale (a stranger's exit 5 on that night).
     */
    @Test
    void theNightTheRampUpEndsIsNotStale(@TempDir Path tmp) throws Exception {
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC + "ramp_up_days: 14\n");
        Path data = TinyRuns.data(tmp.resolve("data"));
        dropCaseRows(data, "c\\d+,[AB],2026-03-16.*");
        TempDirs.write(data, "cases/eve.csv", "case_id,unit,opened_at,decided_at,handling_minutes\ne1,A,2026-03-01,2026-03-01T15:00,40\n"
            + "e2,B,2026-03-01,2026-03-01T15:00,35\n");
        Path out = tmp.resolve("out");
        Capture.stdout(() -> assertThat(TinyRuns.run(pilots, data, out, "2026-03-16")).isZero());
        assertThat(SampleRun.json(out.resolve("decisions/small.json")).path("health").findValuesAsText("code")).doesNotContain("stale_data");
    }

    /** The control team sends survey answers but its case export was never set up: its arm has no case at all, and is stale. */
    @Test
    void anArmWithoutAnyCaseWhileItsSurveysComeIsStale(@TempDir Path tmp) throws Exception {
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC);
        Path data = TinyRuns.data(tmp.resolve("data"));
        dropCaseRows(data, "c\\d+,B,.*");
        TempDirs.write(data, "survey_responses/s.csv", "response_id,respondent_id,unit,answered_at,instrument,item,score\n"
            + "r1,kw1,B,2026-03-20,core_task,1,4\n");
        Path out = tmp.resolve("out");
        Capture.stderr(() -> Capture.stdout(() -> assertThat(TinyRuns.run(pilots, data, out, "2026-03-31")).isEqualTo(5)));
        JsonNode doc = SampleRun.json(out.resolve("decisions/small.json"));
        assertThat(doc.path("health").findValuesAsText("code")).as("B is in the data, so not misspelt").doesNotContain("unit_without_data");
        JsonNode source = SampleRun.healthFlag(doc, "stale_data").path("sources").get(0);
        assertThat(source.path("units").get(0).asText()).isEqualTo("B");
        assertThat(source.path("newest").isNull()).isTrue();
        assertThat(doc.path("decision").isNull()).as("no decision on the pilot team alone").isTrue();
    }

    /** A business case whose costs were never delivered: a warning each night, in the digest too, until they are. */
    @Test
    void aBusinessCaseWithoutCostsIsAWarningUntilTheyArrive(@TempDir Path tmp) throws Exception {
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC + "business_case: {hourly_cost_dkk: 500, horizon_years: 3, annual_cases: 1000}\n");
        Path data = TinyRuns.data(tmp.resolve("data"));
        Path out = tmp.resolve("out");
        Capture.stdout(() -> assertThat(TinyRuns.run(pilots, data, out, "2026-03-31")).isZero());
        JsonNode flag = SampleRun.healthFlag(SampleRun.json(out.resolve("decisions/small.json")), "costs_unknown");
        assertThat(flag.path("severity").asText()).isEqualTo("warning");
        assertThat(flag.path("text_en").asText()).contains("costs/ has no rows with pilot_id 'small'", "cannot GO until they are known");
        assertThat(Files.readString(out.resolve("dashboard/digest.txt"))).contains("costs/ har ingen rækker med pilot_id 'small'");

        TempDirs.write(data, "costs/costs.csv", "pilot_id,option,category,kind,amount_dkk\nsmall,current,licens,yearly,100000\n");
        Capture.stdout(() -> assertThat(TinyRuns.run(pilots, data, out, "2026-04-01")).isZero());
        assertThat(SampleRun.json(out.resolve("decisions/small.json")).path("health").findValuesAsText("code")).doesNotContain("costs_unknown");
    }

    @Test
    void staleDataKeepsTheLastGoodDecisionMarkedAndExitsFive(@TempDir Path tmp) throws Exception {
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC);
        Path data = TinyRuns.data(tmp.resolve("data"));
        Path out = tmp.resolve("out");
        assertThat(TinyRuns.run(pilots, data, out, "2026-03-31")).isZero();
        JsonNode fresh = SampleRun.json(out.resolve("decisions/small.json"));
        assertThat(fresh.path("status").asText()).isEqualTo("ok");
        assertThat(fresh.path("data_through").asText()).as("the newest data, not as_of").isEqualTo(TinyRuns.NEWEST);
        assertThat(fresh.path("as_of").asText()).isEqualTo("2026-03-31");
        assertThat(fresh.path("evaluated_tonight").asBoolean()).isTrue();

        String[] stdout1 = new String[1];
        String stderr = Capture.stderr(() -> stdout1[0] = Capture.stdout(() -> assertThat(TinyRuns.run(pilots, data, out, "2026-04-30")).isEqualTo(5)));
        String stdout = stdout1[0];
        assertThat(stderr.lines().reduce((a, b) -> b).orElse("")).startsWith("gevinst: exit 5 (a pilot's data is stale): run 2026-04-30_")
            .contains("1 kept from an earlier night, 1 on stale data)");
        JsonNode stale = SampleRun.json(out.resolve("decisions/small.json"));
        assertThat(stale.path("status").asText()).isEqualTo("stale");
        assertThat(stale.path("stale_data").asBoolean()).isTrue();
        assertThat(stale.path("evaluated_tonight").asBoolean()).isFalse();
        assertThat(stale.path("decision").asText()).as("no decision changes on stale data").isEqualTo(fresh.path("decision").asText());
        assertThat(stale.path("indicators")).isEqualTo(fresh.path("indicators"));
        assertThat(stale.path("kept_from").path("as_of").asText()).isEqualTo("2026-03-31");
        assertThat(stale.path("as_of").asText()).isEqualTo("2026-04-30");
        assertThat(stale.path("data_through").asText()).isEqualTo(TinyRuns.NEWEST);
        JsonNode flag = SampleRun.healthFlag(stale, "stale_data");
        assertThat(flag.path("severity").asText()).isEqualTo("error");
        assertThat(flag.path("text_en").asText()).contains("stale as of 30\u00a0April\u00a02026").contains("cases – newest from 28\u00a0March\u00a02026");
        JsonNode kept = SampleRun.healthFlag(stale, "kept_decision");
        assertThat(kept.path("text_da").asText()).as("the banner says the decision is not tonight's").contains("fra 31.\u00a0marts\u00a02026").contains("ikke evalueret");
        assertThat(kept.path("text_en").asText()).contains("from 31\u00a0March\u00a02026").contains("not re-evaluated tonight");
        JsonNode source = flag.path("sources").get(0);
        assertThat(source.path("source").asText()).isEqualTo("cases");
        assertThat(source.path("newest").asText()).isEqualTo(TinyRuns.NEWEST);
        assertThat(source.path("expected_from").asText()).isEqualTo("2026-04-25");
        assertThat(source.path("max_age_days").asInt()).isEqualTo(5);
        JsonNode why = stale.path("reasons").get(0);
        assertThat(why.path("code").asText()).isEqualTo("stale_data");
        assertThat(why.path("da").asText()).contains("forældede").contains("31.\u00a0marts\u00a02026");
        assertThat(why.path("en").asText()).contains("stale").contains("The decision of 31\u00a0March\u00a02026 stands");
        assertThat(stale.path("reasons").get(1)).isEqualTo(fresh.path("reasons").get(0));
        assertThat(stale.path("history")).extracting(h -> h.path("reason").asText()).containsExactly(fresh.path("reasons").get(0).path("code").asText(), "stale_data");

        Row row = decisionRows(out, "2026-04-30").get(0);
        assertThat(row.<String>getAs("status")).isEqualTo("stale");
        assertThat(row.<String>getAs("decision")).isEqualTo(fresh.path("decision").asText());
        assertThat(row.<String>getAs("reason_code")).isEqualTo("stale_data");
        assertThat(TestSpark.session().read().parquet(out.resolve("tables/cell_stats").toString()).filter("as_of = '2026-04-30'").count())
            .as("no numbers are published for a decision not made tonight").isZero();
        JsonNode manifest = manifestOf(out);
        assertThat(manifest.path("exit_code").asInt()).isEqualTo(5);
        assertThat(manifest.path("pilots").path("small").path("stale_data").asBoolean()).isTrue();
        assertThat(stdout).as("the report in the run's language, Danish by default").contains("exit 5 (stale_data)")
            .containsPattern("small +\\[beholdt fra 2026-03-31\\] \\[forældede data\\]");
        assertThat(Files.readString(out.resolve("dashboard/small.html"))).as("the page banner says so")
            .contains("data-code=\"stale_data\"", "data-code=\"kept_decision\"", "Beslutningen er fra 31.\u00a0marts\u00a02026 og blev ikke evalueret igen i nat");
        String explained = Capture.stdout(() -> assertThat(dk.gevinst.cli.Main.execute("explain", "small", "--out", out.toString(), "--locale", "en")).isZero());
        assertThat(explained).contains("The decision is from 2026-03-31; it was not re-evaluated tonight.")
            .contains("No rule step was applied: The data is stale as of 30\u00a0April\u00a02026")
            .contains("Error: The data is stale as of 30\u00a0April\u00a02026", "Warning: This decision is from 31\u00a0March\u00a02026");

        Path first = tmp.resolve("first-night-stale");
        assertThat(TinyRuns.run(pilots, data, first, "2026-04-30")).isEqualTo(5);
        JsonNode none = SampleRun.json(first.resolve("decisions/small.json"));
        assertThat(none.path("status").asText()).isEqualTo("stale");
        assertThat(none.path("decision").isNull()).as("no earlier decision: none is made on stale data").isTrue();
        assertThat(none.path("title").asText()).isEqualTo("Lille pilot");
        assertThat(none.path("reasons").get(0).path("en").asText()).contains("No decision is made until the data is updated");
        assertThat(none.path("health")).extracting(f -> f.path("code").asText()).as("nothing kept, nothing to say so").containsExactly("stale_data");
    }

    @Test
    void aSpecTypoOrASecondFileForOnePilotKeepsTheLastGoodDecisionInEveryOutput(@TempDir Path tmp) throws Exception {
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC);
        TempDirs.write(pilots, "other.yaml", OTHER_SPEC);
        Path data = TinyRuns.data(tmp.resolve("data"));
        Path out = tmp.resolve("out");
        assertThat(TinyRuns.run(pilots, data, out, "2026-03-30")).isZero();
        JsonNode good = SampleRun.json(out.resolve("decisions/small.json"));

        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC.replace("min_cases: 5", "min_case: 5"));
        assertThat(TinyRuns.run(pilots, data, out, "2026-03-31")).isEqualTo(2);
        JsonNode typo = SampleRun.json(out.resolve("decisions/small.json"));
        assertThat(typo.path("status").asText()).isEqualTo("error");
        assertThat(typo.path("evaluated_tonight").asBoolean()).isFalse();
        assertThat(typo.path("decision").asText()).isEqualTo(good.path("decision").asText());
        assertThat(typo.path("title").asText()).as("the title is kept").isEqualTo("Lille pilot");
        assertThat(typo.path("business_case").isNull()).isTrue();
        assertThat(typo.path("indicators")).as("the evidence behind the kept decision, not an empty page").isEqualTo(good.path("indicators"));
        assertThat(typo.path("kept_from").path("as_of").asText()).isEqualTo("2026-03-30");
        JsonNode why = typo.path("reasons").get(0);
        assertThat(why.path("code").asText()).isEqualTo("invalid_spec");
        assertThat(why.path("da").asText()).contains("small.yaml:9:").contains("min_case").contains("Beslutningen fra 30.\u00a0marts\u00a02026 gælder fortsat");
        assertThat(why.path("en").asText()).contains("small.yaml:9:").contains("The decision of 30\u00a0March\u00a02026 stands");
        assertThat(typo.path("error").asText()).startsWith("small.yaml:9:");
        assertThat(typo.toString()).as("no server path in the document").doesNotContain(tmp.toString());
        // The kept decision keeps the flags about its own evidence: it rests on one pilot team.
        assertThat(typo.path("health")).extracting(f -> f.path("code").asText()).containsExactly("kept_decision", "one_team");
        assertThat(SampleRun.healthFlag(typo, "kept_decision").path("text_en").asText()).contains("the pilot spec has errors");
        assertThat(SampleRun.json(out.resolve("decisions/other.json")).path("status").asText()).isEqualTo("ok");

        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC);
        TempDirs.write(pilots, "small.yml", TinyRuns.GOOD_SPEC.replace("title:", "colour: red\ntitle:"));
        assertThat(TinyRuns.run(pilots, data, out, "2026-04-01")).isEqualTo(2);
        JsonNode twice = SampleRun.json(out.resolve("decisions/small.json"));
        assertThat(twice.path("status").asText()).isEqualTo("error");
        assertThat(twice.path("error").asText()).contains("small.yaml:1:1: pilot id 'small' is also declared by small.yml")
            .contains("small.yml:1:1: pilot id 'small' is also declared by small.yaml").contains("small.yml:2:1: unknown key 'colour'");
        assertThat(twice.path("kept_from").path("as_of").asText()).as("still the last good night").isEqualTo("2026-03-30");
        String decision = twice.path("decision").asText();
        assertThat(decision).isEqualTo(good.path("decision").asText());
        List<Row> rows = decisionRows(out, "2026-04-01");
        assertThat(rows).extracting(r -> r.<String>getAs("pilot_id")).containsExactly("other", "small");
        assertThat(rows.get(1).<String>getAs("status")).isEqualTo("error");
        assertThat(rows.get(1).<String>getAs("decision")).isEqualTo(decision);
        String csv = Files.readString(out.resolve("dashboard/decisions.csv"));
        String word = new dk.gevinst.dashboard.Texts(dk.gevinst.text.Language.DA).get("decision." + decision);
        assertThat(csv.lines().filter(l -> l.contains(";small;"))).singleElement().asString().contains(";" + word + ";");
        assertThat(manifestOf(out).path("pilots").path("small").path("decision").asText()).isEqualTo(decision);
    }

    /** The tiny data's case rows without the lines matching {@code regex}: a team's export that stopped, or never came. */
    private static void dropCaseRows(Path data, String regex) throws java.io.IOException {
        Path file = data.resolve("cases/cases.csv");
        Files.writeString(file, Files.readString(file).lines().filter(l -> !l.matches(regex)).map(l -> l + "\n")
            .collect(java.util.stream.Collectors.joining()));
    }
}

package dk.gevinst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.e2e.SampleRun;
import dk.gevinst.testing.Capture;
import dk.gevinst.testing.Repo;
import dk.gevinst.testing.TempDirs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `gevinst explain` tells from the published outputs alone why each sample pilot's decision is what it is. */
class ExplainCommandTest {
    /** The sample's stories (SampleStoriesTest): which step of the rule decides each pilot. */
    private static final Map<String, Integer> DECIDING_STEP = Map.of("sagsoverblik", 3, "datalake", 2, "chatbot", 6);

    private static String explain(String... args) throws Exception {
        int[] exit = new int[1];
        String out = Capture.stdout(() -> exit[0] = Main.execute(args));
        assertThat(exit[0]).as(out).isZero();
        return out;
    }

    /** A stranger's spec without a business case was told 'no costs in the data for this pilot', and went looking for a costs export. */
    @Test
    void aSpecWithoutABusinessCaseIsSaidToHaveNoneNotToLackCosts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path pilots = tmp.resolve("pilots");
        dk.gevinst.testing.TempDirs.write(pilots, "small.yaml", dk.gevinst.testing.TinyRuns.GOOD_SPEC);
        java.nio.file.Path out = tmp.resolve("out");
        Capture.stderr(() -> Capture.stdout(() -> dk.gevinst.testing.TinyRuns.run(pilots, dk.gevinst.testing.TinyRuns.data(tmp.resolve("data")), out,
            dk.gevinst.testing.TinyRuns.NEWEST)));
        assertThat(explain("explain", "small", "--out", out.toString(), "--locale", "da")).contains("Specifikationen har ingen business case, så værdien er ikke vurderet.")
            .contains("Pilot 2026-03-02 til 2026-06-30; analyse: ").doesNotContain("omkostninger i data", "driftsform nuværende drift");
        assertThat(explain("explain", "small", "--out", out.toString(), "--locale", "en")).contains("The spec has no business case, so value was not assessed.");
    }

    @Test
    void everyRuleStepAndEveryReasonOfEachSamplePilotIsShownInDanishAndEnglish() throws Exception {
        String out = SampleRun.out().toString();
        for (String pilot : DECIDING_STEP.keySet()) {
            JsonNode doc = SampleRun.decision(pilot);
            for (String locale : List.of("da", "en")) {
                String text = explain("explain", pilot, "--out", out, "--locale", locale);
                String held = locale.equals("da") ? "OPFYLDT" : "HELD";
                String notHeld = locale.equals("da") ? "ikke opfyldt" : "did not hold";
                String notReached = locale.equals("da") ? "ikke nået" : "not reached";
                for (int step = 1; step <= 6; step++) {
                    int decided = DECIDING_STEP.get(pilot);
                    String expected = step < decided ? notHeld : step == decided ? held : notReached;
                    assertThat(stepLine(text, step)).as(pilot + " " + locale + " step " + step).contains("... " + expected);
                }
                for (JsonNode reason : doc.path("reasons")) assertThat(text).contains(reason.path(locale).asText());
                for (JsonNode indicator : doc.path("indicators")) {
                    assertThat(text).contains(indicator.path("label").path(locale).asText());
                }
                assertThat(text).contains(dk.gevinst.text.DeploymentOptions.name(doc.path("business_case").path("best_option").asText(),
                    dk.gevinst.text.Language.valueOf(locale.toUpperCase())));
                assertThat(text).contains(locale.equals("da") ? "Datakvalitet" : "Data health")
                    .contains(locale.equals("da") ? "Siden natten før" : "Since the previous night");
            }
        }
        assertThat(explain("explain", "sagsoverblik", "--out", out, "--locale", "en"))
            .contains("decision interval 98.75% −15.5 to −3.11\u00a0min").contains("verdict: better")
            .contains("guardrail margin: 0.47\u00a0days; verdict: holds")
            .contains("hosted by a vendor: one-off DKK\u00a0350,000, yearly DKK\u00a0120,000, NPV DKK\u00a02,133,766");
        assertThat(explain("explain", "sagsoverblik", "--out", out, "--locale", "da"))
            .contains("beslutningens interval 98,75\u00a0% −15,5 til −3,11\u00a0min.").contains("vurdering: bedre");
        // The chatbot's SUS spans its whole scale: "too few data" once, never an interval beside it (a stranger saw both).
        String chatbot = explain("explain", "chatbot", "--out", out, "--locale", "da");
        String sus = chatbot.substring(chatbot.indexOf("Brugervenlighed (SUS)"));
        sus = sus.substring(0, sus.indexOf("vurdering:") + 40);
        assertThat(SampleRun.decision("chatbot").path("indicators").findValues("too_few_data").stream().anyMatch(JsonNode::asBoolean)).isTrue();
        assertThat(sus).contains("for få data til et interval").doesNotContain("sikkerhedsinterval for ændringen");
    }

    /**
     * Issue 12: the analysis reads in the output language and compactly; no schema key, no weekly series,
     * no "other published fields" dump; the relative interval is the published one.
     */
    @Test
    void theAnalysisIsToldInWordsAndNoKnownFieldIsDumpedRaw() throws Exception {
        String out = SampleRun.out().toString();
        for (String pilot : DECIDING_STEP.keySet()) {
            JsonNode doc = SampleRun.decision(pilot);
            String text = explain("explain", pilot, "--out", out, "--locale", "da");
            assertThat(text).as(pilot).doesNotContain("weekly_gap", "inference", "pre_trend", "reads:", "analysis:", "relative_interval", "data_basis",
                "Andre publicerede felter", "{\"");
            assertThat(text.lines().mapToInt(String::length).max().orElse(0)).as(pilot + ": no line is a dumped series (a rule step with its evidence is about 400)").isLessThan(500);
            for (JsonNode ind : doc.path("indicators")) {
                JsonNode inf = ind.path("inference");
                if (inf.path("dof").isNumber()) assertThat(text).contains("ν = " + dk.gevinst.text.Language.DA.number(inf.path("dof").asDouble(), 1));
                if (inf.path("unit_level").path("units").isObject()) {
                    assertThat(text).contains("teams: " + inf.path("unit_level").path("units").path("pilot").asInt() + " pilot, "
                        + inf.path("unit_level").path("units").path("control").asInt() + " kontrol");
                }
                if (ind.path("pre_trend").path("estimate").isNumber()) assertThat(text).contains("før-start-test (falsk start " + ind.path("pre_trend").path("fake_start").asText());
                JsonNode rel = ind.path("relative_interval");
                boolean saysNothing = rel.path("too_few_data").asBoolean() || ind.path("decision_interval").path("too_few_data").asBoolean();
                if ("relative".equals(ind.path("reads").asText()) && rel.path("ci_low").isNumber() && !saysNothing) {
                    assertThat(text).contains("sikkerhedsinterval for ændringen " + dk.gevinst.text.Language.DA.range(
                        dk.gevinst.text.Language.DA.number(rel.path("ci_low").asDouble() * 100, 0), dk.gevinst.text.Language.DA.percent(rel.path("ci_high").asDouble(), 0)));
                }
            }
            assertThat(text).contains("Data til og med " + doc.path("data_through").asText());
        }
    }

    /** A comparison is told by its own rule: which step picked the leading candidate, then the gate that turns leading into buying. */
    @Test
    void aComparisonShowsTheComparisonRuleAndWhichStepDecided() throws Exception {
        String out = SampleRun.out().toString();
        JsonNode c = SampleRun.decision("sagssystem").path("comparison");
        assertThat(c.path("decided_by").asText()).isEqualTo("npv");
        String en = explain("explain", "sagssystem", "--out", out, "--locale", "en");
        assertThat(stepLine(en, 1)).contains("drop out").contains("... did not hold").contains("none dropped out");
        assertThat(stepLine(en, 2)).startsWith("2. Core task").contains("... did not hold").contains("Sagslet − Jobflow Handling time: not yet conclusive");
        assertThat(stepLine(en, 3)).startsWith("3. Employees' preference").contains("... did not hold").contains("Jobflow 93% (64% to 99%)");
        assertThat(stepLine(en, 4)).startsWith("4. Net present value").contains("... HELD, this decided").contains("Sagslet NPV DKK\u00a01,071,991");
        assertThat(stepLine(en, 5)).startsWith("5. Nothing separates them").contains("... not reached");
        assertThat(stepLine(en, 6)).isEqualTo("(no line for step 6)");
        assertThat(en).as("not the single pilot's steps").doesNotContain("A guardrail is breached: STOP")
            .contains("GO only if Sagslet's own evidence against the control units passes the pilot rule; alone it would be GO, so the comparison is GO");
        String da = explain("explain", "sagssystem", "--out", out, "--locale", "da");
        assertThat(stepLine(da, 3)).startsWith("3. Medarbejdernes præference").contains("... ikke opfyldt");
        assertThat(stepLine(da, 4)).startsWith("4. Nutidsværdi").contains("... OPFYLDT");
        assertThat(stepLine(da, 2)).as("indicators by their Danish names").contains("Sagslet − Jobflow Sagsbehandlingstid: ");
        assertThat(da).doesNotContain("handling_time:", "processing_days:").contains("  Sagsbehandlingstid: ", "  Gennemløbstid: ");
        assertThat(da).as("a comparison has no deployment of its own").contains("Ejer: Jobcenter, Beskæftigelse. Afprøvning 2026-06-01 til 2027-01-29;")
            .doesNotContain("driftsform current", "Der er ingen publiceret business case");
        assertThat(explain("explain", "sagsoverblik", "--out", out, "--locale", "da")).as("a pilot's deployment in Danish, not its code")
            .contains(", driftsform hostet hos leverandør;").doesNotContain("driftsform hosted");
    }

    private static String stepLine(String text, int step) {
        return text.lines().map(String::strip).filter(l -> l.startsWith(step + ". ")).findFirst().orElse("(no line for step " + step + ")");
    }

    /**
     * A replay of an earlier night (a backfill of a missed night, an audit) answers as known then, beside the published
     * night, and never in its place: a stranger's backfill had rolled the managers' dashboard and digest back to the
     * replayed night until the next run. The replayed night enters the tables, so the next night's history and
     * explain's comparison of two nights read it.
     */
    @Test
    void aReplayedEarlierNightStaysBesideThePublishedOneAndTheTablesCompareIt(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        TempDirs.copyTree(SampleRun.out(), out);
        Path repo = Repo.root();
        String indexBefore = java.nio.file.Files.readString(out.resolve("dashboard/index.html"));
        // Today's specs differ from those the published night ran with: a title and a guardrail's margin edited since.
        Path pilots = tmp.resolve("pilots");
        TempDirs.copyTree(repo.resolve("jobs/pilots"), pilots);
        Path datalake = pilots.resolve("datalake.yaml");
        String spec = java.nio.file.Files.readString(datalake);
        assertThat(spec).contains("title: \"Datasø i skyen for Jobcenter\"", "appeal_overturn_rate: {role: guardrail, margin: 0.025}");
        java.nio.file.Files.writeString(datalake, spec.replace("title: \"Datasø i skyen for Jobcenter\"", "title: \"Datasø, ny titel\"")
            .replace("margin: 0.025}", "margin: 0.02}"));
        String[] run = {"run", "--pilots", pilots.toString(), "--data", repo.resolve("data-samples").toString(),
            "--out", out.toString(), "--demo-key", "--quiet", "--as-of"};
        assertThat(Main.execute(with(run, "2026-08-31"))).isZero();
        JsonNode published = SampleRun.json(out.resolve("decisions/datalake.json"));
        assertThat(published.path("as_of").asText()).as("what managers read did not move back").isEqualTo(SampleRun.AS_OF);
        assertThat(published.path("decision").asText()).isEqualTo("STOP");
        assertThat(java.nio.file.Files.readString(out.resolve("dashboard/index.html"))).isEqualTo(indexBefore);
        JsonNode august = SampleRun.json(out.resolve("current/replayed/2026-08-31/decisions/datalake.json"));
        assertThat(august.path("as_of").asText()).isEqualTo("2026-08-31");
        assertThat(august.path("decision").asText()).isEqualTo("EXTEND");
        assertThat(august.path("title").asText()).as("a replay is decided by the specs kept for its time").isEqualTo("Datasø i skyen for Jobcenter");
        assertThat(august.path("health").findValuesAsText("code")).doesNotContain("spec_changed");
        assertThat(out.resolve("current/replayed/2026-08-31/dashboard/datalake.html")).isRegularFile();
        // A mailed digest names where its dashboard opens (a stranger's ended "Dashboardet: index.html"), the replay's its own.
        assertThat(java.nio.file.Files.readString(out.resolve("current/replayed/2026-08-31/dashboard/digest.txt")).strip())
            .endsWith("Dashboardet: file:" + out.resolve("current/replayed/2026-08-31/dashboard/index.html"));
        assertThat(explain("explain", "datalake", "--out", out.toString(), "--locale", "en")).contains("STOP as of " + SampleRun.AS_OF);
        assertThat(explain("explain", "datalake", "--out", out.toString(), "--as-of", "2026-08-31", "--locale", "en"))
            .contains("EXTEND as of 2026-08-31").contains("From the published tables");

        // The next night: the replay stays where it was, and the night before it, in the tables, is compared with it.
        String nextDay = java.time.LocalDate.parse(SampleRun.AS_OF).plusDays(1).toString();
        assertThat(Main.execute(with(run, nextDay))).isZero();
        assertThat(out.resolve("current/replayed/2026-08-31/decisions/datalake.json")).isRegularFile();
        assertThat(java.nio.file.Files.readString(out.resolve("dashboard/digest.txt")).strip())
            .endsWith("Dashboardet: file:" + out.resolve("dashboard/index.html"));
        assertThat(java.nio.file.Files.readString(out.resolve("dashboard/digest.en.md")).strip())
            .endsWith("The dashboard: [file:" + out.resolve("dashboard/index.html") + "](file:" + out.resolve("dashboard/index.html") + ")");
        JsonNode next = SampleRun.json(out.resolve("decisions/datalake.json"));
        assertThat(next.path("title").asText()).as("a forward night runs today's specs").isEqualTo("Datasø, ny titel");
        JsonNode changed = null;
        for (JsonNode f : next.path("health")) if (f.path("code").asText().equals("spec_changed")) changed = f;
        assertThat(changed).as("the margin changed after the start is said; the title is not a change that matters").isNotNull();
        assertThat(changed.path("changes")).hasSize(1);
        assertThat(changed.path("changes").get(0).toString())
            .isEqualTo("{\"night\":\"" + nextDay + "\",\"key\":\"indicators.appeal_overturn_rate.margin\",\"before\":\"0.025\",\"after\":\"0.02\"}");
        assertThat(changed.path("text_da").asText()).contains("indicators.appeal_overturn_rate.margin: 0.025 → 0.02 (fra " + nextDay + ")");
        assertThat(out.resolve("_state/specs")).isDirectoryContaining(p -> p.getFileName().toString().equals(nextDay))
            .isDirectoryContaining(p -> p.getFileName().toString().equals(SampleRun.AS_OF));
        assertThat(SampleRun.json(out.resolve("decisions/datalake.json")).path("history").findValuesAsText("as_of"))
            .as("the replayed night is in the history").contains("2026-08-31", SampleRun.AS_OF, nextDay);
        String november = explain("explain", "datalake", "--out", out.toString(), "--as-of", SampleRun.AS_OF, "--locale", "en");
        JsonNode stop = SampleRun.decision("datalake");
        assertThat(november).contains("STOP as of " + SampleRun.AS_OF)
            .contains("From the published tables").contains("kept only for the latest night, " + nextDay)
            .contains(stop.path("reasons").get(0).path("en").asText())
            .contains("Previous night 2026-08-31: EXTEND (not decided yet; more data needed). Changed tonight to STOP (no measurable gain for the core task).")
            .contains("Processing time: not yet conclusive → no effect that matters (changed); interval ");
        assertThat(stepLine(november, 2)).contains("HELD");
        assertThat(november).doesNotContain("Business case");
        // The interval the night decided on, as the latest night shows it; not the table's columns as raw numbers.
        assertThat(november).doesNotContain("decision_ci_low", "decision_alpha", "decision_relative_ci_low")
            .contains("    decision interval ").doesNotContain("always-valid (sequential) interval");

        String danish = explain("explain", "datalake", "--out", out.toString(), "--as-of", SampleRun.AS_OF, "--locale", "da");
        assertThat(danish).contains("STOP pr. " + SampleRun.AS_OF).contains(stop.path("reasons").get(0).path("da").asText())
            .contains("Ændret i nat til STOP (ingen målbar gevinst for kerneopgaven)").doesNotContain("futile", "more_data_needed");
    }

    private static String[] with(String[] args, String last) {
        String[] out = java.util.Arrays.copyOf(args, args.length + 1);
        out[args.length] = last;
        return out;
    }

    @Test
    void aNightThatReadNothingAndKeptTheDecisionDoesNotSayTheDecisionMoved(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        TempDirs.copyTree(SampleRun.out(), out);
        Path repo = Repo.root();
        // The next night without new exports: every file is known, so the run reads no row, and the datalake's final
        // analysis (frozen after its planned end) keeps its decision.
        String nextDay = java.time.LocalDate.parse(SampleRun.AS_OF).plusDays(1).toString();
        assertThat(Main.execute("run", "--pilots", repo.resolve("jobs/pilots").toString(), "--data", repo.resolve("data-samples").toString(),
            "--out", out.toString(), "--as-of", nextDay, "--demo-key", "--quiet")).isZero();
        String english = explain("explain", "datalake", "--out", out.toString(), "--locale", "en");
        assertThat(english).contains("Unchanged tonight.").contains("read no new rows.").doesNotContain("without new data");
        // The final analysis names the night it was frozen on, the sample's, not the night that published it again.
        assertThat(SampleRun.decision("datalake").path("indicators").findValuesAsText("frozen_on")).as("the sample's night freezes it")
            .isNotEmpty().containsOnly(SampleRun.AS_OF);
        assertThat(SampleRun.json(out.resolve("decisions/datalake.json")).path("indicators").findValuesAsText("frozen_on")).containsOnly(SampleRun.AS_OF)
            .hasSameSizeAs(SampleRun.decision("datalake").path("indicators").findValuesAsText("frozen_on"));
        assertThat(english).contains("made and frozen on " + SampleRun.AS_OF + ": data that arrive later do not change it");
        String danish = explain("explain", "datalake", "--out", out.toString(), "--locale", "da");
        assertThat(danish).contains("Uændret i nat.").contains("læste ingen nye rækker.").doesNotContain("uden nye data");
    }

    @Test
    void aDecisionThatChangedWithoutNewRowsIsExplainedOnlyBetweenTwoDecisionsMadeOnTheirNights() {
        ObjectNode previous = SampleRun.decision("datalake").deepCopy();
        previous.put("decision", "EXTEND").put("as_of", "2026-11-26").put("status", "ok");
        ((ObjectNode) previous.path("reasons").get(0)).put("code", "more_data_needed");
        JsonNode manifest = new ObjectMapper().createObjectNode().put("run_id", "r2").set("cases", new ObjectMapper().createObjectNode().put("rows_read", 0));
        ObjectNode tonight = SampleRun.decision("datalake").deepCopy();
        tonight.put("status", "ok");
        assertThat(String.join("\n", explained(tonight, previous, manifest, dk.gevinst.text.Language.EN)))
            .contains("Changed tonight to STOP").contains("Run r2 read no new rows: the decision changed without new data");
        assertThat(String.join("\n", explained(tonight, previous, manifest, dk.gevinst.text.Language.DA)))
            .contains("Kørsel r2 læste ingen nye rækker: beslutningen ændrede sig uden nye data");
        // An earlier night read from the tables has no evaluated_tonight: its status says it was decided.
        ObjectNode fromTables = tonight.deepCopy();
        fromTables.remove("evaluated_tonight");
        assertThat(String.join("\n", explained(fromTables, previous, manifest, dk.gevinst.text.Language.EN))).contains("without new data");
        // Kept because the evaluation failed: its first reason says so, and no new data is not the explanation.
        ObjectNode kept = tonight.deepCopy();
        kept.put("status", "error");
        ((ObjectNode) kept.path("reasons").get(0)).put("code", "evaluation_failed");
        assertThat(String.join("\n", explained(kept, previous, manifest, dk.gevinst.text.Language.EN)))
            .contains("Changed tonight to STOP (the evaluation failed)").contains("Run r2 read no new rows.").doesNotContain("without new data");
        // Decided tonight after a night whose decision was kept: the change is the recovery, not the day.
        ObjectNode keptBefore = previous.deepCopy();
        keptBefore.put("status", "stale");
        assertThat(String.join("\n", explained(tonight, keptBefore, manifest, dk.gevinst.text.Language.EN)))
            .contains("Changed tonight to STOP").contains("Run r2 read no new rows.").doesNotContain("without new data");
    }

    @Test
    void theNightBeforeIsComparedOnWhatEachNightDecidedOnInWordsNotCodes() {
        ObjectNode tonight = SampleRun.decision("datalake").deepCopy();
        tonight.put("status", "ok");
        ObjectNode previous = tonight.deepCopy();
        previous.put("as_of", "2026-11-26");
        ((ObjectNode) previous.path("reasons").get(0)).put("code", "deadline_passed");
        // A frozen final analysis decides on its fixed interval while the sequential one goes on beside it: the comparison
        // must show the intervals the verdicts were read off (a stranger saw "holds; interval −4.75 to 0.83" under a
        // margin of 0.47, from the sequential intervals).
        interval(tonight, "decision_interval", -31.5, -22.5);
        interval(tonight, "sequential", -88.5, 55.5);
        interval(previous, "decision_interval", -21.5, -12.5);
        interval(previous, "sequential", -77.5, 66.5);
        JsonNode manifest = new ObjectMapper().createObjectNode().put("run_id", "r2");

        String english = String.join("\n", explained(tonight, previous, manifest, dk.gevinst.text.Language.EN));
        assertThat(english).contains("Previous night 2026-11-26: STOP (the decision date plus the extension passed without a clear result). "
                + "Still STOP tonight, with another main reason: no measurable gain for the core task.")
            .doesNotContain("Changed tonight", "deadline_passed", "(futile)");
        String change = english.lines().filter(l -> l.contains("→") && l.contains("; interval ")).findFirst().orElseThrow();
        assertThat(change).contains("21.5", "12.5", "31.5", "22.5").doesNotContain("77.5", "66.5", "88.5", "55.5");
        String danish = String.join("\n", explained(tonight, previous, manifest, dk.gevinst.text.Language.DA));
        assertThat(danish).contains("Stadig STOP i nat, med en anden hovedbegrundelse: ingen målbar gevinst for kerneopgaven.")
            .doesNotContain("Ændret i nat", "deadline_passed", "(futile)");
    }

    @Test
    void aFileWithdrawnTonightIsNamedInBothLanguages() {
        ObjectNode tonight = SampleRun.decision("datalake").deepCopy();
        ObjectNode manifest = new ObjectMapper().createObjectNode().put("run_id", "r3");
        manifest.putArray("removed_files").addObject().put("source", "cases").put("path", "cases/ydelse-2026-10.csv")
            .put("message", "removed from the data root; its 2300 rows were dropped from the state");
        assertThat(String.join("\n", explained(tonight, tonight, manifest, dk.gevinst.text.Language.EN)))
            .contains("Withdrawn tonight: cases/ydelse-2026-10.csv (cases) was removed from the data root");
        assertThat(String.join("\n", explained(tonight, tonight, manifest, dk.gevinst.text.Language.DA)))
            .contains("Trukket tilbage i nat: cases/ydelse-2026-10.csv (sager) blev fjernet fra datamappen");
        // Named once: where the pilot's own flag says it (under data health), the changes do not repeat it.
        ObjectNode flag = ((com.fasterxml.jackson.databind.node.ArrayNode) tonight.withArray("health")).addObject().put("code", "files_withdrawn")
            .put("severity", "warning").put("text_da", "En fil blev fjernet").put("text_en", "A file was removed from the data root tonight");
        flag.putArray("files").addObject().put("source", "cases").put("path", "cases/ydelse-2026-10.csv");
        String flagged = String.join("\n", explained(tonight, tonight, manifest, dk.gevinst.text.Language.EN));
        assertThat(flagged).contains("A file was removed from the data root tonight").doesNotContain("Withdrawn tonight");
        manifest.remove("removed_files");
        assertThat(String.join("\n", explained(tonight, tonight, manifest, dk.gevinst.text.Language.EN))).doesNotContain("Withdrawn");
    }

    /** Sets an interval of the first success indicator of a document. */
    private static void interval(ObjectNode doc, String kind, double low, double high) {
        for (JsonNode i : doc.path("indicators")) {
            if ("success".equals(i.path("role").asText())) {
                ((ObjectNode) i).putObject(kind).put("ci_low", low).put("ci_high", high).put("alpha", 0.1);
                return;
            }
        }
        throw new AssertionError("no success indicator");
    }

    @Test
    void aRejectedFileIsNamedByItsPathAndAnEarlierNightDoesNotClaimThereIsNoBusinessCase() {
        ObjectNode doc = SampleRun.decision("sagsoverblik").deepCopy();
        ((ObjectNode) doc.path("data_quality")).putArray("rejected_files").addObject().put("source", "cases").put("path", "cases/broken.csv")
            .put("message", "no header");
        String text = String.join("\n", explained(doc, null, null, dk.gevinst.text.Language.EN));
        assertThat(text).contains("Rejected file cases/broken.csv: no header").doesNotContain("{\"source\"");
        // An earlier night read from the tables has no business case field at all (only the latest document keeps it).
        ObjectNode fromTables = SampleRun.decision("sagsoverblik").deepCopy();
        fromTables.remove("business_case");
        String earlier = String.join("\n", explained(fromTables, null, null, dk.gevinst.text.Language.EN));
        assertThat(stepLine(earlier, 3)).contains("only the latest night's document holds it").doesNotContain("no business case in the spec");
        assertThat(stepLine(String.join("\n", explained(doc, null, null, dk.gevinst.text.Language.EN)), 3)).contains("NPV").doesNotContain("only the latest night's document holds it");
    }

    private static List<String> explained(JsonNode doc, JsonNode previous, JsonNode manifest, dk.gevinst.text.Language language) {
        return dk.gevinst.cli.explain.Explanation.lines(new dk.gevinst.cli.explain.PublishedNight(doc, true, null,
            java.time.LocalDate.parse(doc.path("as_of").asText()), previous, manifest), language);
    }

    @Test
    void aSpecWithoutAnOwnerGetsNoEmptyOwnerLine(@TempDir Path tmp) throws Exception {
        ObjectNode doc = (ObjectNode) new ObjectMapper().readTree(SampleRun.out().resolve("decisions/sagsoverblik.json").toFile());
        doc.put("owner", "");
        TempDirs.write(tmp, "out/decisions/sagsoverblik.json", doc.toString());
        String da = explain("explain", "sagsoverblik", "--out", tmp.resolve("out").toString(), "--locale", "da");
        String en = explain("explain", "sagsoverblik", "--out", tmp.resolve("out").toString(), "--locale", "en");
        assertThat(da).doesNotContain("Ejer:").contains("Pilot " + doc.path("start").asText() + " til ");
        assertThat(en).doesNotContain("Owner:").contains("Pilot " + doc.path("start").asText() + " to ");
        assertThat(explain("explain", "sagsoverblik", "--out", SampleRun.out().toString(), "--locale", "en"))
            .contains("Owner: " + SampleRun.decision("sagsoverblik").path("owner").asText() + ". Pilot ");
    }

    @Test
    void aBusinessCaseWithoutCostsSaysSo(@TempDir Path tmp) throws Exception {
        ObjectNode doc = (ObjectNode) new ObjectMapper().readTree(SampleRun.out().resolve("decisions/sagsoverblik.json").toFile());
        ((ObjectNode) doc.path("business_case")).put("costs_known", false);
        TempDirs.write(tmp, "out/decisions/sagsoverblik.json", doc.toString());
        assertThat(explain("explain", "sagsoverblik", "--out", tmp.resolve("out").toString(), "--locale", "en"))
            .contains("The costs are unknown: costs/ has no rows for this pilot, so every deployment option counts as 0 kr.");
        assertThat(explain("explain", "sagsoverblik", "--out", SampleRun.out().toString(), "--locale", "en")).doesNotContain("The costs are unknown");
    }

    @Test
    void fieldsANewerDocumentAddsArePrintedAsTheyAre(@TempDir Path tmp) throws Exception {
        ObjectNode doc = (ObjectNode) new ObjectMapper().readTree(SampleRun.out().resolve("decisions/sagsoverblik.json").toFile());
        ((ObjectNode) doc.path("indicators").get(0)).putObject("future_analysis")
            .put("method", "placebo_permutation").put("p_value", 0.031).put("units", 3);
        ((ObjectNode) doc.path("data_quality")).putArray("health_flags").add("one_team");
        doc.putObject("pre_trend").put("verdict", "parallel");
        TempDirs.write(tmp, "out/decisions/sagsoverblik.json", doc.toString());

        String text = explain("explain", "sagsoverblik", "--out", tmp.resolve("out").toString(), "--locale", "en");
        assertThat(text).contains("    future_analysis:", "      method: placebo_permutation", "      p_value: 0.031", "      units: 3")
            .contains("  health_flags: [\"one_team\"]")
            .contains("Other published fields", "  pre_trend:", "    verdict: parallel")
            .contains("No run manifest for 2026-11-27 in runs/.");
    }

    @Test
    void anUnknownPilotOrNightNamesWhatIsPublished(@TempDir Path tmp) throws Exception {
        String out = SampleRun.out().toString();
        int[] exit = new int[1];
        String pilot = Capture.stderr(() -> exit[0] = Main.execute("explain", "sagsoverblk", "--out", out));
        assertThat(exit[0]).isEqualTo(2);
        assertThat(pilot).contains("no published decision for pilot 'sagsoverblk'", "published pilots: chatbot, datalake, sagsoverblik")
            .doesNotContain("\tat ");
        String night = Capture.stderr(() -> exit[0] = Main.execute("explain", "chatbot", "--out", out, "--as-of", "2026-11-20"));
        assertThat(exit[0]).isEqualTo(2);
        assertThat(night).contains("no published night 2026-11-20", "published nights: 2026-11-27 to 2026-11-27 (1 in all)");
        String none = Capture.stderr(() -> exit[0] = Main.execute("explain", "chatbot", "--out", tmp.toString()));
        assertThat(exit[0]).isEqualTo(2);
        assertThat(none).contains("no published decisions in", "run 'gevinst run' first");
    }
}

package dk.gevinst.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.e2e.SampleNights;
import dk.gevinst.publish.Json;
import dk.gevinst.text.Language;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "How sure are we?" on the pilot page and the one-team marker on the portfolio (issue 8 point 6), read
 * from the generated HTML and its chart data: every number is the published one, on the page's scale.
 */
class CertaintyPagesTest {
    private static final Texts DA = new Texts(Language.DA), EN = new Texts(Language.EN);

    private static JsonNode decision(DashboardFixture f, String pilot) throws Exception {
        return Json.MAPPER.readTree(f.root().resolve("decisions/" + pilot + ".json").toFile());
    }

    private static String section(String page) {
        int from = page.indexOf("<section class=\"certainty\">");
        assertThat(from).as("the page has a 'How sure are we?' section").isPositive();
        return page.substring(from, page.indexOf("</section>", from));
    }

    @Test
    void eachSuccessIndicatorSaysWhichUncertaintyDecidedWithTheNumbersForAnalysts(@TempDir Path tmp) throws Exception {
        DashboardFixture f = DashboardFixture.copyOf(SampleNights.out(), tmp).render(Language.DA);
        JsonNode doc = decision(f, "sagsoverblik");
        String section = section(f.read("sagsoverblik.html"));
        assertThat(section).contains("<h2>Hvor sikre er vi?</h2>", "data-indicator=\"handling_time\"", "data-indicator=\"first_time_right\"")
            .as("guardrails and descriptive indicators are not in it").doesNotContain("data-indicator=\"processing_days\"", "data-indicator=\"sus\"");
        JsonNode inf = InferenceFixture.indicator(doc, "handling_time").path("inference");
        assertThat(inf.path("decided_by").asText()).as("the sample's teams drift: the team level decides").isEqualTo("unit");
        assertThat(section).contains(DA.get("certainty.decided.weekly"))
            .contains("ν\u00a0=\u00a0" + DA.number(inf.path("dof").asDouble(), 1))
            .contains("N_eff\u00a0=\u00a0" + DA.count(Math.round(inf.path("n_eff").asDouble())) + " af " + DA.count(inf.path("n").asLong()) + "\u00a0sager")
            .contains("pilotteams: 1, kontrolteams: 3")
            .contains("hele uger før/efter start: " + inf.path("unit_level").path("complete_weeks").path("pre").asInt() + "/"
                + inf.path("unit_level").path("complete_weeks").path("post").asInt());
        JsonNode pre = InferenceFixture.indicator(doc, "handling_time").path("pre_trend");
        assertThat(section).contains("Før start viste der sig ingen skævhed mellem pilot og kontrol: en prøvestart " + DA.date(pre.path("fake_start").asText()))
            .contains("En skævhed inden for det interval ville ikke være blevet set")
            .contains(DA.range(DA.number(pre.path("ci_low").asDouble(), 1), DA.withUnit(DA.number(pre.path("ci_high").asDouble(), 1), "min")))
            .doesNotContain("pretrend-found");
        assertThat(section).as("no placebo without five control teams").doesNotContain("data-chart=\"placebo\"");
    }

    @Test
    void theGapChartDrawsThePublishedWeeksWithTheirNoiseBandAndMarksHiddenAndUnfinishedWeeks(@TempDir Path tmp) throws Exception {
        DashboardFixture f = DashboardFixture.copyOf(SampleNights.out(), tmp)
            .edit("sagsoverblik", d -> InferenceFixture.hideWeek(d, "handling_time", 2)).render(Language.DA);
        JsonNode doc = decision(f, "sagsoverblik");
        JsonNode certainty = DashboardPagesTest.chartData(f.read("sagsoverblik.html")).path("certainty");
        JsonNode published = InferenceFixture.indicator(doc, "handling_time").path("inference").path("weekly_gap");
        JsonNode drawn = certainty.path("gaps").path("handling_time");
        assertThat(drawn.path("weeks")).hasSize(published.size());
        assertThat(drawn.path("unit").asText()).isEqualTo("min");
        assertThat(drawn.path("start").asText()).isEqualTo(doc.path("start").asText());
        assertThat(drawn.path("rampEnd").asText()).isEqualTo(java.time.LocalDate.parse(doc.path("start").asText()).plusDays(doc.path("ramp_up_days").asInt()).toString());
        for (int i = 0; i < published.size(); i++) {
            JsonNode p = published.get(i), w = drawn.path("weeks").get(i);
            assertThat(w.path("week").asText()).isEqualTo(p.path("week").asText());
            assertThat(w.path("post").asBoolean()).isEqualTo(p.path("post").asBoolean());
            assertThat(w.path("complete").asBoolean()).isEqualTo(p.path("complete").asBoolean());
            if (i == 2) {
                assertThat(w.path("suppressed").asBoolean()).isTrue();
                assertThat(w.has("gap") || w.has("low") || w.has("high")).as("a hidden week carries no number").isFalse();
                continue;
            }
            double half = CertaintyCharts.BAND_Z * p.path("noise_se").asDouble();
            assertThat(w.path("gap").asDouble()).isEqualTo(p.path("gap").asDouble());
            assertThat(w.path("low").asDouble()).isCloseTo(p.path("gap").asDouble() - half, within(1e-12));
            assertThat(w.path("high").asDouble()).isCloseTo(p.path("gap").asDouble() + half, within(1e-12));
        }
        JsonNode share = certainty.path("gaps").path("first_time_right");
        JsonNode sharePublished = InferenceFixture.indicator(doc, "first_time_right").path("inference").path("weekly_gap");
        assertThat(share.path("unit").asText()).isEqualTo("procentpoint");
        assertThat(share.path("weeks").get(0).path("gap").asDouble()).as("a share's gap in percentage points")
            .isCloseTo(sharePublished.get(0).path("gap").asDouble() * 100, within(1e-9));
        assertThat(share.path("weeks").findValues("complete").stream().filter(c -> !c.asBoolean()).count()).as("tonight's unfinished week is marked")
            .isEqualTo(sharePublished.findValues("complete").stream().filter(c -> !c.asBoolean()).count()).isPositive();
        assertThat(certainty.path("labels").path("suppressed").asText()).isEqualTo("Skjult uge");
    }

    @Test
    void withManyControlTeamsThePilotStandsAmongThePlaceboTeamsAndItsRankIsSaidInWords(@TempDir Path tmp) throws Exception {
        DashboardFixture f = DashboardFixture.copyOf(SampleNights.out(), tmp)
            .edit("sagsoverblik", d -> InferenceFixture.placebo(d, "handling_time", 11, 1)).render(Language.DA);
        JsonNode doc = decision(f, "sagsoverblik");
        String page = f.read("sagsoverblik.html"), section = section(page);
        assertThat(section).contains("data-chart=\"placebo\" data-indicator=\"handling_time\"", DA.get("certainty.decided.placebo"))
            .contains("ligger pilotteamet som nr.\u00a02 af 12", "i 17\u00a0% af tilfældene", "kontrolteams: 11");
        JsonNode bars = DashboardPagesTest.chartData(page).path("certainty").path("placebo").path("handling_time");
        assertThat(bars.path("values")).hasSize(12);
        double previous = Double.NEGATIVE_INFINITY;
        int pilots = 0;
        for (int i = 0; i < 12; i++) {
            assertThat(bars.path("values").get(i).asDouble()).as("smallest first").isGreaterThanOrEqualTo(previous);
            previous = bars.path("values").get(i).asDouble();
            if (bars.path("pilot").get(i).asBoolean()) {
                pilots++;
                assertThat(previous).isEqualTo(InferenceFixture.indicator(doc, "handling_time").path("effect").asDouble());
                assertThat(bars.path("names").get(i).asText()).isEqualTo("Pilotteamet");
            }
        }
        assertThat(pilots).isOne();
        assertThat(bars.path("names").toString()).contains("Team A", "Team K");
        String en = DashboardFixture.copyOf(f.root(), tmp.resolve("en")).render(Language.EN).read("sagsoverblik.html");
        assertThat(section(en)).contains("<h2>How sure are we?</h2>", EN.get("certainty.decided.placebo"), "the pilot team is number\u00a02 of 12", "17% of the time");
    }

    @Test
    void theCasesDecideOrNoTeamLevelIsPossibleSaysSoInPlainWords(@TempDir Path tmp) throws Exception {
        DashboardFixture f = DashboardFixture.copyOf(SampleNights.out(), tmp).edit("sagsoverblik", d -> {
            ((ObjectNode) InferenceFixture.indicator(d, "handling_time").path("inference")).put("decided_by", "case");
            ObjectNode ftr = (ObjectNode) InferenceFixture.indicator(d, "first_time_right").path("inference");
            ftr.put("decided_by", "case").putObject("unit_level").put("method", "none").put("unavailable", "parallel_few_controls");
        }).render(Language.DA);
        String section = section(f.read("sagsoverblik.html"));
        String handling = section.substring(section.indexOf("data-indicator=\"handling_time\""), section.indexOf("data-indicator=\"first_time_right\""));
        assertThat(handling).contains(DA.get("certainty.decided.case"), "intervallet bygger på antallet af sager").doesNotContain(DA.get("certainty.decided.weekly"));
        assertThat(section.substring(section.indexOf("data-indicator=\"first_time_right\""))).contains(DA.get("certainty.decided.none.parallel_few_controls"));
    }

    @Test
    void withoutControlTeamsTheWeeklySeriesIsThePilotsOwnLevel(@TempDir Path tmp) throws Exception {
        DashboardFixture f = DashboardFixture.copyOf(SampleNights.out(), tmp)
            .edit("sagsoverblik", d -> InferenceFixture.indicator(d, "first_time_right").put("design", "prepost")).render(Language.DA);
        String page = f.read("sagsoverblik.html");
        assertThat(section(page)).contains("Pilotens niveau uge for uge (%)", "Forskel mellem pilot og kontrol uge for uge (min)");
        JsonNode gaps = DashboardPagesTest.chartData(page).path("certainty").path("gaps");
        assertThat(gaps.path("first_time_right").path("zero").asBoolean()).as("a level has no zero line to clear").isFalse();
        assertThat(gaps.path("first_time_right").path("unit").asText()).isEqualTo("%");
        assertThat(gaps.path("handling_time").path("zero").asBoolean()).isTrue();
    }

    @Test
    void aPreTrendIsShownAsAnErrorInTheBannerAndBesideItsIndicator(@TempDir Path tmp) throws Exception {
        DashboardFixture f = DashboardFixture.copyOf(SampleNights.out(), tmp).edit("chatbot", d -> InferenceFixture.preTrendFound(d, "handling_time"))
            .render(Language.DA);
        String page = f.read("chatbot.html");
        String banner = page.substring(page.indexOf("class=\"health-banner\""), page.indexOf("class=\"verdict\""));
        assertThat(banner.indexOf("data-code=\"pre_trend\"")).as("the error before the one-team warning").isPositive().isLessThan(banner.indexOf("data-code=\"one_team\""));
        assertThat(banner).contains("Fejl:", "bevægede sig fra hinanden allerede før start", "Advarsel:", "Bygger på ét team (Borgerservice Aulum): usikkerheden er regnet på teamniveau.");
        String oneTeam = banner.substring(banner.indexOf("data-code=\"one_team\""));
        assertThat(oneTeam.substring(oneTeam.indexOf("</strong>") + 9, oneTeam.indexOf("</li>")).strip()).as("one short line")
            .isEqualTo("Bygger på ét team (Borgerservice Aulum): usikkerheden er regnet på teamniveau.");
        assertThat(section(page)).contains("class=\"pretrend pretrend-found\"", "Pilot og kontrol bevægede sig fra hinanden allerede før start");
    }

    @Test
    void thePortfolioMarksEachOneTeamPilotAndCountsTheBannersFindings(@TempDir Path tmp) throws Exception {
        DashboardFixture f = DashboardFixture.copyOf(SampleNights.out(), tmp)
            .edit("chatbot", d -> InferenceFixture.preTrendFound(d, "handling_time"))
            .edit("sagsoverblik", d -> d.putArray("health")) // as if it ran in two teams
            .render(Language.DA);
        String index = f.read("index.html");
        for (String pilot : new String[] {"chatbot", "datalake"}) {
            String row = index.substring(index.indexOf("data-pilot=\"" + pilot + "\""));
            row = row.substring(0, row.indexOf("</tr>"));
            String team = decision(f, pilot).path("arms").path("pilot").get(0).asText();
            assertThat(row).as(pilot).contains("class=\"one-team\" title=\"Effekten hviler på ét pilotteam (" + team + ")\">ét team</span>");
        }
        String go = index.substring(index.indexOf("data-pilot=\"sagsoverblik\""));
        assertThat(go.substring(0, go.indexOf("</tr>"))).doesNotContain("one-team");
        String comparison = index.substring(index.indexOf("data-pilot=\"sagssystem\""));
        assertThat(comparison.substring(0, comparison.indexOf("</tr>"))).as("a comparison whose candidates each rest on one team")
            .contains("class=\"one-team\" title=\"Hver kandidat hviler på ét team (Jobcenter Nord, Jobcenter Centrum)\">ét team</span>");
        // Warnings: one_team on chatbot, datalake and sagssystem, and sagssystem's unknown_candidate (the sample's "sagslett" answer).
        assertThat(index).contains("<h2 id=\"health-title\">Datakvalitet kræver opmærksomhed: <span class=\"health-counts\">1\u00a0fejl · 4\u00a0advarsler</span></h2>",
            "<details class=\"health-warnings\">\n<summary>Advarsler</summary>");
        assertThat(index.split("4\u00a0advarsler", -1)).as("the count said once").hasSize(2);
        assertThat(index.indexOf("data-code=\"pre_trend\"")).as("the error open, before the folded warnings").isLessThan(index.indexOf("<details"));
        String en = DashboardFixture.copyOf(f.root(), tmp.resolve("en")).render(Language.EN).read("index.html");
        assertThat(en).contains("1\u00a0error · 4\u00a0warnings", ">one team</span>", "Each candidate rests on one team (Jobcenter Nord, Jobcenter Centrum)");
    }
}

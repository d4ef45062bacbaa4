package dk.gevinst.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.e2e.SampleNights;
import dk.gevinst.publish.Json;
import dk.gevinst.text.Language;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the pages say, read from the generated HTML of the sample's published decisions (three nights),
 * with the numbers taken from the same documents: the page must show them, not new ones.
 */
class DashboardPagesTest {
    private static final Pattern DATA = Pattern.compile("<script type=\"application/json\" id=\"gevinst-data\">(.*?)</script>", Pattern.DOTALL);
    private static final Locale DA = Locale.forLanguageTag("da-DK");

    private static DashboardFixture sample(Path tmp, Language language) {
        return DashboardFixture.copyOf(SampleNights.out(), tmp).render(language);
    }

    private static JsonNode indicator(JsonNode doc, String id) {
        for (JsonNode i : doc.path("indicators")) if (i.path("id").asText().equals(id)) return i;
        throw new AssertionError("no indicator " + id);
    }

    private static JsonNode decision(DashboardFixture f, String pilot) throws IOException {
        return Json.MAPPER.readTree(f.root().resolve("decisions/" + pilot + ".json").toFile());
    }

    /** The JSON the page's charts draw from, as the browser's JSON.parse reads it. */
    static JsonNode chartData(String html) throws IOException {
        Matcher m = DATA.matcher(html);
        assertThat(m.find()).as("the page embeds its chart data").isTrue();
        return Json.MAPPER.readTree(m.group(1));
    }

    private static String one(double v) {
        return String.format(DA, "%.1f", v);
    }

    @Test
    void beforeAndAfterStandInTheUnitPeopleKnowBesideTheRelativeChange(@TempDir Path tmp) throws Exception {
        DashboardFixture f = sample(tmp, Language.DA);
        JsonNode h = indicator(decision(f, "sagsoverblik"), "handling_time");
        double cf = h.path("counterfactual").asDouble(), effect = h.path("effect").asDouble();
        long relative = Math.round(Math.abs(effect / cf) * 100);
        String page = f.read("sagsoverblik.html");
        assertThat(page).contains(one(cf) + "\u00a0min → " + one(cf + effect) + "\u00a0min (\u2212" + relative + "\u00a0%)");
        assertThat(page).as("the sign said once in words").contains("faldt " + relative + "\u00a0% – bedre");
    }

    /**
     * Issue 10: the table, the chart panel and the reason print one interval per number. Every relative
     * interval on every sample page is the published relative_interval (and estimate), never the absolute
     * interval divided by the level, and the reason's interval is the same signed change.
     */
    @Test
    void everyRelativeIntervalOnEveryPageIsThePublishedOne(@TempDir Path tmp) throws Exception {
        DashboardFixture f = sample(tmp, Language.DA);
        int checked = 0, tooFew = 0;
        try (var files = java.nio.file.Files.list(f.root().resolve("decisions"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode doc = Json.MAPPER.readTree(file.toFile());
                String pilot = doc.path("pilot_id").asText();
                // A comparison's page has no indicator table: its cards are checked in ComparisonPageTest.
                if (doc.path("comparison").isObject()) continue;
                String page = f.read(pilot + ".html");
                JsonNode panels = chartData(page).path("panels");
                for (JsonNode ind : doc.path("indicators")) {
                    JsonNode rel = ind.path("relative_interval");
                    if (!"relative".equals(ind.path("reads").asText()) || "guardrail".equals(ind.path("role").asText()) || !rel.path("ci_low").isNumber()) continue;
                    double lo = rel.path("ci_low").asDouble() * 100, hi = rel.path("ci_high").asDouble() * 100;
                    int d = Math.max(Math.abs(lo), Math.abs(hi)) >= 10 ? 0 : 1;
                    String shown = Language.DA.number(lo, d) + " til " + Language.DA.number(hi, d) + "\u00a0%";
                    JsonNode panel = null;
                    for (JsonNode p : panels) if (p.path("label").asText().equals(ind.path("label").path("da").asText())) panel = p;
                    if (ind.path("decision_interval").path("too_few_data").asBoolean()) {
                        // An interval that spans the whole scale says nothing: words, no numbers and no bar (issue 10).
                        assertThat(page).contains("for få data til et interval").doesNotContain(shown);
                        assertThat(panel).as(pilot + " " + ind.path("id").asText() + ": no bar for an interval that says nothing").isNull();
                        tooFew++;
                        continue;
                    }
                    assertThat(page).as(pilot + " " + ind.path("id").asText() + ": the table shows the published relative interval").contains(shown);
                    assertThat(panel).as(pilot + " " + ind.path("id").asText() + " has a chart panel").isNotNull();
                    assertThat(panel.path("low").asDouble()).isEqualTo(lo);
                    assertThat(panel.path("high").asDouble()).isEqualTo(hi);
                    assertThat(panel.path("est").asDouble()).isEqualTo(ind.path("relative_effect").asDouble() * 100);
                    for (JsonNode r : doc.path("reasons")) {
                        if (!r.path("indicator").asText().equals(ind.path("id").asText()) || !r.path("da").asText().contains("sikkerhedsinterval")) continue;
                        assertThat(r.path("da").asText()).as(pilot + " reason: the same signed interval")
                            .contains("sikkerhedsinterval for ændringen " + Language.DA.number(lo, 0) + " til " + Language.DA.number(hi, 0) + "\u00a0%");
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).as("the sample has relative intervals to compare").isGreaterThan(3);
        assertThat(tooFew).as("the chatbot's SUS, a few weeks in, spans the whole scale").isPositive();
    }


    @Test
    void ratesArePercentagesAndTheirChangesPercentagePoints(@TempDir Path tmp) throws Exception {
        DashboardFixture f = sample(tmp, Language.DA);
        JsonNode ftr = indicator(decision(f, "sagsoverblik"), "first_time_right");
        double cf = ftr.path("counterfactual").asDouble(), effect = ftr.path("effect").asDouble();
        String page = f.read("sagsoverblik.html");
        assertThat(page).contains(one(cf * 100) + "\u00a0% → " + one((cf + effect) * 100) + "\u00a0% (+" + one(effect * 100) + "\u00a0procentpoint)");
        assertThat(page).doesNotContain(String.format(DA, "%.2f", cf));
    }

    @Test
    void guardrailsAreOnTheirOwnAbsoluteScaleWithTheMarginOnTheWorseSide(@TempDir Path tmp) throws Exception {
        DashboardFixture f = sample(tmp, Language.DA);
        JsonNode g = indicator(decision(f, "sagsoverblik"), "processing_days");
        JsonNode panel = null;
        for (JsonNode p : chartData(f.read("sagsoverblik.html")).path("panels")) if ("guardrail".equals(p.path("role").asText())) panel = p;
        assertThat(panel).isNotNull();
        assertThat(panel.path("unit").asText()).isEqualTo("dage");
        assertThat(panel.path("est").asDouble()).isEqualTo(g.path("effect").asDouble());
        assertThat(panel.path("low").asDouble()).isEqualTo(g.path("decision_interval").path("ci_low").asDouble());
        assertThat(panel.path("mark").asDouble()).as("lower is better, so the allowed worsening lies above zero").isEqualTo(g.path("margin").asDouble());
        assertThat(f.read("sagsoverblik.html")).contains("Grænse: højst " + one(g.path("margin").asDouble()) + "\u00a0dage værre");
    }

    @Test
    void codesAppearInTheReadersLanguage(@TempDir Path tmp) throws Exception {
        String da = sample(tmp.resolve("da"), Language.DA).read("sagsoverblik.html");
        assertThat(da).contains("Hostet hos leverandør", "Egen drift (on-premise)", ">Sager<", ">Spørgeskemasvar<", "Dublet", "Ugyldig værdi i");
        assertThat(da).as("each reason says what to do").contains(" – skriv den som dato eller tal i filens eget format");
        assertThat(da).doesNotContain(">hosted<", "bad_value:", "forskel-i-forskelle", "n pr. celle", "karakter");
        String en = sample(tmp.resolve("en"), Language.EN).read("sagsoverblik.html");
        assertThat(en).contains("Hosted by a vendor", ">Cases<", ">Survey responses<", "Duplicate", "Invalid value in");
        assertThat(en).contains(" – write it as a date or number in the file's own format").doesNotContain("(12) – ");
    }

    @Test
    void dataQualityShowsThisPilotsSourcesAndUnits(@TempDir Path tmp) throws Exception {
        DashboardFixture f = sample(tmp, Language.DA);
        String go = f.read("sagsoverblik.html");
        assertThat(go).contains("data-source=\"cases\"", "data-source=\"survey_responses\"", "data-source=\"usage\"", "data-source=\"costs\"");
        assertThat(go).as("the data lake's technical metric is not Sagsoverblik's").doesNotContain("data-source=\"tech_metrics\"");
        assertThat(f.read("datalake.html")).contains("data-source=\"tech_metrics\"");
        JsonNode basis = decision(f, "sagsoverblik").path("data_basis").path("cases");
        String quality = go.substring(go.indexOf("<section class=\"quality\">"));
        assertThat(quality).contains("Ydelse Nord", "Ydelse Syd, Ydelse Vest", new Texts(Language.DA).count(basis.path("pilot").path("observations").asLong()));
    }

    @Test
    void dataUpToShowsTheNewestDataNotTheEvaluationDay(@TempDir Path tmp) throws Exception {
        DashboardFixture f = DashboardFixture.copyOf(SampleNights.out(), tmp).edit("chatbot", d -> d.put("data_through", "2026-11-20")).render(Language.DA);
        assertThat(f.read("chatbot.html")).contains("<dt>Data til og med</dt><dd>20.\u00a0november\u00a02026</dd>");
        assertThat(f.read("index.html")).contains("data-sort=\"2026-11-20\"");
    }

    /** A pilot past its end date says so beside its days: a stranger read "Kørt i 208 dage" for pilots that ended a month before. */
    @Test
    void aPilotPastItsEndSaysHowLongPast(@TempDir Path tmp) throws Exception {
        DashboardFixture f = DashboardFixture.copyOf(SampleNights.out(), tmp)
            .edit("datalake", d -> d.put("start", "2026-05-04").put("end", "2026-10-30").put("as_of", "2026-11-27"))
            .edit("chatbot", d -> d.put("start", "2026-06-01").put("end", "2026-12-15").put("as_of", "2026-11-27")).render(Language.DA);
        String index = f.read("index.html");
        assertThat(index).contains("207\u00a0dage, 28 efter slutdatoen").contains("179\u00a0dage<").doesNotContain("179\u00a0dage, ");
    }

    @Test
    void aBusinessCaseWithoutCostsSaysItsOptionsCostNothingInstead(@TempDir Path tmp) throws Exception {
        // A spec copied under a new id has no rows in costs/: its options count as 0 kr., and its NPV is the gain alone.
        DashboardFixture f = DashboardFixture.copyOf(SampleNights.out(), tmp)
            .edit("datalake", d -> ((com.fasterxml.jackson.databind.node.ObjectNode) d.path("business_case")).put("costs_known", false)).render(Language.DA);
        assertThat(f.read("datalake.html")).contains("Omkostningerne er ukendte: costs/ har ingen rækker for denne pilot");
        assertThat(f.read("sagsoverblik.html")).as("a pilot whose costs are known").doesNotContain("Omkostningerne er ukendte");
    }

    @Test
    void oneWeekIsOneWeek(@TempDir Path tmp) throws Exception {
        DashboardFixture f = DashboardFixture.copyOf(SampleNights.out(), tmp).edit("chatbot", d -> d.put("decision", "EXTEND").put("extend_weeks", 1))
            .render(Language.DA);
        assertThat(f.read("chatbot.html")).contains("Forlæng med ca. 1\u00a0uge").doesNotContain("1\u00a0uger");
    }

    @Test
    void aWeekOrCellOnFewerThanFiveCasesIsNeverShownEvenFromAnOlderDocument(@TempDir Path tmp) throws Exception {
        DashboardFixture f = DashboardFixture.copyOf(SampleNights.out(), tmp).edit("sagsoverblik", d -> {
            ObjectNode handling = (ObjectNode) indicator(d, "handling_time");
            ObjectNode week = (ObjectNode) handling.path("trend").get(3);
            week.put("pilot_n", 3).put("pilot_mean", 999.0);
            ((ObjectNode) handling.path("cells").path("pilot_post")).put("n", 4);
        }).render(Language.DA);
        String page = f.read("sagsoverblik.html");
        JsonNode trend = chartData(page).path("trends").path("handling_time");
        assertThat(trend.path("pilot").get(3).isNull()).isTrue();
        assertThat(trend.path("pilot").get(4).isNumber()).isTrue();
        assertThat(page).contains("Pilot 1.504 før og færre end 5 efter");
    }

    @Test
    void thePortfoliosBannerIsOneHeadingWithItsCountAndFoldsMoreThanTwoWarnings(@TempDir Path tmp) throws Exception {
        // The sample's five warnings (four one_team and sagssystem's unknown_candidate), no error.
        DashboardFixture f = sample(tmp, Language.DA);
        String index = f.read("index.html");
        int start = index.indexOf("class=\"health-banner\"");
        String banner = index.substring(start, index.indexOf("</section>", start));
        assertThat(banner).as("folded: more than two warnings").contains("<details class=\"health-warnings\">")
            .contains("<summary><h2 id=\"health-title\">Datakvalitet kræver opmærksomhed: <span class=\"health-counts\">5\u00a0advarsler</span></h2></summary>");
        assertThat(index.split("5\u00a0advarsler", -1)).as("the count said once").hasSize(2);
        // Two warnings (sagssystem's) are short enough to show open.
        String two = DashboardFixture.copyOf(f.root(), tmp.resolve("two")).edit("chatbot", d -> d.putArray("health"))
            .edit("datalake", d -> d.putArray("health")).edit("sagsoverblik", d -> d.putArray("health")).render(Language.DA).read("index.html");
        assertThat(two).contains("<details class=\"health-warnings\" open>", "<span class=\"health-counts\">2\u00a0advarsler</span>");
    }

    @Test
    void thePortfolioSaysAnUnknownCandidateInAManagersWordsAndThePageKeepsTheFix(@TempDir Path tmp) throws Exception {
        DashboardFixture f = sample(tmp, Language.DA);
        String index = f.read("index.html");
        assertThat(index).contains("Præferencesvar, der nævner en kandidat, som sammenligningen ikke har, tæller ikke med")
            .doesNotContain("arms.candidates", "id'erne");
        assertThat(f.read("sagssystem.html")).as("the comparison's page keeps the flag's own text")
            .contains("data-code=\"unknown_candidate\"", "under arms.candidates", "Ret: brug et af id'erne");
        String en = DashboardFixture.copyOf(f.root(), tmp.resolve("en")).render(Language.EN).read("index.html");
        assertThat(en).contains("Preference answers that name a candidate the comparison does not list do not count").doesNotContain("arms.candidates");
    }

    @Test
    void theHealthBannerListsEveryFlagFromTheJsonErrorsFirst(@TempDir Path tmp) throws Exception {
        DashboardFixture f = DashboardFixture.copyOf(SampleNights.out(), tmp)
            .edit("chatbot", d -> d.putArray("health").add(DashboardFixture.healthFlag("pre_trend", "warning", "Kurverne var ikke parallelle før start.", "The curves were not parallel before the start.")))
            .edit("datalake", d -> d.putArray("health").add(DashboardFixture.healthFlag("stale_data", "error", "Sagerne er 40 dage gamle.", "The cases are 40 days old.")))
            .edit("sagsoverblik", d -> d.putArray("health")) // without its one_team warning: a pilot with no flag has no banner
            .render(Language.DA);
        String chatbot = f.read("chatbot.html");
        assertThat(chatbot.indexOf("class=\"health-banner\"")).as("the banner comes first").isLessThan(chatbot.indexOf("class=\"verdict\""));
        assertThat(chatbot).contains("data-code=\"pre_trend\"", "Advarsel:", "Kurverne var ikke parallelle før start.").doesNotContain("stale_data");
        assertThat(f.read("sagsoverblik.html")).doesNotContain("health-banner");
        String index = f.read("index.html");
        assertThat(index.indexOf("stale_data")).as("errors first").isLessThan(index.indexOf("pre_trend"));
        assertThat(index).contains("Datasø i skyen for Jobcenter</a>:", "Sagerne er 40 dage gamle.", "⚠ 1");
        String en = DashboardFixture.copyOf(f.root(), tmp.resolve("en")).render(Language.EN).read("chatbot.html");
        assertThat(en).contains("Warning:", "The curves were not parallel before the start.");
    }

    @Test
    void theSpreadsheetUsesTheDashboardsLanguage(@TempDir Path tmp) throws Exception {
        String da = sample(tmp.resolve("da"), Language.DA).read("decisions.csv");
        assertThat(da).startsWith("\uFEFFPilot;Pilot-id;Beslutning;Hovedbegrundelse;Ejer;Slutdato;Vurderet pr.;Data til og med;Forlængelse i uger;Datakvalitet\r\n");
        assertThat(da).contains(";chatbot;FORLÆNG;").doesNotContain("EXTEND");
        String en = sample(tmp.resolve("en"), Language.EN).read("decisions.csv");
        assertThat(en).contains("Pilot ID;Decision;").contains(";chatbot;EXTEND;");
    }

    @Test
    void hostileValuesStayTextInEveryContext(@TempDir Path tmp) throws Exception {
        for (Language language : Language.values()) {
            DashboardFixture f = DashboardFixture.copyOf(SampleNights.out(), tmp.resolve(language.code()))
                .edit("chatbot", DashboardFixture::makeHostile).render(language);
            for (String name : new String[] {"chatbot.html", "index.html"}) {
                String html = f.read(name);
                assertThat(html).as(name).doesNotContain("<script>alert", "<img src=x", "<!--");
                assertThat(html.split("<script", -1)).as(name + ": the data block and the two script files only").hasSize(4);
                Matcher m = DATA.matcher(html);
                assertThat(m.find()).isTrue();
                assertThat(m.group(1)).as("nothing in the data block can close it").doesNotContain("<", ">", "&");
            }
            assertThat(chartData(f.read("chatbot.html")).path("panels").get(0).path("label").asText()).contains(DashboardFixture.HOSTILE);
            assertThat(f.read("chatbot.html")).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
            assertThat(f.read("digest.md")).contains("Pilot \\<script\\>alert(1)\\</script\\>").doesNotContain("Pilot <script>");
            assertThat(f.read("decisions.csv")).contains("Pilot <script>");
        }
    }

    @Test
    void linksToPilotPagesAreRelativeAndEncoded() {
        assertThat(PageLink.pilot("sagsoverblik")).isEqualTo("./sagsoverblik.html");
        assertThat(PageLink.pilot("javascript:alert(1)")).isEqualTo("./javascript%3Aalert%281%29.html");
    }

    @Test
    void everyNightsIntervalIsChartedOnTheTablesScale(@TempDir Path tmp) throws Exception {
        DashboardFixture f = sample(tmp, Language.DA);
        JsonNode doc = decision(f, "sagsoverblik");
        JsonNode narrowing = chartData(f.read("sagsoverblik.html")).path("narrowing").get(0);
        assertThat(narrowing.path("days")).hasSize(SampleNights.NIGHTS.size());
        JsonNode first = null;
        for (JsonNode i : doc.path("history").get(0).path("intervals")) if (i.path("indicator").asText().equals("handling_time")) first = i;
        assertThat(narrowing.path("label").asText()).isEqualTo("Sagsbehandlingstid");
        // The published relative interval of that night, never the absolute one divided by the level (issue 10).
        assertThat(first.path("relative_ci_low").isNumber()).isTrue();
        assertThat(narrowing.path("low").get(0).asDouble()).isCloseTo(first.path("relative_ci_low").asDouble() * 100, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(narrowing.path("high").get(0).asDouble()).isCloseTo(first.path("relative_ci_high").asDouble() * 100, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(narrowing.path("est").get(0).asDouble()).isCloseTo(first.path("relative_effect").asDouble() * 100, org.assertj.core.data.Offset.offset(1e-9));
        ArrayNode days = (ArrayNode) narrowing.path("days");
        assertThat(days.get(0).asText()).isEqualTo(SampleNights.NIGHTS.get(0));

        // A night published before the relative interval was kept is left out, not derived.
        f.edit("sagsoverblik", d -> {
            for (JsonNode i : d.path("history").get(0).path("intervals")) {
                ((ObjectNode) i).remove(List.of("relative_ci_low", "relative_ci_high", "relative_effect"));
            }
        }).render(Language.DA);
        JsonNode without = chartData(f.read("sagsoverblik.html")).path("narrowing").get(0);
        assertThat(without.path("days")).hasSize(SampleNights.NIGHTS.size() - 1);
        assertThat(without.path("days").get(0).asText()).isEqualTo(SampleNights.NIGHTS.get(1));
    }
}

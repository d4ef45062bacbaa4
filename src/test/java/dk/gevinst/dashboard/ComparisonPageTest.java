package dk.gevinst.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.e2e.SampleNights;
import dk.gevinst.testing.ComparisonDocuments;
import dk.gevinst.text.Language;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A comparison's page, rendered from its published document beside the sample's pilots: the recommendation
 * on top with the step that decided it, the candidates side by side (core task against the control with its
 * interval, guardrail, preference with its interval, SUS, NPV per deployment option), the pairs; the portfolio
 * marks it as a comparison. The browser test checks how it looks.
 */
class ComparisonPageTest {
    static DashboardFixture withComparison(Path tmp, Language language) throws Exception {
        return DashboardFixture.copyOf(SampleNights.out(), tmp).add(ComparisonDocuments.fasterAndPreferred()).render(language);
    }

    /** The sample's comparisons, and the one this test adds. */
    private static long comparisons() throws Exception {
        try (var files = java.nio.file.Files.list(SampleNights.out().resolve("decisions"))) {
            return 1 + files.filter(p -> p.toString().endsWith(".json")).filter(p -> dk.gevinst.e2e.SampleRun.json(p).path("comparison").isObject()).count();
        }
    }

    @Test
    void theRecommendationLeadsAndTheCandidatesStandSideBySide(@TempDir Path tmp) throws Exception {
        ObjectNode doc = ComparisonDocuments.fasterAndPreferred();
        JsonNode block = doc.path("comparison");
        assertThat(doc.path("decision").asText()).isEqualTo("GO");
        assertThat(block.path("recommended").asText()).as("the faster one: the core task comes first").isEqualTo("a");
        String page = withComparison(tmp, Language.DA).read("k.html");

        assertThat(page.indexOf("data-decision=\"GO\"")).as("the badge before the candidates").isLessThan(page.indexOf("class=\"candidate-grid\""));
        assertThat(page).contains("<dt>Forrest</dt><dd>Sagsløft</dd>", "<dt>Afgjort af</dt><dd>kerneopgaven</dd>");
        assertThat(page).contains("data-candidate=\"a\"", "data-candidate=\"b\"", "Anbefales", "Med i sammenligningen");
        JsonNode a = block.path("candidates").path(0).path("indicators").path(0);
        // Each candidate's card reads the published relative interval, as the reasons do (one analysis per number),
        // with the level before and after in minutes as context.
        long relative = Math.round(-a.path("relative_effect").asDouble() * 100);
        Language l = Language.DA;
        String interval = l.range(l.number(a.path("relative_ci_low").asDouble() * 100, 0), l.percent(a.path("relative_ci_high").asDouble(), 0));
        assertThat(a.path("reads").asText()).isEqualTo("relative");
        assertThat(doc.path("reasons").toString()).as("the reasons print this interval").contains(interval);
        assertThat(page).as("a's own change against the control, as a pilot's").contains("<dt>Kerneopgave: Sagsbehandlingstid</dt>")
            .contains("(\u2212" + relative + "\u00a0%)<br><small>" + interval + " · faldt " + relative + "\u00a0% – bedre</small>");
        assertThat(page).as("the absolute level only as context").containsPattern("<dd>[0-9,]+\u00a0min → [0-9,]+\u00a0min \\(\u2212" + relative);
        // The candidates' panels of one indicator share one axis (one group); guardrail and core task do not.
        JsonNode panels = DashboardPagesTest.chartData(page).path("panels");
        assertThat(panels).hasSize(4);
        assertThat(panels.path(0).path("group").asText()).isEqualTo(panels.path(1).path("group").asText()).startsWith("handling_time");
        assertThat(panels.path(2).path("group").asText()).isEqualTo(panels.path(3).path("group").asText())
            .isNotEqualTo(panels.path(0).path("group").asText());
        assertThat(page).contains("Kvalitetsværn: Gennemløbstid", "holder (inden for grænsen)");
        JsonNode pref = block.path("candidates").path(1).path("preference");
        Texts da = new Texts(Language.DA);
        assertThat(page).as("b's preference with its interval").contains(da.percent(pref.path("share").asDouble(), 0) + " (sikkerhedsinterval "
            + Math.round(pref.path("ci_low").asDouble() * 100) + " til " + da.percent(pref.path("ci_high").asDouble(), 0) + "), 40\u00a0svar");
        assertThat(page).contains("78 af 100 (gennemsnittet for it-systemer er 68), 40\u00a0svar");
        for (String option : new String[] {"hosted", "cloud", "on-premise"}) assertThat(page).contains("<dt>Nutidsværdi: " + da.option(option) + "</dt>");
        assertThat(page).contains("Sagsløft mod Jobflow", "Sagsløft er bedre");

        String portfolio = DashboardFixture.copyOf(SampleNights.out(), tmp.resolve("p")).add(doc).render(Language.DA).read("index.html");
        assertThat(portfolio).contains("<a href=\"./k.html\"><strong>Nyt sagssystem i Jobcenter</strong></a>\n<span class=\"kind-mark\">sammenligning</span>");
        assertThat(portfolio.split("class=\"kind-mark\"", -1)).as("only comparisons are marked").hasSize((int) (1 + comparisons()));
        String english = withComparison(tmp.resolve("en"), Language.EN).read("k.html");
        assertThat(english).contains("<dt>Decided by</dt><dd>the core task</dd>", "Sagsløft against Jobflow", "Recommended");
    }
}

package dk.gevinst.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.e2e.SampleNights;
import dk.gevinst.publish.Json;
import dk.gevinst.text.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The steering group's digest, from the published documents of the sample's three nights, edited so that
 * each section has something to say: a decision that changed tonight, an extension whose end date is
 * near, a pilot that could not be assessed, and a health flag.
 */
class DigestTest {
    private static DashboardFixture fixture(Path tmp) throws Exception {
        DashboardFixture f = DashboardFixture.copyOf(SampleNights.out(), tmp)
            .edit("datalake", d -> {
                ArrayNode h = (ArrayNode) d.path("history");
                ((ObjectNode) h.get(h.size() - 2)).put("decision", "EXTEND");
            })
            .edit("chatbot", d -> d.put("end", "2026-12-15"))
            .edit("sagsoverblik", d -> {
                // A GO that has held (the sample reaches GO at its final look; here it held since the night before).
                ArrayNode h = (ArrayNode) d.path("history");
                ((ObjectNode) h.get(h.size() - 2)).put("decision", "GO");
                d.putArray("health").add(DashboardFixture.healthFlag("stale_data", "error",
                    "Nyeste sag er fra 1. oktober; kør med nye data.", "The newest case is from 1 October; run with new data."));
            });
        ObjectNode broken = Json.MAPPER.createObjectNode().put("pilot_id", "broken").put("status", "error").put("as_of", "2026-11-27")
            .putNull("title").putNull("decision").putNull("extend_weeks");
        broken.putArray("reasons").addObject().put("code", "invalid_spec").put("da", "Specifikationen er ugyldig: broken.yaml:3:1.")
            .put("en", "The spec is invalid: broken.yaml:3:1.");
        broken.putArray("history").addObject().put("as_of", "2026-11-27").putNull("decision");
        Files.writeString(f.root().resolve("decisions/broken.json"), Json.MAPPER.writeValueAsString(broken));
        return f.render(Language.DA);
    }

    @Test
    void saysWhatChangedWhatNeedsADecisionAndEveryHealthFailureInBothLanguages(@TempDir Path tmp) throws Exception {
        DashboardFixture f = fixture(tmp);
        String md = f.read("digest.md");
        assertThat(md).isEqualTo(f.read("digest.da.md")).startsWith("# Gevinst – nattens overblik for 27.\u00a0november\u00a02026\n");
        assertThat(md).contains("Beslutninger i nat: GO 2, FORLÆNG 1, STOP 1, FEJL 1.");
        String changed = section(md, "## Ændret i nat", "## Kræver");
        assertThat(changed).contains("- Datasø i skyen for Jobcenter: STOP (var FORLÆNG). ", "- broken: FEJL (første vurdering)")
            .doesNotContain("Sagsoverblik");
        String datalake = changed.lines().filter(l -> l.startsWith("- Datasø")).findFirst().orElseThrow();
        String stop = section(md, "## Kræver en beslutning denne måned", "## Datakvalitet").lines().filter(l -> l.startsWith("- Datasø")).findFirst().orElseThrow();
        assertThat(datalake.substring(datalake.indexOf("). ") + 3)).as("the change says why, as the decision to make does").hasSizeGreaterThan(20)
            .isEqualTo(stop.substring(stop.indexOf("afslutning. ") + "afslutning. ".length()));
        String due = section(md, "## Kræver en beslutning denne måned", "## Datakvalitet");
        assertThat(due).contains("- Datasø i skyen for Jobcenter: bør stoppes", "- broken: kunne ikke vurderes i nat og skal rettes.",
            "- Chatbot i Borgerservice: slutdatoen 15.\u00a0december\u00a02026 nærmer sig – godkend en forlængelse på ca. ");
        assertThat(due).as("a GO that has held for months is not news").doesNotContain("Sagsoverblik");
        assertThat(section(md, "## Datakvalitet", "Dashboardet")).contains("- Sagsoverblik i Ydelse: Fejl: Nyeste sag er fra 1. oktober; kør med nye data.");

        String txt = f.read("digest.da.txt");
        assertThat(txt).startsWith("Gevinst – nattens overblik for 27.\u00a0november\u00a02026\n=====").doesNotContain("## ", "- Datasø");
        assertThat(txt).contains("* Datasø i skyen for Jobcenter: STOP (var FORLÆNG)", "Kræver en beslutning denne måned\n--------");
        String en = f.read("digest.en.txt");
        assertThat(en).contains("Needs a decision this month", "* Datasø i skyen for Jobcenter: STOP (was EXTEND)",
            "The newest case is from 1 October; run with new data.");
    }

    /** The data lake as if it had stopped a month ago: nothing changed, a GO and a STOP held for over a month are not news. */
    @Test
    void aQuietNightSaysSoInEverySection(@TempDir Path tmp) throws Exception {
        DashboardFixture f = DashboardFixture.copyOf(SampleNights.out(), tmp).edit("datalake", d -> {
            ArrayNode h = (ArrayNode) d.path("history");
            ((ObjectNode) h.get(h.size() - 2)).put("decision", "STOP");
            d.putArray("health");
        }).edit("sagsoverblik", d -> {
            ArrayNode h = (ArrayNode) d.path("history");
            ((ObjectNode) h.get(h.size() - 2)).put("decision", "GO");
            d.putArray("health");
        }).edit("chatbot", d -> d.putArray("health")).edit("sagssystem", d -> {
            ArrayNode h = (ArrayNode) d.path("history");
            ((ObjectNode) h.get(h.size() - 2)).put("decision", d.path("decision").asText());
            d.putArray("health");
        }).render(Language.EN);
        String md = f.read("digest.md");
        assertThat(md).contains("No decision changed tonight.", "No pilot needs a decision this month.", "No data-quality problems tonight.");
    }

    /** An EXTEND without a week estimate (not decidable in time) has no extension to approve: the digest says so, never "about – weeks". */
    @Test
    void anExtendThatNoExtensionDecidesAsksHowToGoOn(@TempDir Path tmp) throws Exception {
        DashboardFixture f = DashboardFixture.copyOf(SampleNights.out(), tmp)
            .edit("chatbot", d -> d.put("end", "2026-12-15").putNull("extend_weeks")).render(Language.EN);
        String due = section(f.read("digest.md"), "## Needs a decision this month", "## Data quality");
        assertThat(due).contains("- Chatbot i Borgerservice: the end date 15\u00a0December\u00a02026 is near, and an extension alone will not decide it")
            .doesNotContain("about –");
    }

    /**
     * An EXTEND that more data cannot decide, far from its end: a stranger read "EXTEND the pilot" above "cannot be decided
     * within the 8 weeks' extension" and found it nowhere among what needs a decision. The page says under the badge that
     * an extension alone will not settle it, and the digest lists it now, not a month before the end; an EXTEND that only
     * has no estimate yet is neither.
     */
    @Test
    void anExtendThatMoreDataCannotDecideIsADecisionNowOnThePageAndInTheDigest(@TempDir Path tmp) throws Exception {
        DashboardFixture f = DashboardFixture.copyOf(SampleNights.out(), tmp)
            .edit("chatbot", d -> {
                d.put("end", "2027-03-31").putNull("extend_weeks");
                ((ObjectNode) d.path("reasons").get(0)).put("code", "not_decidable_in_time");
            })
            .edit("sagsoverblik", d -> {
                d.put("decision", "EXTEND").put("end", "2027-03-31").putNull("extend_weeks");
                ((ObjectNode) d.path("reasons").get(0)).put("code", "more_data_needed");
            }).render(Language.EN);
        String due = section(f.read("digest.md"), "## Needs a decision this month", "## Data quality");
        assertThat(due).contains("- Chatbot i Borgerservice: more data alone will not decide it by the end date 31 March 2027 – the steering "
            + "group can already decide how to go on.").doesNotContain("Sagsoverblik");
        assertThat(f.read("chatbot.html")).contains("An extension alone will not settle it – the steering group decides how to go on");
        assertThat(f.read("sagsoverblik.html")).doesNotContain("An extension alone will not settle it");
    }

    /** After the end the extension is running: the digest neither calls the end date near nor asks to approve an extension. */
    @Test
    void anExtendPastTheEndIsInItsExtensionNotNearItsEnd(@TempDir Path tmp) throws Exception {
        DashboardFixture f = DashboardFixture.copyOf(SampleNights.out(), tmp)
            .edit("chatbot", d -> d.put("end", "2026-11-20").put("extend_weeks", 2))
            .edit("sagsoverblik", d -> d.put("decision", "EXTEND").put("end", "2026-11-13").putNull("extend_weeks")).render(Language.EN);
        String due = section(f.read("digest.md"), "## Needs a decision this month", "## Data quality");
        assertThat(due).contains("- Chatbot i Borgerservice: the end date 20\u00a0November\u00a02026 has passed and the pilot is in its extension – "
                + "a decision is expected in about 2\u00a0weeks.",
            "- Sagsoverblik i Ydelse: the end date 13\u00a0November\u00a02026 has passed, and the rest of the extension alone will not decide it")
            .doesNotContain("is near", "approve an extension");
    }

    @Test
    void markdownShowsDataAsWritten() {
        assertThat(Digest.markdownText("*Pilot* <b>_x_</b> [link](y) #1")).isEqualTo("\\*Pilot\\* \\<b\\>\\_x\\_\\</b\\> \\[link\\](y) \\#1");
        assertThat(Digest.markdownLineStart("1. pilot")).isEqualTo("1\\. pilot");
        assertThat(Digest.markdownText("15. december")).as("only where a line starts").isEqualTo("15. december");
        assertThat(Digest.markdownLineStart("- pilot, ok (a): b.")).isEqualTo("\\- pilot, ok (a): b.");
    }

    private static String section(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        int end = text.indexOf(to, start + from.length());
        return text.substring(start, end < 0 ? text.length() : end);
    }
}

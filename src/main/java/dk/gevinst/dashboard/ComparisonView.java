package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.publish.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a comparison's page ({@code <id>.html}) shows: the recommendation on top (the decision, the
 * candidate the rule points to and the step that picked it), the reasons, then the candidates side by side,
 * each against the control as a pilot is read (core task, guardrails), with the employees' preference, SUS
 * and NPV per deployment option, and the pairwise contrasts. Built from the published document only.
 */
public record ComparisonView(String title, Badge badge, String mainReason, String extend, Progress progress, List<Term> meta,
                             List<HealthItem> health, String leading, String step, List<Term> reasons, String confidence,
                             List<Card> candidates, List<PairRow> pairs, String footnote) {
    /** One candidate: its standing in the rule, and each row in the same order on every card so they read side by side. */
    public record Card(String id, String vendor, String units, String standing, String standingCss, List<IndicatorRow> core,
                       List<IndicatorRow> guardrails, String preference, String sus, List<Term> options, Badge alone) {}

    /** One pair on one success indicator: first minus second, and who is ahead in words. */
    public record PairRow(String pair, String label, String change, String interval, String words) {}

    static ComparisonView of(Texts t, JsonNode doc) {
        JsonNode c = doc.path("comparison");
        String leadingId = c.path("leading").asText(c.path("recommended").asText(null));
        String leading = leadingId == null ? null : vendor(c, leadingId);
        String step = t.get("comparison.step." + c.path("decided_by").asText());
        String extend = Docs.extendLine(t, doc);
        List<Term> reasons = new ArrayList<>();
        for (JsonNode r : doc.path("reasons")) reasons.add(new Term(r.path("code").asText(), r.path(t.language().code()).asText()));
        List<Card> cards = new ArrayList<>();
        for (JsonNode k : c.path("candidates")) cards.add(card(t, doc, c, k));
        String confidence = c.path("candidate_alpha").isNumber()
            ? t.format("comparison.confidence", t.language().level(c.path("candidate_alpha").asDouble())) : "";
        String footnote = c.path("pair_alpha").isNumber() && doc.path("alpha").isNumber()
            ? t.format("comparison.footnote", t.number(doc.path("alpha").asDouble(), 2), t.language().level(c.path("candidate_alpha").asDouble()),
                t.language().level(c.path("pair_alpha").asDouble())) : null;
        return new ComparisonView(Docs.title(doc), Badge.of(t, doc.path("decision").textValue(), true), Docs.mainReason(t, doc), extend,
            Progress.of(t, doc), meta(t, doc), HealthItem.of(t, doc), leading, step, reasons, confidence, cards, pairs(t, doc, c), footnote);
    }

    private static Card card(Texts t, JsonNode doc, JsonNode c, JsonNode k) {
        String id = k.path("id").asText();
        String standing, css;
        if (k.path("dropped_by").isTextual()) {
            standing = t.get("comparison.standing.dropped." + k.path("dropped_by").asText());
            css = "dropped";
        } else if (id.equals(c.path("recommended").asText(null))) {
            standing = t.get("comparison.standing.recommended");
            css = "recommended";
        } else if (id.equals(c.path("leading").asText(null))) {
            standing = t.get("comparison.standing.leading");
            css = "leading";
        } else {
            standing = t.get("comparison.standing.in");
            css = "in";
        }
        List<IndicatorRow> core = rows(t, doc, k, "success"), guardrails = rows(t, doc, k, "guardrail");
        List<Term> options = new ArrayList<>();
        for (JsonNode o : k.path("options")) {
            options.add(new Term(t.option(o.path("option").asText()), t.format("comparison.npv", t.dkk(o.path("npv_dkk").asDouble()),
                t.range(t.dkk(o.path("npv_low_dkk").asDouble()), t.dkk(o.path("npv_high_dkk").asDouble())))));
        }
        return new Card(id, k.path("vendor").asText(), PilotView.join(k.path("units")), standing, css, core, guardrails,
            preference(t, k.path("preference")), sus(t, k), options, Badge.of(t, k.path("decision").textValue(), false));
    }

    private static List<IndicatorRow> rows(Texts t, JsonNode doc, JsonNode contrast, String role) {
        List<IndicatorRow> out = new ArrayList<>();
        for (JsonNode ind : CandidateIndicators.of(doc, contrast, role)) out.add(IndicatorRow.of(t, doc, ind));
        return out;
    }

    /**
     * "72 % (sikkerhedsinterval 58 til 83 %), 40 svar fra ét team: …"; "færre end 5"; "–" without answers. How many
     * teams answered says what the interval can speak for: one team's employees, or teams answering alike allowed for.
     */
    private static String preference(Texts t, JsonNode p) {
        if (p.path("suppressed").asBoolean()) return t.get("suppressed");
        if (!p.path("share").isNumber()) return "–";
        int teams = p.path("teams").asInt(1);
        return t.format(teams > 1 ? "comparison.preference.many" : "comparison.preference.one", t.percent(p.path("share").asDouble(), 0),
            t.range(t.number(p.path("ci_low").asDouble() * 100, 0), t.percent(p.path("ci_high").asDouble(), 0)), t.count(p.path("n").asLong()),
            String.valueOf(teams));
    }

    /** The candidate's users' SUS after the start, as on a pilot page. */
    private static String sus(Texts t, JsonNode k) {
        for (JsonNode i : k.path("indicators")) {
            if (!"sus".equals(i.path("id").asText())) continue;
            JsonNode post = i.path("post");
            if (post.path("suppressed").asBoolean()) return t.get("suppressed");
            if (post.path("mean").isNumber()) return t.format("voice.sus.value", t.number(post.path("mean").asDouble(), 0), t.count(post.path("n").asLong()));
        }
        return "–";
    }

    private static List<PairRow> pairs(Texts t, JsonNode doc, JsonNode c) {
        List<PairRow> out = new ArrayList<>();
        for (JsonNode p : c.path("pairs")) {
            String first = vendor(c, p.path("first").asText()), second = vendor(c, p.path("second").asText());
            for (JsonNode ind : CandidateIndicators.of(doc, p, "success")) {
                IndicatorRow row = IndicatorRow.of(t, doc, ind);
                String verdict = ind.path("verdict").asText();
                String words = "better".equals(verdict) ? t.format("comparison.pair.ahead", first)
                    : "worse".equals(verdict) ? t.format("comparison.pair.ahead", second) : t.get("comparison.pair.same");
                out.add(new PairRow(t.format("comparison.pair", first, second), row.label(), IndicatorRow.change(t, ind), row.interval(), words));
            }
        }
        return out;
    }

    /**
     * The chart: each candidate's interval against the control on each success indicator and guardrail, drawn as a
     * pilot's panels, the candidates' panels of one indicator on one shared axis ({@code group}).
     */
    static ObjectNode charts(Texts t, JsonNode doc) {
        ObjectNode data = Json.MAPPER.createObjectNode().put("page", "comparison").put("lang", t.language().code());
        ObjectNode labels = data.putObject("labels");
        for (String k : new String[] {"chart.nodata", "chart.better", "chart.estimate", "chart.interval"}) labels.put(k, t.get(k));
        ArrayNode panels = data.putArray("panels");
        for (String role : List.of("success", "guardrail")) {
            for (JsonNode k : doc.path("comparison").path("candidates")) {
                for (JsonNode ind : CandidateIndicators.of(doc, k, role)) {
                    ObjectNode p = IndicatorRow.panel(t, ind);
                    // One indicator in one unit is one group: the candidates' panels share its axis.
                    if (p != null) panels.add(p.put("label", k.path("vendor").asText() + " · " + p.path("label").asText())
                        .put("group", ind.path("id").asText() + " " + p.path("unit").asText()));
                }
            }
        }
        return data;
    }

    private static List<Term> meta(Texts t, JsonNode doc) {
        List<Term> m = PilotView.plan(t, doc);
        if (m.isEmpty()) return m;
        if (doc.path("arms").path("control").size() > 0) m.add(new Term(t.get("pilot.arms.control"), PilotView.join(doc.path("arms").path("control"))));
        m.add(new Term(t.get("col.analysis"), t.get("analysis." + doc.path("analysis").asText("none"))));
        m.add(new Term(t.get("pilot.through"), t.date(Docs.dataThrough(doc))));
        return m;
    }

    private static String vendor(JsonNode c, String id) {
        for (JsonNode k : c.path("candidates")) if (k.path("id").asText().equals(id)) return k.path("vendor").asText(id);
        return id;
    }
}

package dk.gevinst.cli.explain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The {@code comparison} block of a published decision, as lines: the recommendation, each candidate side by side, the pairwise contrasts. */
public final class ComparisonLines {
    private ComparisonLines() {}

    /**
     * What changed among the candidates since the night before: the leader (and the step that picked it), a candidate
     * that dropped out, one that came back. Read off the document's own {@code previous}, which keeps them; none when
     * that is not the night compared (an earlier night explained from the tables) or predates them.
     */
    static List<String> changes(JsonNode doc, JsonNode previousNight, ExplainTexts t) {
        JsonNode before = doc.path("previous"), c = doc.path("comparison");
        if (!before.path("dropped_out").isObject() || !before.path("as_of").asText().equals(previousNight.path("as_of").asText())) return List.of();
        List<String> out = new ArrayList<>();
        String was = before.path("leading").asText(null), is = c.path("leading").asText(null);
        if (!java.util.Objects.equals(was, is) || !before.path("decided_by").asText("").equals(c.path("decided_by").asText(""))) {
            out.add(t.format("changes.leading", name(c, was, t), t.get("comparison.step." + before.path("decided_by").asText("nothing_separates")),
                name(c, is, t), t.get("comparison.step." + c.path("decided_by").asText("nothing_separates"))));
        }
        for (JsonNode k : c.path("candidates")) {
            JsonNode earlier = before.path("dropped_out").path(k.path("id").asText());
            boolean out0 = earlier.isTextual(), out1 = k.path("dropped_by").isTextual();
            if (!out0 && out1) out.add(t.format("changes.dropped", k.path("vendor").asText(), t.get("comparison.step." + k.path("dropped_by").asText())));
            if (out0 && !out1) out.add(t.format("changes.back", k.path("vendor").asText(), t.get("comparison.step." + earlier.asText())));
        }
        if (out.isEmpty()) out.add(t.get("changes.candidates.same"));
        return out;
    }

    private static String name(JsonNode c, String id, ExplainTexts t) {
        if (id == null) return t.get("changes.nobody");
        for (JsonNode k : c.path("candidates")) if (k.path("id").asText().equals(id)) return k.path("vendor").asText(id);
        return id;
    }

    /** The lines in one language, for a test or another renderer. */
    public static List<String> of(JsonNode c, dk.gevinst.text.Language language) {
        return of(c, new ExplainTexts(language));
    }

    static List<String> of(JsonNode c, ExplainTexts t) {
        return of(c, t, com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }

    /** The same, naming each contrast's indicators by the labels the document's indicators carry. */
    static List<String> of(JsonNode c, ExplainTexts t, JsonNode docIndicators) {
        List<String> out = new ArrayList<>();
        String recommended = c.path("recommended").asText(null), leading = c.path("leading").asText(recommended);
        String vendor = leading;
        for (JsonNode k : c.path("candidates")) if (k.path("id").asText().equals(leading)) vendor = k.path("vendor").asText();
        String step = t.get("comparison.step." + c.path("decided_by").asText());
        out.add(leading == null ? t.format("comparison.none", step)
            : t.format(recommended == null ? "comparison.leading" : "comparison.recommended", vendor, step, t.confidence(c.get("candidate_alpha")),
                t.confidence(c.get("pair_alpha"))));
        for (JsonNode k : c.path("candidates")) {
            String dropped = k.path("dropped_by").asText();
            String state = k.path("dropped_by").isTextual() ? t.format("comparison.dropped", t.get("comparison.step." + dropped)) : t.get("comparison.stays");
            out.add(t.format("comparison.candidate", k.path("vendor").asText(), k.path("id").asText(), state));
            indicators(docIndicators, k.path("indicators"), t, out);
            String sus = susLevel(k, t);
            if (sus != null) out.add("  " + t.format("comparison.sus", Explanation.labelOf(docIndicators, "sus", t), sus));
            JsonNode p = k.path("preference");
            if (p.isObject() && p.has("share")) {
                out.add("  " + t.format("comparison.preference", t.percent(p.get("share")), t.language().range(t.percent(p.get("ci_low")), t.percent(p.get("ci_high"))),
                    p.path("n").asLong(), p.path("teams").asInt(1), t.language().number(p.path("design_effect").asDouble(1), 2)));
            }
            for (JsonNode o : k.path("options")) {
                out.add("  " + t.format("comparison.option", t.option(o.path("option").asText()), t.dkk(o.get("npv_dkk")),
                    t.language().range(t.dkk(o.get("npv_low_dkk")), t.dkk(o.get("npv_high_dkk")))));
            }
        }
        for (JsonNode p : c.path("pairs")) {
            out.add(t.format("comparison.pair", p.path("first").asText(), p.path("second").asText(), ""));
            indicators(docIndicators, p.path("indicators"), t, out);
        }
        return out;
    }

    /**
     * The candidate's users' SUS after the start, the level the comparison page shows: its effect against the control
     * alone read '–' in explain where the page showed 66 of 100 (stop 32's leftover). Null without a SUS row.
     */
    private static String susLevel(JsonNode k, ExplainTexts t) {
        for (JsonNode i : k.path("indicators")) {
            if (!"sus".equals(i.path("id").asText())) continue;
            JsonNode post = i.path("post");
            if (post.path("suppressed").asBoolean()) return t.get("comparison.sus.suppressed");
            if (post.path("mean").isNumber()) return t.format("comparison.sus.level", t.language().number(post.path("mean").asDouble(), 0), post.path("n").asLong());
        }
        return null;
    }

    private static void indicators(JsonNode docIndicators, JsonNode indicators, ExplainTexts t, List<String> out) {
        for (JsonNode i : indicators) {
            out.add("  " + t.format("comparison.indicator", Explanation.labelOf(docIndicators, i.path("id").asText(), t), t.number(i.get("effect")),
                t.language().range(t.number(i.get("ci_low")), t.number(i.get("ci_high"))),
                t.get("verdict." + i.path("verdict").asText())));
        }
    }
}

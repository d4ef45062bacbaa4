package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.publish.PublishedInference;
import java.util.ArrayList;
import java.util.List;

/**
 * "How sure are we?" for one success indicator (issue 8, point 6), read off its published {@code inference}
 * and {@code pre_trend}: which uncertainty decided the interval, in one plain sentence; where placebo in
 * space was used, where the pilot team ranks among the teams that had no pilot; what the pre-trend check
 * found; and a footnote for analysts with ν, the teams and weeks behind it and the effective sample size.
 * The charts beside it (the weekly gap, the placebo teams) get their data from {@link CertaintyCharts}.
 */
public record CertaintyView(String id, String label, boolean gap, String gapCaption, boolean placebo, String decided, String rank,
                            String preTrend, boolean preTrendFound, String analysts) {

    /** The success indicators with an analysis, in the document's order. */
    static List<CertaintyView> of(Texts t, JsonNode doc) {
        List<CertaintyView> out = new ArrayList<>();
        for (JsonNode ind : CertaintyCharts.indicators(doc)) out.add(one(t, ind));
        return out;
    }

    private static CertaintyView one(Texts t, JsonNode ind) {
        JsonNode inf = ind.path("inference"), unit = inf.path("unit_level"), placebo = unit.path("placebo");
        GapScale scale = GapScale.of(t, ind);
        PublishedInference.Rank rank = PublishedInference.rank(inf);
        boolean hasPlacebo = placebo.path("estimates").size() > 0;
        String caption = t.format(scale.level() ? "certainty.gap.caption.level" : "certainty.gap.caption", scale.unit());
        return new CertaintyView(ind.path("id").asText(), ind.path("label").path(t.language().code()).asText(ind.path("id").asText()),
            inf.path("weekly_gap").size() > 0, caption, hasPlacebo, t.get(decidedKey(inf)), rank == null ? null : rank(t, rank),
            preTrend(t, ind, scale), ind.path("pre_trend").path("drift_found").asBoolean(), analysts(t, ind, scale));
    }

    /** Which uncertainty decided, in a sentence: the cases, the teams week by week, the placebo teams, or why none could be measured. */
    private static String decidedKey(JsonNode inf) {
        PublishedInference.Decider d = PublishedInference.decider(inf);
        return "certainty.decided." + d.key() + (d == PublishedInference.Decider.NONE ? "." + PublishedInference.unavailable(inf) : "");
    }

    /** "Pilotteamet ligger som nr. 2 af 12". */
    private static String rank(Texts t, PublishedInference.Rank r) {
        return t.format("certainty.rank", t.count(r.place()), t.count(r.teams()), t.percent(r.pValue(), 0));
    }

    private static String preTrend(Texts t, JsonNode ind, GapScale scale) {
        JsonNode p = ind.path("pre_trend");
        if (!p.isObject() || !p.path("estimate").isNumber()) return null;
        double lo = p.path("ci_low").asDouble(), hi = p.path("ci_high").asDouble();
        int d = scale.decimals(Math.max(Math.abs(scale.show(lo)), Math.abs(scale.show(hi))));
        return t.format(p.path("drift_found").asBoolean() ? "certainty.pretrend.found" : "certainty.pretrend.ok", t.date(p.path("fake_start").asText()),
            scale.change(t, p.path("estimate").asDouble(), d), scale.range(t, lo, hi, d));
    }

    /** For analysts: the deciding standard error and its ν, the teams and complete weeks, N_eff of N. */
    private static String analysts(Texts t, JsonNode ind, GapScale scale) {
        JsonNode inf = ind.path("inference"), unit = inf.path("unit_level");
        List<String> parts = new ArrayList<>();
        double se = inf.path("se").asDouble(Double.NaN), seCase = inf.path("se_case").asDouble(Double.NaN);
        int d = scale.decimals(Math.abs(scale.show(seCase)));
        parts.add(t.format("certainty.analysts.se", t.get("certainty.by." + ("unit".equals(inf.path("decided_by").asText()) ? "unit" : "case")),
            t.withUnit(t.number(scale.show(se), d + 1), scale.scale().changeUnit()), t.withUnit(t.number(scale.show(seCase), d + 1), scale.scale().changeUnit())));
        parts.add(inf.path("dof").isNumber() ? t.format("certainty.analysts.dof", t.number(inf.path("dof").asDouble(), 1)) : t.get("certainty.analysts.normal"));
        if (unit.isObject()) {
            parts.add(t.format("certainty.analysts.teams", t.count(unit.path("units").path("pilot").asLong()), t.count(unit.path("units").path("control").asLong())));
            parts.add(t.format("certainty.analysts.weeks", t.count(unit.path("complete_weeks").path("pre").asLong()),
                t.count(unit.path("complete_weeks").path("post").asLong())));
        }
        if (inf.path("n_eff").isNumber()) {
            parts.add(t.format("certainty.analysts.neff", t.count(Math.round(inf.path("n_eff").asDouble())), t.count(inf.path("n").asLong()),
                t.term("noun", ind.path("source").asText("cases"))));
        }
        return t.get("certainty.analysts") + " " + String.join(" · ", parts) + ".";
    }
}

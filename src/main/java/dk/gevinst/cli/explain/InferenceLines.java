package dk.gevinst.cli.explain;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.publish.PublishedInference;
import java.util.ArrayList;
import java.util.List;

/**
 * An indicator's published analysis in a few words of the output language (issue 12): the relative
 * interval a reader reads (the published one, never derived here), which uncertainty decided the
 * interval, the teams and weeks behind it with ν, the placebo rank and the pre-trend check. The weekly
 * series behind the dashboard's chart is never printed: it is a chart's data, not a sentence.
 */
final class InferenceLines {
    private InferenceLines() {}

    static List<String> of(JsonNode i, ExplainTexts t) {
        List<String> lines = new ArrayList<>();
        String unit = i.path("unit").asText(null);
        JsonNode rel = i.path("relative_interval");
        // An interval that says nothing on its scale is told once, as the decision interval's "too few data".
        boolean saysNothing = rel.path("too_few_data").asBoolean(false) || i.path("decision_interval").path("too_few_data").asBoolean(false);
        if ("relative".equals(i.path("reads").asText()) && rel.path("ci_low").isNumber() && !saysNothing) {
            lines.add(t.format("inference.relative", t.percent(i.get("relative_effect")),
                t.language().range(t.language().number(rel.path("ci_low").asDouble() * 100, 0), t.language().percent(rel.path("ci_high").asDouble(), 0))));
        }
        if (i.path("withheld").asBoolean()) lines.add(t.get("inference.withheld"));
        JsonNode inf = i.path("inference");
        if (inf.isObject()) {
            List<String> parts = new ArrayList<>();
            parts.add(t.get(decidedKey(inf)));
            if (inf.path("dof").isNumber()) parts.add(t.format("inference.dof", t.language().number(inf.path("dof").asDouble(), 1)));
            JsonNode unitLevel = inf.path("unit_level");
            if (unitLevel.path("units").isObject()) {
                parts.add(t.format("inference.teams", unitLevel.path("units").path("pilot").asInt(), unitLevel.path("units").path("control").asInt()));
            }
            if (unitLevel.path("complete_weeks").isObject()) {
                parts.add(t.format("inference.weeks", unitLevel.path("complete_weeks").path("pre").asInt(), unitLevel.path("complete_weeks").path("post").asInt()));
            }
            lines.add(String.join("; ", parts));
            PublishedInference.Rank rank = PublishedInference.rank(inf);
            if (rank != null) lines.add(t.format("inference.placebo", rank.place(), rank.teams(), t.language().percent(rank.pValue(), 0)));
        }
        JsonNode pre = i.path("pre_trend");
        if (pre.path("estimate").isNumber()) {
            lines.add(t.format(pre.path("drift_found").asBoolean() ? "inference.pretrend.found" : "inference.pretrend.ok", pre.path("fake_start").asText(),
                t.inUnit(pre.get("estimate"), unit), t.interval(pre.get("ci_low"), pre.get("ci_high"), unit)));
        }
        return lines;
    }

    /** Which uncertainty decided, read as the dashboard reads it ({@link PublishedInference}), in the terminal's shorter words. */
    private static String decidedKey(JsonNode inf) {
        PublishedInference.Decider d = PublishedInference.decider(inf);
        return "inference.decided." + d.key() + (d == PublishedInference.Decider.NONE ? "." + PublishedInference.unavailable(inf) : "");
    }
}

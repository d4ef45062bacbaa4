package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code <pilot_id>.html} shows, in the order a steering group reads it: health warnings, the
 * decision and when it will be known, the reasons, what changed and how sure we are, the trends, the
 * business case, the employees' voice, data quality and the history. Built from the published document
 * only; the template (pilot.jte) just lays it out.
 */
public record PilotView(String title, Badge badge, String mainReason, String extend, Progress progress, List<Term> meta,
                        List<HealthItem> health, List<Term> reasons, String error, String confidence, List<IndicatorRow> indicators,
                        List<Term> trends, BusinessView business, List<Term> voice, QualityView quality, boolean narrowing,
                        List<HistoryRow> history, String footnote) {
    /** One night in the decision history; {@code change} is empty when the decision held. */
    public record HistoryRow(String date, Badge badge, String change, boolean changed) {}

    /** {@code narrowing}: the charts have at least two nights of intervals to draw. */
    static PilotView of(Texts t, JsonNode doc, boolean narrowing) {
        String extend = Docs.extendLine(t, doc);
        List<Term> reasons = new ArrayList<>();
        for (JsonNode r : doc.path("reasons")) reasons.add(new Term(r.path("code").asText(), r.path(t.language().code()).asText()));
        List<IndicatorRow> indicators = new ArrayList<>();
        List<Term> trends = new ArrayList<>();
        for (String role : IndicatorRow.ROLES) {
            for (JsonNode ind : doc.path("indicators")) {
                if (!role.equals(ind.path("role").asText())) continue;
                IndicatorRow row = IndicatorRow.of(t, doc, ind);
                indicators.add(row);
                String unit = ChangeScale.of(t, ind).levelUnit();
                trends.add(new Term(row.id(), row.label() + " (" + row.roleLabel() + ")" + (unit.isEmpty() ? "" : ", " + unit)));
            }
        }
        String confidence = doc.path("alpha").isNumber() ? t.format("section.effects.confidence", t.language().level(doc.path("alpha").asDouble())) : "";
        return new PilotView(Docs.title(doc), Badge.of(t, doc.path("decision").textValue(), true), Docs.mainReason(t, doc), extend,
            Progress.of(t, doc), meta(t, doc), HealthItem.of(t, doc), reasons, doc.path("error").asText(null), confidence, indicators, trends,
            BusinessView.of(t, doc), voice(t, doc), QualityView.of(t, doc), narrowing, history(t, doc), footnote(t, doc));
    }

    static List<Term> meta(Texts t, JsonNode doc) {
        List<Term> m = plan(t, doc);
        if (m.isEmpty()) return m;
        m.add(new Term(t.get("pilot.arms.pilot"), join(doc.path("arms").path("pilot"))));
        if (doc.path("arms").path("control").size() > 0) m.add(new Term(t.get("pilot.arms.control"), join(doc.path("arms").path("control"))));
        if (dk.gevinst.text.DeploymentOptions.chosen(doc.path("deployment").asText(dk.gevinst.text.DeploymentOptions.DEFAULT),
                doc.path("business_case").isObject())) {
            m.add(new Term(t.get("pilot.deployment"), t.option(doc.path("deployment").asText())));
        }
        m.add(new Term(t.get("col.analysis"), t.get("analysis." + doc.path("analysis").asText("none"))));
        m.add(new Term(t.get("pilot.through"), t.date(Docs.dataThrough(doc))));
        return m;
    }

    /** Owner, period and baseline: what every spec, pilot or comparison, plans; empty without a valid spec. */
    static List<Term> plan(Texts t, JsonNode doc) {
        List<Term> m = new ArrayList<>();
        if (!doc.path("title").isTextual()) return m;
        String owner = doc.path("owner").asText("").strip();
        m.add(new Term(t.get("pilot.owner"), owner.isEmpty() ? t.get("pilot.owner.none") : owner));
        m.add(new Term(t.get("pilot.period"), t.date(doc.path("start").asText()) + " – " + t.date(doc.path("end").asText())));
        if (doc.path("baseline_start").isTextual()) m.add(new Term(t.get("pilot.baseline"), t.date(doc.path("baseline_start").asText())));
        return m;
    }

    static String join(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return String.join(", ", names);
    }

    /** The employees' voice from the pilot units after the start; "færre end 5" where the cell is suppressed. */
    private static List<Term> voice(Texts t, JsonNode doc) {
        List<Term> items = new ArrayList<>();
        for (JsonNode ind : doc.path("indicators")) {
            JsonNode post = ind.path("cells").path("pilot_post");
            String id = ind.path("id").asText();
            boolean suppressed = post.path("suppressed").asBoolean() || (post.path("n").asLong() > 0 && post.path("n").asLong() < 5);
            String n = t.count(post.path("n").asLong());
            if ("sus".equals(id) && (suppressed || post.path("n").asLong() > 0)) {
                items.add(new Term(t.get("voice.sus"), suppressed ? t.get("suppressed") : t.format("voice.sus.value", t.number(post.path("mean").asDouble(), 0), n)));
            } else if ("core_task_score".equals(id) && (suppressed || post.path("n").asLong() > 0)) {
                items.add(new Term(t.get("voice.core"), suppressed ? t.get("suppressed") : t.format("voice.core.value", t.number(post.path("mean").asDouble(), 1), n)));
            } else if ("preference".equals(id) && ind.path("share").isObject()) {
                JsonNode s = ind.path("share");
                items.add(new Term(t.get("voice.preference"), s.path("suppressed").asBoolean() ? t.get("suppressed")
                    : t.format("voice.preference.value", t.percent(s.path("estimate").asDouble(), 0),
                        t.range(t.number(s.path("ci_low").asDouble() * 100, 0), t.percent(s.path("ci_high").asDouble(), 0)), t.count(s.path("n").asLong()))));
            }
        }
        return items;
    }

    private static List<HistoryRow> history(Texts t, JsonNode doc) {
        List<HistoryRow> rows = new ArrayList<>();
        JsonNode h = doc.path("history");
        for (int i = h.size() - 1; i >= 0; i--) {
            JsonNode e = h.get(i);
            String d = e.path("decision").isTextual() ? e.path("decision").asText() : "ERROR";
            String before = i == 0 ? null : h.get(i - 1).path("decision").isTextual() ? h.get(i - 1).path("decision").asText() : "ERROR";
            boolean changed = before != null && !before.equals(d);
            rows.add(new HistoryRow(t.date(e.path("as_of").asText()), Badge.of(t, d, false),
                changed ? t.format("history.changed", t.get("decision." + before)) : "", changed));
        }
        return rows;
    }

    /** For analysts: the sequential method, the frozen final analysis and the level each deciding indicator used. */
    private static String footnote(Texts t, JsonNode doc) {
        if (!doc.path("alpha").isNumber()) return null;
        List<String> levels = new ArrayList<>();
        for (JsonNode ind : doc.path("indicators")) {
            double[] ci = IndicatorRow.interval(ind);
            String role = ind.path("role").asText();
            if (ci == null || !("success".equals(role) || "guardrail".equals(role))) continue;
            levels.add(ind.path("label").path(t.language().code()).asText() + " " + t.language().level(ci[2]));
        }
        return t.format("footnote.analysts", t.number(doc.path("alpha").asDouble(), 2), levels.isEmpty() ? "–" : String.join(", ", levels));
    }
}

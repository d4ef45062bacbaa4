package dk.gevinst.cli.explain;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.text.Language;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why a pilot's decision is what it is, as lines for a terminal or an e-mail: the rule's steps, the
 * reasons, each indicator, the business case, data health and what changed since the night before.
 * Only published values are shown. Fields this version does not know are printed as they are, so a
 * newer decision document never breaks an explanation.
 */
public final class Explanation {
    /** Indicator fields rendered above; every other field is printed generically. */
    private static final Set<String> INDICATOR_FIELDS = Set.of("id", "role", "direction", "source", "unit", "label", "design", "cells",
        "effect", "se", "dof", "counterfactual", "relative_effect", "n", "sequential", "fixed", "decision_interval", "mde_abs",
        "margin", "verdict", "share", "trend", "analysis", "reads", "relative_interval", "withheld", "inference", "pre_trend", "case_mix");
    /** Document fields rendered in a section; every other field is printed under "other published fields". */
    private static final Set<String> DOCUMENT_FIELDS = Set.of("schema_version", "pilot_id", "status", "error", "as_of", "file", "title",
        "owner", "deployment", "start", "end", "baseline_start", "ramp_up_days", "arms", "alpha", "analysis", "decision", "extend_weeks",
        "reasons", "indicators", "comparison", "business_case", "data_quality", "history", "run_id", "health", "kept_from", "data_basis",
        "data_through", "evaluated_tonight", "partial_data", "stale_data", "previous");
    private static final Set<String> HEALTH_FIELDS = Set.of("sources", "rejected_files", "cpr_masked", "freshness");
    private static final String INDENT = "  ";

    private final ExplainTexts t;
    private final List<String> out = new ArrayList<>();

    private Explanation(Language language) {
        this.t = new ExplainTexts(language);
    }

    public static List<String> lines(PublishedNight night, Language language) {
        Explanation e = new Explanation(language);
        e.render(night);
        return e.out;
    }

    static String label(JsonNode indicator, ExplainTexts t) {
        String l = indicator.path("label").path(t.language().code()).asText("");
        return l.isEmpty() ? indicator.path("id").asText() : l;
    }

    /** The label of the document's indicator with this id (a comparison's contrasts name theirs by id only), or the id. */
    static String labelOf(JsonNode indicators, String id, ExplainTexts t) {
        for (JsonNode i : indicators) if (id.equals(i.path("id").asText())) return label(i, t);
        return id;
    }

    private void render(PublishedNight night) {
        JsonNode doc = night.doc();
        header(doc);
        out.add(night.complete() ? t.format("source", night.from()) : t.format("source.tables", night.from(), night.latest()));
        rule(doc);
        section("section.reasons");
        for (JsonNode r : doc.path("reasons")) out.add(INDENT + "- " + r.path(t.language().code()).asText(r.path("code").asText()));
        if (doc.path("comparison").isObject()) {
            section("section.comparison");
            ComparisonLines.of(doc.path("comparison"), t, doc.path("indicators")).forEach(l -> out.add(INDENT + l));
        }
        section("section.indicators");
        for (JsonNode i : doc.path("indicators")) indicator(i, doc.path("evaluated_tonight").asBoolean(false));
        if (night.complete()) {
            // A comparison's business cases are its candidates', told with them above.
            if (!doc.path("comparison").isObject()) {
                section("section.business");
                business(doc.path("business_case"), doc.path("decision").isTextual());
            }
            section("section.health");
            flags(doc.path("health"));
            health(doc.path("data_quality"));
        }
        section("section.changes");
        changes(doc, night.previous(), night.manifest());
        other(doc);
    }

    private void header(JsonNode doc) {
        String id = doc.path("pilot_id").asText();
        if (doc.path("decision").isNull() || doc.path("decision").isMissingNode()) {
            out.add(t.format("error".equals(doc.path("status").asText()) ? "header.error" : "header.none", id, doc.path("as_of").asText()));
        } else {
            out.add(t.format("header", doc.path("title").asText(id), id, doc.path("decision").asText(), doc.path("as_of").asText()));
        }
        if (doc.path("kept_from").path("as_of").isTextual()) out.add(t.format("kept", doc.path("kept_from").path("as_of").asText()));
        if (doc.hasNonNull("owner")) {
            String analysis = doc.path("analysis").isTextual() ? t.get("analysis." + doc.path("analysis").asText()) : "–";
            // A comparison has no deployment of its own: each candidate names its options.
            // owner is optional and published empty when the spec names none: then the line starts with 'Pilot'.
            String owner = doc.path("owner").asText().isBlank() ? "" : t.format("owner.named", doc.path("owner").asText());
            if (doc.path("comparison").isObject() || !doc.path("deployment").isTextual()) {
                out.add(owner + t.format("owner.comparison", doc.path("start").asText(), doc.path("end").asText(), analysis));
            } else if (!dk.gevinst.text.DeploymentOptions.chosen(doc.path("deployment").asText(), doc.path("business_case").isObject())) {
                out.add(owner + t.format("owner.nodeployment", doc.path("start").asText(), doc.path("end").asText(), analysis));
            } else {
                out.add(owner + t.format("owner", doc.path("start").asText(), doc.path("end").asText(),
                    dk.gevinst.text.DeploymentOptions.name(doc.path("deployment").asText(), t.language()), analysis));
            }
        }
        dataBasis(doc);
    }

    /** How far the data reach, whether any source was missing or stale, and the units and observations per source. */
    private void dataBasis(JsonNode doc) {
        if (doc.path("data_through").isTextual()) out.add(t.format("data.through", doc.path("data_through").asText()));
        List<String> flags = new ArrayList<>();
        if (doc.path("partial_data").asBoolean()) flags.add(t.get("data.partial"));
        if (doc.path("stale_data").asBoolean()) flags.add(t.get("data.stale"));
        if (!flags.isEmpty()) out.add(t.format("data.flags", String.join(", ", flags)));
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("data_basis").fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode pilot = e.getValue().path("pilot"), control = e.getValue().path("control");
            out.add(t.format("data.basis", t.get("sourcename." + e.getKey()), pilot.path("units").size(), count(pilot.get("observations")),
                control.path("units").size(), count(control.get("observations"))));
        }
    }

    private void rule(JsonNode doc) {
        section("section.rule");
        // A night that did not decide (a broken spec, a failed evaluation, stale data) applied no step; its first reason says why.
        if (doc.path("status").isTextual() && !"ok".equals(doc.path("status").asText())) {
            out.add(INDENT + t.format("step.error", doc.path("reasons").path(0).path(t.language().code()).asText(doc.path("error").asText())));
            return;
        }
        // A comparison's rule is its own (drop-outs, core task, preference, NPV, nothing separates), then the buying gate.
        if (doc.path("comparison").isObject()) {
            ComparisonSteps.lines(doc, t).forEach(l -> out.add(INDENT + l));
            return;
        }
        RuleSteps.Step decided = RuleSteps.decidedBy(doc);
        if (decided == null) {
            out.add(INDENT + t.format("step.unknown", doc.path("decision").asText(), doc.path("reasons").path(0).path("code").asText()));
        }
        for (RuleSteps.Line l : RuleSteps.lines(decided)) {
            String evidence = RuleSteps.evidence(l.step(), doc, t);
            out.add(INDENT + l.step().number() + ". " + t.get("step." + l.step().number()) + " ... "
                + t.get("state." + l.state().name().toLowerCase()) + (evidence.isEmpty() ? "" : " [" + evidence + "]"));
        }
    }

    private void indicator(JsonNode i, boolean evaluatedTonight) {
        String unit = i.path("unit").asText(null);
        out.add(INDENT + t.format("indicator.head", label(i, t), t.get("role." + i.path("role").asText()),
            t.get("direction." + i.path("direction").asText()), t.get("design." + i.path("design").asText())));
        List<String> parts = new ArrayList<>();
        parts.add(i.path("effect").isNumber()
            ? t.format("indicator.effect", t.inUnit(i.get("effect"), unit), t.percent(i.get("relative_effect")), t.level(i.get("counterfactual"), unit))
            : t.get("indicator.effect.absent"));
        if (i.path("n").isNumber()) parts.add(t.format("indicator.n", t.language().number(i.path("n").asDouble(), 0)));
        out.add(INDENT + INDENT + String.join("; ", parts));
        boolean hasDecisionInterval = i.path("decision_interval").isObject();
        for (String kind : hasDecisionInterval ? List.of("decision_interval") : List.of("sequential", "fixed")) {
            JsonNode iv = i.path(kind);
            if (!iv.isObject()) continue;
            String level = t.confidence(iv.get("alpha"));
            out.add(INDENT + INDENT + t.format("indicator.interval", t.get("indicator.interval.kind." + kind.replace("_interval", "")),
                iv.path("too_few_data").asBoolean(false) ? t.get("indicator.interval.toofew")
                    : (level.isEmpty() ? "" : level + " ") + t.interval(iv.get("ci_low"), iv.get("ci_high"), unit)));
        }
        if (i.path("fixed").path("frozen_on").isTextual()) {
            // Tonight's verdict comes from the analysis published (Verdicts.pick): when that is the sequential one, it still moves.
            String key = "sequential".equals(i.path("analysis").asText()) ? "indicator.frozen.sequential" : "indicator.frozen";
            out.add(INDENT + INDENT + t.format(key, i.path("fixed").path("frozen_on").asText(), i.path("fixed").path("through").asText("–")));
        } else if (i.path("fixed").path("through").isTextual() && evaluatedTonight) {
            // Made tonight but not kept: its data are not complete yet (FreezeReadiness), so later data still enter. An
            // earlier night read from the tables, or a kept decision, does not say, so nothing is claimed for them.
            out.add(INDENT + INDENT + t.format("indicator.notfrozen", i.path("fixed").path("through").asText("–")));
        }
        List<String> tail = new ArrayList<>();
        if (i.path("mde_abs").isNumber()) tail.add(t.format("indicator.mde", t.inUnit(i.get("mde_abs"), unit)));
        if (i.path("margin").isNumber()) tail.add(t.format("indicator.margin", t.inUnit(i.get("margin"), unit)));
        tail.add(t.format("indicator.verdict", t.get("verdict." + i.path("verdict").asText())));
        out.add(INDENT + INDENT + String.join("; ", tail));
        for (String line : InferenceLines.of(i, t)) out.add(INDENT + INDENT + line);
        JsonNode unadjusted = i.path("case_mix").path("unadjusted");
        if (i.path("case_mix").path("adjusted").asBoolean() && unadjusted.path("effect").isNumber()) {
            out.add(INDENT + INDENT + t.format("indicator.casemix", t.inUnit(unadjusted.get("effect"), unit),
                t.interval(unadjusted.get("ci_low"), unadjusted.get("ci_high"), unit)));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = i.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!INDICATOR_FIELDS.contains(e.getKey())) generic(INDENT + INDENT, e.getKey(), e.getValue());
        }
    }

    private void business(JsonNode b, boolean decided) {
        if (!b.isObject()) {
            // Costs that have not arrived give a business case with costs_known false; a decision without any is the spec's
            // choice, as the rule steps read it. A stranger followed 'no costs in the data' to a costs export never needed.
            out.add(INDENT + t.get(decided ? "business.none.spec" : "business.none"));
            return;
        }
        out.add(INDENT + t.format("business.best", t.option(b.path("best_option").asText()), t.number(b.get("hours_saved_per_year")),
            t.language().range(t.number(b.get("hours_saved_low")), t.number(b.get("hours_saved_high"))), t.dkk(b.get("benefit_per_year_dkk"))));
        if (!b.path("costs_known").asBoolean(true)) out.add(INDENT + t.get("business.costs_unknown"));
        for (JsonNode o : b.path("options")) {
            String payback = o.path("payback_years").isNumber()
                ? t.format("business.payback.years", t.number(o.get("payback_years"))) : t.get("business.payback.none");
            out.add(INDENT + INDENT + t.format("business.option", t.option(o.path("option").asText()), t.dkk(o.get("one_off_dkk")), t.dkk(o.get("yearly_dkk")),
                t.dkk(o.get("npv_dkk")), t.language().range(t.dkk(o.get("npv_low_dkk")), t.dkk(o.get("npv_high_dkk"))), payback));
        }
    }

    /** The document's health flags, errors first, as the page banner shows them. */
    private void flags(JsonNode health) {
        List<JsonNode> sorted = new ArrayList<>();
        health.forEach(sorted::add);
        sorted.sort(java.util.Comparator.comparing(f -> !"error".equals(f.path("severity").asText())));
        for (JsonNode f : sorted) {
            String severity = "error".equals(f.path("severity").asText()) ? "error" : "warning";
            out.add(INDENT + t.format("health.flag", t.get("health.severity." + severity),
                f.path("text_" + t.language().code()).asText(f.path("text_en").asText(f.path("code").asText()))));
        }
    }

    private void health(JsonNode q) {
        for (Iterator<Map.Entry<String, JsonNode>> it = q.path("sources").fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode s = e.getValue();
            List<String> reasons = new ArrayList<>();
            s.path("by_reason").fields().forEachRemaining(r -> reasons.add(r.getKey() + " " + r.getValue().asText()));
            out.add(INDENT + t.format("health.source", e.getKey(), s.path("files").asInt(), count(s.get("rows_read")), count(s.get("rows_accepted")),
                count(s.get("rows_quarantined")), reasons.isEmpty() ? "" : t.format("health.reasons", String.join(", ", reasons))));
        }
        if (q.path("rejected_files").isEmpty()) out.add(INDENT + t.get("health.rejected.none"));
        for (JsonNode r : q.path("rejected_files")) {
            out.add(INDENT + t.format("health.rejected", r.path("path").asText(r.toString()), r.path("message").asText("")));
        }
        if (q.path("cpr_masked").size() > 0) out.add(INDENT + t.format("health.cpr", pairs(q.path("cpr_masked"))));
        if (q.path("freshness").size() > 0) out.add(INDENT + t.format("health.freshness", pairs(q.path("freshness"))));
        for (Iterator<Map.Entry<String, JsonNode>> it = q.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!HEALTH_FIELDS.contains(e.getKey())) generic(INDENT, e.getKey(), e.getValue());
        }
    }

    private void changes(JsonNode doc, JsonNode previous, JsonNode manifest) {
        boolean changed = false;
        if (previous == null) {
            out.add(INDENT + t.get("changes.first"));
        } else {
            String before = previous.path("decision").asText("–");
            String beforeReason = reason(previous);
            String now = doc.path("decision").asText("–");
            String nowReason = reason(doc);
            changed = !before.equals(now) || !beforeReason.equals(nowReason);
            // A comparison's own indicators pool every candidate against the control: its changes are the candidates'
            // (a document from before they were kept has none, and shows its indicators as before).
            List<String> candidates = doc.path("comparison").isObject() ? ComparisonLines.changes(doc, previous, t) : List.of();
            boolean moved = !candidates.isEmpty() && !candidates.get(0).equals(t.get("changes.candidates.same"));
            String key = changed ? (before.equals(now) ? "changes.decision.reason" : "changes.decision.changed")
                : moved ? "changes.decision.same.candidates" : "changes.decision.same";
            out.add(INDENT + t.format(key, previous.path("as_of").asText(), before, beforeReason, now, nowReason));
            if (!candidates.isEmpty()) candidates.forEach(l -> out.add(INDENT + INDENT + l));
            else indicatorChanges(doc, previous);
        }
        if (manifest == null) {
            out.add(INDENT + t.format("changes.no_manifest", doc.path("as_of").asText()));
            return;
        }
        List<String> read = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = manifest.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode s = e.getValue();
            if (s.isObject() && s.path("rows_read").asLong() > 0) {
                read.add(t.format("changes.data.source", e.getKey(), count(s.get("rows_read")), s.path("files").size()));
            }
        }
        String runId = manifest.path("run_id").asText();
        // Only a change between two decisions made on their nights is explained here: an unchanged decision did not
        // move, a kept one (a broken spec, a failed evaluation, stale data) has its reason first already, and after
        // a kept one the change is its recovery. Status ok is a decision made that night, in a whole document and in
        // the tables' rows an earlier night is read from (which have no evaluated_tonight).
        String none = changed && decided(doc) && decided(previous) ? "changes.data.none.changed" : "changes.data.none";
        out.add(INDENT + (read.isEmpty() ? t.format(none, runId) : t.format("changes.data", runId, String.join(", ", read))));
        // A withdrawn file changes what every later night rests on; the manifest names it (removed_files). One the
        // pilot's files_withdrawn flag names is told under data health already.
        java.util.Set<String> flagged = new java.util.HashSet<>();
        for (JsonNode f : doc.path("health")) {
            if ("files_withdrawn".equals(f.path("code").asText())) for (JsonNode file : f.path("files")) flagged.add(file.path("path").asText());
        }
        for (JsonNode r : manifest.path("removed_files")) {
            if (flagged.contains(r.path("path").asText())) continue;
            out.add(INDENT + t.format("changes.removed", r.path("path").asText("–"), t.get("sourcename." + r.path("source").asText())));
        }
    }

    /** The main reason in a few words of the output language ("reason.<code>"); a code this version does not know as itself. */
    private String reason(JsonNode doc) {
        return t.get("reason." + doc.path("reasons").path(0).path("code").asText("–"));
    }

    private static boolean decided(JsonNode doc) {
        return "ok".equals(doc.path("status").asText());
    }

    private void indicatorChanges(JsonNode doc, JsonNode previous) {
        if (!previous.path("indicators").isArray()) {
            out.add(INDENT + t.get("changes.indicators.none"));
            return;
        }
        Map<String, JsonNode> before = new HashMap<>();
        for (JsonNode i : previous.path("indicators")) before.put(i.path("id").asText(), i);
        for (JsonNode i : doc.path("indicators")) {
            String role = i.path("role").asText();
            JsonNode b = before.get(i.path("id").asText());
            if (b == null || !(role.equals("success") || role.equals("guardrail"))) continue;
            String was = b.path("verdict").asText("–");
            String is = i.path("verdict").asText("–");
            // The interval each night decided on (decision_interval: a whole document has it, and the tables' rows an
            // earlier night is read from too): the verdict beside it was read off it. A frozen final analysis decides
            // on its fixed interval, which the sequential one beside it would contradict. Documents from before
            // decision_interval compare their sequential intervals, like with like.
            boolean decisionIntervals = b.path("decision_interval").isObject() && i.path("decision_interval").isObject();
            JsonNode bs = b.path(decisionIntervals ? "decision_interval" : "sequential");
            JsonNode ns = i.path(decisionIntervals ? "decision_interval" : "sequential");
            String unit = i.path("unit").asText(null);
            String interval = bs.isObject() && ns.isObject()
                ? t.format("changes.interval", t.interval(bs.get("ci_low"), bs.get("ci_high"), unit), t.interval(ns.get("ci_low"), ns.get("ci_high"), unit)) : "";
            out.add(INDENT + INDENT + t.format("changes.indicator", label(i, t), t.get("verdict." + was), t.get("verdict." + is),
                was.equals(is) ? "" : t.get("changes.indicator.changed")) + interval);
        }
    }

    private void other(JsonNode doc) {
        List<Map.Entry<String, JsonNode>> unknown = new ArrayList<>();
        doc.fields().forEachRemaining(e -> {
            if (!DOCUMENT_FIELDS.contains(e.getKey())) unknown.add(e);
        });
        if (unknown.isEmpty()) return;
        section("section.other");
        unknown.forEach(e -> generic(INDENT, e.getKey(), e.getValue()));
    }

    /** A field this version does not know: objects key by key, everything else as its JSON text. */
    private void generic(String indent, String name, JsonNode value) {
        if (value.isObject()) {
            out.add(indent + name + ":");
            value.fields().forEachRemaining(e -> out.add(indent + INDENT + t.format("other.field", e.getKey(), text(e.getValue()))));
        } else {
            out.add(indent + t.format("other.field", name, text(value)));
        }
    }

    private static String text(JsonNode v) {
        return v.isTextual() ? v.asText() : v.toString();
    }

    private String count(JsonNode n) {
        return n == null || !n.isNumber() ? "–" : t.language().number(n.asDouble(), 0);
    }

    private String pairs(JsonNode o) {
        List<String> p = new ArrayList<>();
        o.fields().forEachRemaining(e -> p.add(e.getKey() + " " + text(e.getValue())));
        return String.join(", ", p);
    }

    private void section(String key) {
        out.add("");
        out.add(t.get(key));
    }
}

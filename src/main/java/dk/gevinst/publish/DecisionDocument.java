package dk.gevinst.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.business.BusinessCaseResult;
import dk.gevinst.business.OptionValue;
import dk.gevinst.cells.Arm;
import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.Period;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.decision.IndicatorResult;
import dk.gevinst.decision.PilotEvaluation;
import dk.gevinst.decision.Reason;
import dk.gevinst.privacy.CellSuppression;
import dk.gevinst.privacy.SmallCells;
import dk.gevinst.stats.Moments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The published decision of one pilot, {@code OUT/decisions/<pilot_id>.json}, as described by
 * docs/decision.schema.json. Cells and trend points of cases, surveys or usage are suppressed as
 * {@link CellSuppression} decides for every output (fewer than 5, or recoverable by subtraction); the
 * decision itself still used them.
 */
public final class DecisionDocument {
    public static final String SCHEMA_VERSION = "1.0";

    private DecisionDocument() {}

    /** A night's published decision, for the history and "changed since the last run". */
    public record HistoryEntry(String asOf, String decision, String reasonCode, List<HistoryInterval> intervals) {
        public HistoryEntry {
            intervals = intervals == null ? List.of() : List.copyOf(intervals);
        }

        public HistoryEntry(String asOf, String decision, String reasonCode) {
            this(asOf, decision, reasonCode, List.of());
        }
    }

    /** The interval a night's decision used for one deciding indicator, with its estimate and the level without the pilot. */
    public record HistoryInterval(String indicator, Double effect, double ciLow, double ciHigh, double alpha, Double counterfactual,
                                  Double relativeEffect, Double relativeCiLow, Double relativeCiHigh) {}

    public static ObjectNode build(PilotEvaluation e, ObjectNode dataQuality, List<HistoryEntry> history) {
        return build(e, dataQuality, history, List.of());
    }

    public static ObjectNode build(PilotEvaluation e, ObjectNode dataQuality, List<HistoryEntry> history, List<HealthFlag> health) {
        return build(e, dataQuality, history, health, PilotCells.of(e));
    }

    /** @param cells the evaluation's cells with their suppression, shared with the night's cell_stats ({@link PilotCells#of}) */
    public static ObjectNode build(PilotEvaluation e, ObjectNode dataQuality, List<HistoryEntry> history, List<HealthFlag> health, PilotCells cells) {
        if (cells.evaluation() != e) throw new IllegalArgumentException("the cells of pilot " + cells.evaluation().pilotId() + " are not this evaluation's");
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("pilot_id", e.pilotId());
        root.put("status", e.ok() ? "ok" : "error");
        root.put("as_of", e.asOf().toString());
        root.put("file", e.file());
        PilotSpec s = e.spec();
        if (s != null) {
            root.put("title", s.title());
            root.put("owner", s.owner());
            // A comparison's candidates each name their own deployment options (comparison.candidates[].options).
            if (!s.isComparison()) root.put("deployment", s.deployment());
            root.put("start", s.start().toString());
            root.put("end", s.end().toString());
            root.put("baseline_start", s.baselineStart() == null ? null : s.baselineStart().toString());
            root.put("ramp_up_days", s.rampUpDays());
            ObjectNode arms = root.putObject("arms");
            s.pilotUnits().forEach(arms.putArray("pilot")::add);
            s.controlUnits().forEach(arms.putArray("control")::add);
            root.put("alpha", s.decision().alpha());
        } else {
            root.putNull("title");
        }
        root.put("analysis", e.analysis());
        root.put("decision", e.decision().outcome() == null ? null : e.decision().outcome().name());
        if (e.decision().extendWeeks() == null) root.putNull("extend_weeks");
        else root.put("extend_weeks", e.decision().extendWeeks());
        if (e.error() != null) root.put("error", e.error());
        ArrayNode reasons = root.putArray("reasons");
        for (Reason r : e.decision().reasons()) {
            reasons.addObject().put("code", r.code()).put("indicator", r.indicator()).put("da", r.da()).put("en", r.en());
        }
        ArrayNode indicators = root.putArray("indicators");
        for (IndicatorResult r : e.indicators()) {
            ObjectNode o = indicator(r, cells.cells(r.id()), cells.suppression(r.id()));
            var caseMix = e.caseMixOf(r.id());
            if (caseMix != null) o.set("case_mix", CaseMixJson.of(caseMix));
            indicators.add(o);
        }
        // A comparison's business cases are its candidates' (comparison.candidates[].business_case); one for all of
        // them together, at the spec's own costs, would contradict the comparison's reasons.
        root.set("business_case", s != null && s.isComparison() ? null : business(e.businessCase()));
        if (e.comparison() != null) root.set("comparison", ComparisonJson.of(e.comparison()));
        root.set("data_quality", dataQuality);
        String through = dataThrough(dataQuality);
        if (through == null) root.putNull("data_through");
        else root.put("data_through", through);
        if (s != null) root.set("data_basis", dataBasis(e));
        List<HealthFlag> flags = new java.util.ArrayList<>(health);
        flags.addAll(InferenceHealth.flags(e));
        root.set("health", health(flags));
        root.set("history", history(history));
        return root;
    }

    /** The {@code health} list: every flag with its texts and details. */
    public static ArrayNode health(List<HealthFlag> flags) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (HealthFlag f : flags) out.add(f.toJson());
        return out;
    }

    /**
     * The {@code previous} block: the night and decision of the publication this run replaces (an earlier run of
     * the same night, or an earlier night), so "what changed" compares with what people saw last; null when no
     * publication held the pilot. A previous document without a decision (an error) reads "ERROR". No run id: a
     * third run of a night publishes what the second did, byte for byte.
     */
    public static ObjectNode previous(JsonNode before) {
        if (before == null) return null;
        ObjectNode o = Json.MAPPER.createObjectNode().put("as_of", before.path("as_of").asText());
        o.put("decision", before.path("decision").isTextual() ? before.path("decision").asText() : "ERROR");
        // A comparison's leader and drop-outs, so a night can say which candidate left or came back, not only the decision.
        JsonNode c = before.path("comparison");
        if (c.isObject()) {
            o.set("leading", c.path("leading").isTextual() ? c.get("leading") : null);
            o.set("decided_by", c.path("decided_by").isTextual() ? c.get("decided_by") : null);
            ObjectNode dropped = o.putObject("dropped_out");
            for (JsonNode k : c.path("candidates")) if (k.path("dropped_by").isTextual()) dropped.set(k.path("id").asText(), k.get("dropped_by"));
        }
        return o;
    }

    /** The {@code history} list: each night's decision, main reason and, where it had them, its decision intervals. */
    public static ArrayNode history(List<HistoryEntry> history) {
        ArrayNode h = Json.MAPPER.createArrayNode();
        for (HistoryEntry entry : history) {
            ObjectNode o = h.addObject().put("as_of", entry.asOf()).put("decision", entry.decision()).put("reason", entry.reasonCode());
            if (entry.intervals().isEmpty()) continue;
            ArrayNode intervals = o.putArray("intervals");
            for (HistoryInterval i : entry.intervals()) {
                ObjectNode x = intervals.addObject().put("indicator", i.indicator());
                Json.put(x, "effect", i.effect());
                Json.put(x, "ci_low", i.ciLow());
                Json.put(x, "ci_high", i.ciHigh());
                x.put("alpha", i.alpha());
                Json.put(x, "counterfactual", i.counterfactual());
                Json.put(x, "relative_effect", i.relativeEffect());
                Json.put(x, "relative_ci_low", i.relativeCiLow());
                Json.put(x, "relative_ci_high", i.relativeCiHigh());
            }
        }
        return h;
    }

    /** The newest day any of the pilot's sources has data for (from the freshness block); null without data. */
    private static String dataThrough(ObjectNode dataQuality) {
        String newest = null;
        if (dataQuality == null) return null;
        for (JsonNode day : dataQuality.path("freshness")) {
            if (day.isTextual() && (newest == null || day.asText().compareTo(newest) > 0)) newest = day.asText();
        }
        return newest;
    }

    /**
     * What this pilot's evidence rests on, per source it uses: the units of each arm and how many
     * observations the analysis used from them (the largest count among the pilot's indicators from that
     * source). Counts from 1 to 4 are published as suppressed.
     */
    private static ObjectNode dataBasis(PilotEvaluation e) {
        Map<String, long[]> bySource = new java.util.TreeMap<>();
        for (IndicatorResult r : e.indicators()) {
            var c = r.cells();
            long[] arms = bySource.computeIfAbsent(r.indicator().definition().source().folder(), k -> new long[2]);
            arms[0] = Math.max(arms[0], c.pilotPre().n() + c.pilotPost().n());
            arms[1] = Math.max(arms[1], c.controlPre().n() + c.controlPost().n());
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        bySource.forEach((source, arms) -> {
            ObjectNode o = out.putObject(source);
            observations(o.putObject("pilot"), e.spec().pilotUnits(), arms[0]);
            observations(o.putObject("control"), e.spec().controlUnits(), arms[1]);
        });
        return out;
    }

    private static void observations(ObjectNode arm, List<String> units, long n) {
        units.forEach(arm.putArray("units")::add);
        if (SmallCells.primary(n)) arm.put("suppressed", true).putNull("observations");
        else arm.put("observations", n);
    }

    private static ObjectNode indicator(IndicatorResult r, List<CellStats> mine, CellSuppression hide) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        var def = r.indicator().definition();
        o.put("id", r.id());
        o.put("role", r.indicator().role().key());
        o.put("direction", def.direction().key());
        o.put("source", def.source().folder());
        o.put("unit", def.unit());
        o.putObject("label").put("da", def.label("da")).put("en", def.label("en"));
        o.put("design", r.design().key());
        ObjectNode cells = o.putObject("cells");
        var pc = r.cells();
        List<Moments> four = List.of(pc.pilotPre(), pc.pilotPost(), pc.controlPre(), pc.controlPost());
        String[] names = {"pilot_pre", "pilot_post", "control_pre", "control_post"};
        for (int i = 0; i < 4; i++) {
            cells.set(names[i], cell(four.get(i), hide.armPeriod(i < 2 ? Arm.PILOT : Arm.CONTROL, i % 2 == 0 ? Period.PRE : Period.POST)));
        }
        Json.put(o, "effect", r.effect());
        Json.put(o, "se", r.standardError());
        Json.put(o, "dof", r.dof());
        Json.put(o, "counterfactual", r.counterfactual());
        Json.put(o, "relative_effect", r.relativeEffect());
        o.put("n", r.n());
        InferenceJson.put(o, r, hide);
        Json.put(o, "mde_abs", r.mdeAbs());
        Json.put(o, "margin", r.marginAbs());
        o.put("verdict", r.verdict().key());
        if (r.share() != null && hide.armPeriod(Arm.PILOT, Period.POST)) {
            o.putObject("share").put("suppressed", true);
        } else if (r.share() != null) {
            ObjectNode share = o.putObject("share");
            Json.put(share, "estimate", pc.pilotPost().mean());
            Json.put(share, "ci_low", r.share().low());
            Json.put(share, "ci_high", r.share().high());
            share.put("n", pc.pilotPost().n());
        }
        o.set("trend", trend(mine, hide));
        return o;
    }

    private static ObjectNode cell(Moments m, boolean suppressed) {
        ObjectNode c = Json.MAPPER.createObjectNode();
        if (suppressed) return c.put("suppressed", true);
        c.put("n", m.n());
        Json.put(c, "mean", m.mean());
        Json.put(c, "variance", m.variance());
        return c;
    }

    /** Weekly means per arm, for the trend chart; weeks hidden as {@link CellSuppression} decides for every output. */
    private static ArrayNode trend(List<CellStats> mine, CellSuppression hide) {
        Map<java.time.LocalDate, Moments> pilot = dk.gevinst.cells.CellTable.weekly(mine, Arm.PILOT);
        Map<java.time.LocalDate, Moments> control = dk.gevinst.cells.CellTable.weekly(mine, Arm.CONTROL);
        java.util.TreeSet<java.time.LocalDate> weeks = new java.util.TreeSet<>(pilot.keySet());
        weeks.addAll(control.keySet());
        List<java.time.LocalDate> order = new ArrayList<>(weeks);
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (int i = 0; i < order.size(); i++) {
            ObjectNode w = out.addObject().put("week", order.get(i).toString());
            series(w, "pilot", pilot.get(order.get(i)), hide.armWeek(Arm.PILOT, order.get(i)));
            series(w, "control", control.get(order.get(i)), hide.armWeek(Arm.CONTROL, order.get(i)));
        }
        return out;
    }

    private static void series(ObjectNode w, String arm, Moments m, boolean hidden) {
        if (m == null || m.n() == 0) {
            w.putNull(arm + "_mean");
            w.put(arm + "_n", 0);
        } else if (hidden) {
            w.putNull(arm + "_mean");
            w.putNull(arm + "_n");
            w.put(arm + "_suppressed", true);
        } else {
            Json.put(w, arm + "_mean", m.mean());
            w.put(arm + "_n", m.n());
        }
    }

    /** An option's costs and NPV with its interval; the pilot's business case and a comparison's candidates share it. */
    static ObjectNode option(ArrayNode options, OptionValue v) {
        ObjectNode x = options.addObject().put("option", v.option());
        Json.put(x, "one_off_dkk", v.oneOffDkk());
        Json.put(x, "yearly_dkk", v.yearlyDkk());
        Json.put(x, "npv_dkk", v.npvDkk());
        Json.put(x, "npv_low_dkk", v.npvLowDkk());
        Json.put(x, "npv_high_dkk", v.npvHighDkk());
        return x;
    }

    private static ObjectNode business(BusinessCaseResult b) {
        if (b == null) return null;
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("best_option", b.bestOption());
        o.put("costs_known", b.costsKnown());
        Json.put(o, "hours_saved_per_year", b.hoursSavedPerYear());
        Json.put(o, "hours_saved_low", b.hoursSavedLow());
        Json.put(o, "hours_saved_high", b.hoursSavedHigh());
        Json.put(o, "benefit_per_year_dkk", b.benefitPerYearDkk());
        ArrayNode options = o.putArray("options");
        for (OptionValue v : b.options()) {
            ObjectNode x = option(options, v);
            Json.put(x, "payback_years", v.paybackYears());
            ObjectNode curve = x.putObject("cumulative");
            v.cumulativeLow().forEach(curve.putArray("low")::add);
            v.cumulativeLikely().forEach(curve.putArray("likely")::add);
            v.cumulativeHigh().forEach(curve.putArray("high")::add);
        }
        return o;
    }
}

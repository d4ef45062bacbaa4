package dk.gevinst.publish;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.cells.Arm;
import dk.gevinst.decision.Analysis;
import dk.gevinst.decision.IndicatorResult;
import dk.gevinst.decision.PreTrend;
import dk.gevinst.decision.UnitLevel;
import dk.gevinst.privacy.CellSuppression;
import dk.gevinst.privacy.CprScrubber;
import dk.gevinst.privacy.SmallCells;
import dk.gevinst.stats.FixedHorizon;
import dk.gevinst.stats.Interval;

/**
 * The inference fields of one indicator in the decision JSON (docs/decision.schema.json): each analysis
 * with its estimate, interval, which standard error decided and why, the unit-level inference behind it,
 * the relative interval a reader reads, and the pre-trend check. Every field is read off the evaluation;
 * nothing is computed here but the p-value of the published t summary.
 */
final class InferenceJson {
    private InferenceJson() {}

    static void put(ObjectNode o, IndicatorResult r, CellSuppression hide) {
        o.put("analysis", r.published() == null ? null : r.published().kind());
        o.put("reads", r.relative() ? "relative" : "absolute");
        o.set("sequential", analysis(r.sequential(), r));
        o.set("fixed", analysis(r.fixed(), r));
        boolean saysNothing = r.bound() != null && r.bound().saysNothing();
        o.set("decision_interval", interval(r.decisionInterval(), saysNothing));
        o.set("relative_interval", interval(r.relativeInterval(), saysNothing));
        o.put("withheld", r.withheld());
        o.set("inference", inference(r, hide));
        o.set("pre_trend", preTrend(r.preTrend()));
    }

    /** One analysis at the level the indicator's verdict was judged at. */
    private static ObjectNode analysis(Analysis a, IndicatorResult r) {
        if (a == null) return null;
        Analysis.Bound b = r.bound() == null ? a.bounds().get(0) : a.at(r.bound().alpha());
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("through", a.through().toString());
        Json.put(o, "estimate", a.estimate());
        Json.put(o, "counterfactual", a.counterfactual());
        Json.put(o, "relative_effect", a.relativeEstimate());
        Json.put(o, "ci_low", b.low());
        Json.put(o, "ci_high", b.high());
        Json.put(o, "relative_ci_low", b.relativeLow());
        Json.put(o, "relative_ci_high", b.relativeHigh());
        o.put("alpha", b.alpha());
        o.put("decided_by", b.decidedBy());
        Json.put(o, "se", b.se());
        Json.put(o, "dof", b.dof());
        Json.put(o, "p_value", pValue(a.estimate(), b.se(), b.dof()));
        o.put("n", a.n());
        Json.put(o, "n_eff", b.nEff());
        if (Analysis.SEQUENTIAL.equals(a.kind())) o.put("n_star", a.nStar());
        return o;
    }

    /** The two-sided p-value of est/se on t with ν degrees of freedom: below alpha exactly when the interval excludes 0. */
    private static double pValue(double est, double se, double dof) {
        if (!(se > 0)) return Double.NaN;
        double d = Double.isFinite(dof) ? dof : Double.POSITIVE_INFINITY;
        return 2 * FixedHorizon.upperTail(Math.abs(est / se), d);
    }

    /** @param tooFewData the interval spans every change the indicator's scale allows: it says nothing (ScaleClip) */
    private static ObjectNode interval(Interval i, boolean tooFewData) {
        if (i == null) return null;
        ObjectNode o = Json.MAPPER.createObjectNode();
        Json.put(o, "ci_low", i.low());
        Json.put(o, "ci_high", i.high());
        o.put("alpha", i.alpha());
        o.put("too_few_data", tooFewData);
        return o;
    }

    private static ObjectNode inference(IndicatorResult r, CellSuppression hide) {
        if (r.published() == null) return null;
        Analysis a = r.published();
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("decided_by", r.bound().decidedBy());
        Json.put(o, "se_case", a.seCase());
        Json.put(o, "dof_case", a.dofCase());
        Json.put(o, "se", r.bound().se());
        Json.put(o, "dof", r.bound().dof());
        o.put("n", a.n());
        Json.put(o, "n_eff", r.bound().nEff());
        o.put("weeks", a.weeks());
        o.set("weekly_gap", weeklyGap(a, r, hide));
        UnitLevel u = a.unitLevel();
        if (u == null) {
            o.putNull("unit_level");
            return o;
        }
        ObjectNode unit = o.putObject("unit_level");
        unit.put("method", u.method());
        unit.put("unavailable", u.unavailable());
        unit.putObject("units").put("pilot", u.pilotUnits()).put("control", u.controlUnits());
        unit.putObject("complete_weeks").put("pre", u.preWeeks()).put("post", u.postWeeks());
        Json.put(unit, "se", u.se());
        Json.put(unit, "dof", u.dof());
        Json.put(unit, "drift_sd", u.driftSd());
        Json.put(unit, "drift_rho", u.driftRho());
        Json.put(unit, "hac_se", u.hacSe());
        if (u.hacLag() == null) unit.putNull("hac_lag");
        else unit.put("hac_lag", u.hacLag());
        if (u.placebo() == null) {
            unit.putNull("placebo");
        } else {
            ObjectNode p = unit.putObject("placebo");
            Json.put(p, "se", u.placebo().se());
            p.put("dof", u.placebo().dof());
            Json.put(p, "rank_p_value", u.placebo().rankPValue());
            ArrayNode units = p.putArray("estimates");
            for (UnitLevel.PlaceboUnit pu : u.placebo().units()) {
                ObjectNode x = units.addObject().put("unit", CprScrubber.mask(pu.unit()));
                Json.put(x, "estimate", pu.estimate());
            }
        }
        return o;
    }

    /**
     * The weekly gap series of the published analysis: week (Monday), gap, the standard error of its
     * sampling noise, pre or post, complete or not. A week the trend hides in either arm (fewer than
     * {@value SmallCells#MIN_PERSONS} cases, or hidden so that no subtraction recovers one that has) has a
     * null gap and {@code suppressed: true}: the gap and the other arm's mean would give the hidden mean
     * back. So has the part of a week on either side of the start that rests on fewer than five cases.
     */
    private static ArrayNode weeklyGap(Analysis a, IndicatorResult r, CellSuppression hide) {
        boolean covered = SmallCells.covers(r.indicator().definition().source());
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (Analysis.GapWeek w : a.gaps()) {
            ObjectNode x = out.addObject().put("week", w.week().toString()).put("post", w.post()).put("complete", w.complete());
            boolean hidden = hide.armWeek(Arm.PILOT, w.week()) || hide.armWeek(Arm.CONTROL, w.week())
                || covered && (SmallCells.primary(w.pilotN()) || SmallCells.primary(w.controlN()));
            if (hidden) {
                x.putNull("gap");
                x.putNull("noise_se");
                x.put("suppressed", true);
            } else {
                Json.put(x, "gap", w.gap());
                Json.put(x, "noise_se", w.noiseSe());
            }
        }
        return out;
    }

    private static ObjectNode preTrend(PreTrend p) {
        if (p == null) return null;
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("fake_start", p.fakeStart().toString());
        o.put("weeks_before", p.weeksBefore());
        o.put("weeks_after", p.weeksAfter());
        Json.put(o, "estimate", p.estimate());
        Json.put(o, "ci_low", p.low());
        Json.put(o, "ci_high", p.high());
        o.put("alpha", p.alpha());
        o.put("decided_by", p.decidedBy());
        o.put("drift_found", p.driftFound());
        return o;
    }
}

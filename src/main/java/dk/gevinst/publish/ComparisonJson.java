package dk.gevinst.publish;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.business.OptionValue;
import dk.gevinst.decision.IndicatorResult;
import dk.gevinst.decision.comparison.CandidateEvidence;
import dk.gevinst.decision.comparison.ComparisonResult;
import dk.gevinst.decision.comparison.PairContrast;
import dk.gevinst.privacy.SmallCells;
import dk.gevinst.stats.Interval;
import java.util.List;

/**
 * The {@code comparison} block of a comparison's decision JSON (docs/decision.schema.json): the
 * recommendation and the step that decided it, each candidate's own evidence against the control
 * (indicators, preference, NPV per deployment option) and the pairwise contrasts. Read off the evaluation.
 */
final class ComparisonJson {
    /** Bonferroni over candidates and over pairs (docs/method.md says why). */
    static final String CORRECTION = "bonferroni";

    private ComparisonJson() {}

    static ObjectNode of(ComparisonResult c) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("recommended", c.recommended());
        o.put("leading", c.leading());
        o.put("decided_by", c.decidedBy());
        o.put("correction", CORRECTION);
        o.put("candidate_alpha", c.candidateAlpha());
        o.put("pair_alpha", c.pairAlpha());
        ArrayNode candidates = o.putArray("candidates");
        for (CandidateEvidence e : c.candidates()) {
            ObjectNode x = candidates.addObject().put("id", e.id()).put("vendor", e.vendor());
            e.candidate().units().forEach(x.putArray("units")::add);
            x.put("dropped_by", e.droppedBy());
            x.put("decision", e.evaluation().decision().outcome() == null ? null : e.evaluation().decision().outcome().name());
            x.set("indicators", indicators(e.evaluation().indicators(), true));
            x.set("preference", preference(e));
            x.put("best_option", e.bestOption() == null ? null : e.bestOption().option());
            ArrayNode options = x.putArray("options");
            if (e.evaluation().businessCase() != null) {
                for (OptionValue v : e.evaluation().businessCase().options()) DecisionDocument.option(options, v);
            }
        }
        ArrayNode pairs = o.putArray("pairs");
        for (PairContrast p : c.pairs()) {
            pairs.addObject().put("first", p.first().id()).put("second", p.second().id()).set("indicators", indicators(p.results(), false));
        }
        return o;
    }

    /**
     * Each indicator's effect, intervals and verdict, with what a page needs to show them as a pilot's (the
     * level without the pilot, the interval's alpha, the MDE and margin in the indicator's units). With
     * {@code post}: the candidate's own level after the start (SUS, the core-task score …), suppressed under 5.
     */
    private static ArrayNode indicators(List<IndicatorResult> results, boolean post) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (IndicatorResult r : results) {
            if (r.indicator().definition().descriptive()) continue;
            ObjectNode x = out.addObject().put("id", r.id()).put("role", r.indicator().role().key());
            Json.put(x, "effect", r.effect());
            Json.put(x, "relative_effect", r.relativeEffect());
            Interval ci = r.decisionInterval(), rel = r.relativeInterval();
            Json.put(x, "ci_low", ci == null ? Double.NaN : ci.low());
            Json.put(x, "ci_high", ci == null ? Double.NaN : ci.high());
            Json.put(x, "relative_ci_low", rel == null ? Double.NaN : rel.low());
            Json.put(x, "relative_ci_high", rel == null ? Double.NaN : rel.high());
            // How the reasons read this contrast; the page reads it the same way (one analysis per number).
            x.put("reads", r.relative() ? "relative" : "absolute");
            x.put("decided_by", r.bound() == null ? null : r.bound().decidedBy());
            x.put("verdict", r.verdict().key());
            Json.put(x, "counterfactual", r.counterfactual());
            Json.put(x, "alpha", ci == null ? Double.NaN : ci.alpha());
            Json.put(x, "mde_abs", r.mdeAbs());
            Json.put(x, "margin", r.marginAbs());
            if (post) {
                long n = r.cells().pilotPost().n();
                ObjectNode level = x.putObject("post");
                if (SmallCells.primary(n)) level.put("suppressed", true);
                else Json.put(level.put("n", n), "mean", n == 0 ? Double.NaN : r.cells().pilotPost().mean());
            }
        }
        return out;
    }

    /**
     * The share of the candidate's respondents who prefer it, with its Wilson interval at the effective sample size
     * of its teams (teams, design_effect); suppressed under 5 persons.
     */
    private static ObjectNode preference(CandidateEvidence e) {
        Interval share = e.preference();
        if (share == null) return null;
        long n = e.preferred().n();
        ObjectNode o = Json.MAPPER.createObjectNode();
        if (SmallCells.primary(n)) return o.put("suppressed", true);
        Json.put(o, "share", e.preferenceShare());
        Json.put(o, "ci_low", share.low());
        Json.put(o, "ci_high", share.high());
        o.put("alpha", share.alpha());
        o.put("n", n);
        o.put("teams", e.preferred().teams());
        Json.put(o, "design_effect", e.preferred().designEffect());
        return o;
    }
}

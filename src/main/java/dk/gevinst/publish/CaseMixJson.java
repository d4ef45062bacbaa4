package dk.gevinst.publish;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.decision.CaseMixEvidence;
import dk.gevinst.decision.IndicatorResult;
import dk.gevinst.stats.PostStratified;
import dk.gevinst.stats.StratumCells;

/**
 * The {@code case_mix} block of a case indicator in the decision JSON: the unadjusted effect beside the
 * adjusted one the decision used, the case types and their weights, what was pooled or left out, and how
 * much the adjustment narrowed the case-level variance. Read off the evaluation; nothing is computed here.
 */
final class CaseMixJson {
    private CaseMixJson() {}

    static ObjectNode of(CaseMixEvidence c) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("adjusted", !c.fit().pooledAll());
        o.set("unadjusted", unadjusted(c.unadjusted()));
        ArrayNode strata = o.putArray("strata");
        PostStratified fit = c.fit();
        for (int i = 0; i < fit.strata().size(); i++) {
            StratumCells s = fit.strata().get(i);
            strata.addObject().put("case_type", s.stratum()).put("weight", fit.weights().get(i));
        }
        fit.pooled().forEach(o.putArray("pooled")::add);
        o.put("pooled_into", fit.pooledInto());
        fit.leftOut().forEach(o.putArray("left_out")::add);
        Json.put(o, "variance_reduction", c.varianceReduction());
        return o;
    }

    private static ObjectNode unadjusted(IndicatorResult r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        Json.put(o, "effect", r.effect());
        Json.put(o, "counterfactual", r.counterfactual());
        Json.put(o, "relative_effect", r.relativeEffect());
        Json.put(o, "se", r.standardError());
        var ci = r.decisionInterval();
        Json.put(o, "ci_low", ci == null ? Double.NaN : ci.low());
        Json.put(o, "ci_high", ci == null ? Double.NaN : ci.high());
        var rel = r.relativeInterval();
        Json.put(o, "relative_ci_low", rel == null ? Double.NaN : rel.low());
        Json.put(o, "relative_ci_high", rel == null ? Double.NaN : rel.high());
        o.put("verdict", r.verdict().key());
        return o;
    }
}

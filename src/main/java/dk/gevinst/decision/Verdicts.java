package dk.gevinst.decision;

import dk.gevinst.config.PilotIndicator;
import dk.gevinst.indicator.Role;
import dk.gevinst.stats.Interval;
import java.util.List;

/**
 * Turns an analysis into a verdict, on the interval a reader reads. Success indicators are judged at one
 * level; guardrails at two (see {@link IndicatorEvaluator#levels}): breached on the Bonferroni level,
 * non-inferior on the plain one. Better, worse, futile and non-inferior need team-level inference: without it
 * the interval ignores team noise, so the verdict is withheld (inconclusive). A stranger's pilot without a
 * baseline and with two control teams was stopped as futile on 'rose 5 % (2 to 8 %)', an interval that was
 * only the teams' different levels; a STOP is a decision as much as a GO. Only a breached guardrail stands on
 * the case-level interval alone: harm to citizens or staff is stopped first and asked about after. An interval that says nothing
 * on its scale (too few data, see {@link ScaleClip}) shows nothing: inconclusive.
 */
final class Verdicts {
    private Verdicts() {}

    /** A verdict, the bound it follows from, and whether better, worse, futile or non-inferior was withheld for want of team-level inference. */
    record Judgement(Verdict verdict, Analysis.Bound bound, boolean withheld) {}

    static boolean readsRelative(PilotIndicator indicator, double counterfactual) {
        return indicator.role() != Role.GUARDRAIL && !"share".equals(indicator.definition().unit())
            && Double.isFinite(counterfactual) && Math.abs(counterfactual) > 1e-9;
    }

    static Judgement judge(PilotIndicator indicator, Analysis a, List<Double> levels) {
        double sign = indicator.definition().direction().sign();
        double cf = a.counterfactual();
        boolean relative = readsRelative(indicator, cf);
        boolean team = a.unitLevelAvailable();
        if (indicator.role() == Role.SUCCESS) {
            Analysis.Bound b = a.at(levels.get(0));
            if (b.saysNothing()) return new Judgement(Verdict.INCONCLUSIVE, b, false);
            Interval i = good(relative ? b.relative() : b.absolute(), sign);
            double mde = indicator.mde() == null ? Double.NaN : indicator.mde().resolve(cf) / (relative ? Math.abs(cf) : 1);
            boolean better = i.low() > 0, worse = i.high() < 0, futile = !Double.isNaN(mde) && i.high() < mde;
            if (team && better) return new Judgement(Verdict.BETTER, b, false);
            if (team && worse) return new Judgement(Verdict.WORSE, b, false);
            if (team && futile) return new Judgement(Verdict.FUTILE, b, false);
            return new Judgement(Verdict.INCONCLUSIVE, b, better || worse || futile);
        }
        double margin = indicator.margin() == null ? 0 : indicator.margin().resolve(cf);
        Analysis.Bound breach = a.at(levels.get(levels.size() - 1)), plain = a.at(levels.get(0));
        if (!breach.saysNothing() && good(breach.absolute(), sign).high() < -margin) return new Judgement(Verdict.BREACHED, breach, false);
        boolean nonInferior = !plain.saysNothing() && good(plain.absolute(), sign).low() > -margin;
        if (nonInferior && team) return new Judgement(Verdict.NON_INFERIOR, plain, false);
        return new Judgement(Verdict.INCONCLUSIVE, breach, nonInferior);
    }

    /**
     * Tonight's look and the final look each spend half of alpha, and an interval shows something if either
     * shows it. The published analysis is the one whose interval gave the verdict: breached before
     * non-inferior (safety first), better before worse before futile; when neither shows anything, the
     * final one once it exists.
     */
    static Pick pick(PilotIndicator indicator, Analysis sequential, Analysis fin, List<Double> levels) {
        Judgement s = judge(indicator, sequential, levels);
        if (fin == null) return new Pick(sequential, s);
        Judgement f = judge(indicator, fin, levels);
        for (Verdict v : indicator.role() == Role.SUCCESS ? List.of(Verdict.BETTER, Verdict.WORSE, Verdict.FUTILE)
                                                          : List.of(Verdict.BREACHED, Verdict.NON_INFERIOR)) {
            if (f.verdict() == v) return new Pick(fin, f);
            if (s.verdict() == v) return new Pick(sequential, s);
        }
        return f.withheld() || !s.withheld() ? new Pick(fin, f) : new Pick(sequential, s);
    }

    record Pick(Analysis analysis, Judgement judgement) {}

    private static Interval good(Interval i, double sign) {
        return sign > 0 ? i : i.negate();
    }
}

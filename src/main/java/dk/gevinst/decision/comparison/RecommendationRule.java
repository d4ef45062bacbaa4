package dk.gevinst.decision.comparison;

import dk.gevinst.config.PilotSpec;
import dk.gevinst.decision.Decision;
import dk.gevinst.decision.Outcome;
import dk.gevinst.decision.Reason;
import dk.gevinst.stats.Interval;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which candidate to buy, the rule in order; the first step that names one decides, and the reasons say which:
 * <ol>
 * <li>a candidate that breaches a guardrail, or is futile or worse on every success indicator, drops out
 *     (all drop out → STOP; one is left → GO for it);</li>
 * <li>among the rest, the one the pairwise contrasts show better than every other on a success
 *     indicator and worse on none (core task);</li>
 * <li>else the employees' preference: the one whose share of users preferring it has an interval above
 *     50 % and above every other's interval;</li>
 * <li>else NPV: the one whose best option is worth something (NPV ≥ 0) and, even at the low end of its
 *     interval, more than any other is expected to be;</li>
 * <li>else nothing separates them: EXTEND, with the weeks the pairwise contrasts need.</li>
 * </ol>
 * The deployment form enters only through each option's cost, in the NPV.
 */
public final class RecommendationRule {
    public static final String GUARDRAIL = "guardrail";
    public static final String FUTILITY = "futility";
    public static final String DROP_OUT = "drop_out";
    public static final String CORE_TASK = "core_task";
    public static final String PREFERENCE = "preference";
    public static final String NPV = "npv";
    public static final String NOTHING = "nothing_separates";

    private RecommendationRule() {}

    static ComparisonResult recommend(PilotSpec spec, LocalDate asOf, List<CandidateEvidence> candidates, List<PairContrast> pairs) {
        List<Reason> reasons = new ArrayList<>();
        List<CandidateEvidence> left = new ArrayList<>();
        for (CandidateEvidence c : candidates) {
            if (c.droppedBy() == null) left.add(c);
            else reasons.add(ComparisonReasons.droppedOut(c));
        }
        double candidateAlpha = spec.decision().alpha() / candidates.size();
        double pairAlpha = spec.decision().alpha() / ContrastSpecs.pairs(candidates.size());
        if (left.isEmpty()) {
            reasons.add(0, ComparisonReasons.noneLeft());
            return result(spec, asOf, candidates, pairs, null, DROP_OUT, new Decision(Outcome.STOP, reasons, null), candidateAlpha, pairAlpha);
        }
        if (left.size() == 1) {
            reasons.add(0, ComparisonReasons.onlyOneLeft(left.get(0)));
            return result(spec, asOf, candidates, pairs, left.get(0).id(), DROP_OUT, new Decision(Outcome.GO, reasons, null), candidateAlpha, pairAlpha);
        }
        for (CandidateEvidence c : left) {
            List<PairContrast> against = pairs.stream().filter(p -> p.involves(c.id()) && others(left, c).stream().anyMatch(o -> p.involves(o.id()))).toList();
            if (!against.isEmpty() && against.stream().allMatch(p -> p.separates(c.id()))) {
                reasons.add(0, ComparisonReasons.coreTask(c, against));
                return result(spec, asOf, candidates, pairs, c.id(), CORE_TASK, new Decision(Outcome.GO, reasons, null), candidateAlpha, pairAlpha);
            }
        }
        for (CandidateEvidence c : left) {
            Interval share = c.preference();
            if (share == null || share.low() <= 0.5) continue;
            if (others(left, c).stream().allMatch(o -> o.preference() == null || o.preference().high() < share.low())) {
                reasons.add(0, ComparisonReasons.preferred(left, c, candidateAlpha));
                return result(spec, asOf, candidates, pairs, c.id(), PREFERENCE, new Decision(Outcome.GO, reasons, null), candidateAlpha, pairAlpha);
            }
        }
        for (CandidateEvidence c : left) {
            if (c.bestOption() == null || c.bestOption().npvDkk() < 0) continue;
            double low = c.bestOption().npvLowDkk();
            if (others(left, c).stream().allMatch(o -> o.bestOption() != null && o.bestOption().npvDkk() < low)) {
                reasons.add(0, ComparisonReasons.npv(left, c));
                return result(spec, asOf, candidates, pairs, c.id(), NPV, new Decision(Outcome.GO, reasons, null), candidateAlpha, pairAlpha);
            }
        }
        int weeks = weeksNeeded(spec, left, pairs);
        reasons.add(0, ComparisonReasons.nothingSeparates(left, weeks));
        return result(spec, asOf, candidates, pairs, null, NOTHING, new Decision(Outcome.EXTEND, reasons, weeks), candidateAlpha, pairAlpha);
    }

    /**
     * The weeks until the core task could separate the remaining candidates: the longest of the pairwise
     * contrasts' own extension estimates (each asks when its difference would show, or show to be smaller
     * than what matters), capped at max_extension_weeks.
     */
    private static int weeksNeeded(PilotSpec spec, List<CandidateEvidence> left, List<PairContrast> pairs) {
        int cap = spec.decision().maxExtensionWeeks(), weeks = 0;
        for (PairContrast p : pairs) {
            if (left.stream().filter(c -> p.involves(c.id())).count() < 2) continue;
            Integer w = p.evaluation().decision().extendWeeks();
            weeks = Math.max(weeks, w == null ? cap : w);
        }
        return Math.max(1, Math.min(cap, weeks));
    }

    private static List<CandidateEvidence> others(List<CandidateEvidence> left, CandidateEvidence c) {
        return left.stream().filter(o -> o != c).toList();
    }

    private static ComparisonResult result(PilotSpec spec, LocalDate asOf, List<CandidateEvidence> candidates, List<PairContrast> pairs, String recommended,
                                           String decidedBy, Decision decision, double candidateAlpha, double pairAlpha) {
        return new ComparisonResult(spec, asOf, candidates, pairs, recommended, decidedBy, decision, candidateAlpha, pairAlpha);
    }
}

package dk.gevinst.decision.comparison;

import dk.gevinst.config.PilotSpec;
import dk.gevinst.decision.Decision;
import dk.gevinst.decision.ExtensionEstimate;
import dk.gevinst.decision.InferenceReasons;
import dk.gevinst.decision.Outcome;
import dk.gevinst.decision.Reason;
import dk.gevinst.stats.Interval;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Which candidate leads, the rule in order; the first step that names one decides, and the reasons say which:
 * <ol>
 * <li>a candidate that breaches a guardrail, or is futile or worse on every success indicator, drops out
 *     (all drop out → STOP; one is left → it leads);</li>
 * <li>among the rest, the one the pairwise contrasts show better than every other on a success
 *     indicator and worse on none (core task);</li>
 * <li>else the employees' preference: the one whose share of users preferring it has an interval above
 *     50 % and above every other's interval;</li>
 * <li>else NPV: the one whose best option is worth something (NPV ≥ 0) and, even at the low end of its
 *     interval, more than any other is expected to be;</li>
 * <li>else nothing separates them: EXTEND, with the weeks the pairwise contrasts need (STOP past the deadline).</li>
 * </ol>
 * Leading is not yet buying: {@link PurchaseDecision} says GO only when the leading candidate itself passes a
 * pilot's rule against the control. The deployment form enters only through each option's cost, in the NPV.
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

    /** The rule's pick: the leading candidate (or null), the step that picked it, and the sentence that says so. */
    record Pick(CandidateEvidence candidate, String step, Reason reason) {}

    static ComparisonResult recommend(PilotSpec spec, LocalDate asOf, List<CandidateEvidence> candidates, List<PairContrast> pairs) {
        List<Reason> droppedOut = new ArrayList<>();
        List<CandidateEvidence> left = new ArrayList<>();
        for (CandidateEvidence c : candidates) {
            if (c.droppedBy() == null) left.add(c);
            else droppedOut.add(ComparisonReasons.droppedOut(c));
        }
        double candidateAlpha = spec.decision().alpha() / candidates.size();
        double pairAlpha = spec.decision().alpha() / ContrastSpecs.pairs(candidates.size());
        Pick pick = pick(left, pairs, candidateAlpha);
        Decision decision = PurchaseDecision.decide(spec, asOf, pick, left, pairs, droppedOut);
        return new ComparisonResult(spec, asOf, candidates, pairs, pick.candidate() == null ? null : pick.candidate().id(), pick.step(), decision,
            candidateAlpha, pairAlpha);
    }

    private static Pick pick(List<CandidateEvidence> left, List<PairContrast> pairs, double candidateAlpha) {
        if (left.isEmpty()) return new Pick(null, DROP_OUT, ComparisonReasons.noneLeft());
        if (left.size() == 1) return new Pick(left.get(0), DROP_OUT, ComparisonReasons.onlyOneLeft(left.get(0)));
        for (CandidateEvidence c : left) {
            List<PairContrast> against = pairs.stream().filter(p -> p.involves(c.id()) && others(left, c).stream().anyMatch(o -> p.involves(o.id()))).toList();
            if (!against.isEmpty() && against.stream().allMatch(p -> p.separates(c.id()))) return new Pick(c, CORE_TASK, ComparisonReasons.coreTask(c, against));
        }
        for (CandidateEvidence c : left) {
            Interval share = c.preference();
            if (share == null || share.low() <= 0.5) continue;
            if (others(left, c).stream().allMatch(o -> o.preference() == null || o.preference().high() < share.low())) {
                return new Pick(c, PREFERENCE, ComparisonReasons.preferred(left, c, candidateAlpha));
            }
        }
        for (CandidateEvidence c : left) {
            if (c.bestOption() == null || c.bestOption().npvDkk() < 0) continue;
            double low = c.bestOption().npvLowDkk();
            if (others(left, c).stream().allMatch(o -> o.bestOption() != null && o.bestOption().npvDkk() < low)) return new Pick(c, NPV, ComparisonReasons.npv(left, c));
        }
        return new Pick(null, NOTHING, null);
    }

    /**
     * What the pairwise contrasts say of the time it takes to separate the remaining candidates.
     *
     * @param weeks    the longest of the contrasts' own extension estimates (each asks when its difference would
     *                 show, or show to be smaller than what matters), at least one; null when there is no number
     * @param kind     why there is a number or not
     * @param firstPair a contrast without an estimate yet, whose own reason says why (NO_ESTIMATE_YET only)
     */
    record Wait(Integer weeks, WaitKind kind, PairContrast firstPair) {}

    enum WaitKind {
        /** A number of weeks within what the extension has left. */
        WEEKS,
        /** Under a whole week before the deadline: nothing to promise, only the day it stops. */
        LAST_DAYS,
        /** Some contrast cannot decide within the weeks left, or the spec allows none: the cap is not promised as an estimate. */
        NOT_WITHIN,
        /** Every contrast between them is settled (none puts one ahead of all): more data will not separate them on the core task. */
        SETTLED,
        /** Some contrast has no estimate at all yet (the pilot period's first weeks, or units and dates that do not match). */
        NO_ESTIMATE_YET
    }

    /**
     * Never the cap dressed as an estimate: a stranger's comparison read 'about 8 more weeks of data' on 17 nights
     * while its contrasts could not decide within the extension at all, and with max_extension_weeks 0 it promised
     * a week. A contrast already decided (one better, or no difference that matters) needs no weeks.
     */
    static Wait wait(PilotSpec spec, LocalDate asOf, List<CandidateEvidence> left, List<PairContrast> pairs) {
        int cap = ExtensionEstimate.weeksLeft(spec, asOf), weeks = 0;
        // No whole week left: a spec without extension has none from the start, any other is in its last days.
        if (cap == 0) return new Wait(null, spec.decision().maxExtensionWeeks() == 0 ? WaitKind.NOT_WITHIN : WaitKind.LAST_DAYS, null);
        boolean undecidable = false, open = false;
        for (PairContrast p : pairs) {
            if (left.stream().filter(c -> p.involves(c.id())).count() < 2) continue;
            Decision d = p.evaluation().decision();
            if (d.outcome() != Outcome.EXTEND) continue;
            open = true;
            if (d.extendWeeks() != null) weeks = Math.max(weeks, d.extendWeeks());
            else if (noEstimateYet(d)) return new Wait(null, WaitKind.NO_ESTIMATE_YET, p);
            else undecidable = true;
        }
        if (!open) return new Wait(null, WaitKind.SETTLED, null);
        if (undecidable) return new Wait(null, WaitKind.NOT_WITHIN, null);
        return new Wait(Math.max(1, Math.min(cap, weeks)), WaitKind.WEEKS, null);
    }

    /** The contrast's rule had no estimate for any success indicator (InferenceReasons#notDecidable without an indicator). */
    private static boolean noEstimateYet(Decision d) {
        Reason main = d.mainReason();
        return InferenceReasons.NOT_DECIDABLE.equals(main.code()) && main.indicator() == null;
    }

    private static List<CandidateEvidence> others(List<CandidateEvidence> left, CandidateEvidence c) {
        return left.stream().filter(o -> o != c).toList();
    }
}

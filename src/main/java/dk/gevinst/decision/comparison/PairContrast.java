package dk.gevinst.decision.comparison;

import dk.gevinst.config.Candidate;
import dk.gevinst.decision.IndicatorResult;
import dk.gevinst.decision.PilotEvaluation;
import dk.gevinst.decision.Verdict;
import java.util.List;

/**
 * Two candidates compared on each success indicator: the first as the pilot arm, the second as the
 * control, so the effect is first minus second (difference-in-differences where both have a baseline),
 * with the unit-level inference a pilot gets, at the comparison's pairwise alpha.
 */
public record PairContrast(Candidate first, Candidate second, PilotEvaluation evaluation) {
    public List<IndicatorResult> results() {
        return evaluation.indicators();
    }

    /** True when the evidence shows {@code winner} better than the other on some success indicator and worse on none. */
    public boolean separates(String winner) {
        boolean firstWins = winner.equals(first.id());
        Verdict good = firstWins ? Verdict.BETTER : Verdict.WORSE, bad = firstWins ? Verdict.WORSE : Verdict.BETTER;
        return results().stream().anyMatch(r -> r.verdict() == good) && results().stream().noneMatch(r -> r.verdict() == bad);
    }

    public boolean involves(String candidate) {
        return first.id().equals(candidate) || second.id().equals(candidate);
    }

    /** The indicator on which the winner is ahead, for the reasons. */
    public IndicatorResult decidingIndicator(String winner) {
        Verdict good = winner.equals(first.id()) ? Verdict.BETTER : Verdict.WORSE;
        return results().stream().filter(r -> r.verdict() == good).findFirst().orElse(null);
    }
}

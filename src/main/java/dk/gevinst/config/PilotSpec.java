package dk.gevinst.config;

import dk.gevinst.indicator.Role;
import java.time.LocalDate;
import java.util.List;

/**
 * A validated pilot specification from {@code jobs/pilots/*.yaml}. A comparison names several candidate
 * systems instead of one pilot arm: {@link #candidates} lists them, and {@link #pilotUnits} is then every
 * candidate's units, in candidate order (the cells keep the unit, so each candidate's share is its units).
 */
public record PilotSpec(
        String id,
        String title,
        String owner,
        String deployment,
        LocalDate start,
        LocalDate end,
        LocalDate baselineStart,
        int rampUpDays,
        List<String> pilotUnits,
        List<String> controlUnits,
        List<PilotIndicator> indicators,
        DecisionRules decision,
        BusinessCaseSpec businessCase,
        String file,
        List<Candidate> candidates) {

    public PilotSpec {
        pilotUnits = List.copyOf(pilotUnits);
        controlUnits = List.copyOf(controlUnits);
        indicators = List.copyOf(indicators);
        candidates = List.copyOf(candidates);
    }

    /** A single-arm pilot. */
    public PilotSpec(String id, String title, String owner, String deployment, LocalDate start, LocalDate end, LocalDate baselineStart,
                     int rampUpDays, List<String> pilotUnits, List<String> controlUnits, List<PilotIndicator> indicators,
                     DecisionRules decision, BusinessCaseSpec businessCase, String file) {
        this(id, title, owner, deployment, start, end, baselineStart, rampUpDays, pilotUnits, controlUnits, indicators, decision,
            businessCase, file, List.of());
    }

    /** True when the spec compares candidate systems rather than piloting one. */
    public boolean isComparison() {
        return !candidates.isEmpty();
    }

    /** The first day that counts as post: start plus the ramp-up left out for the learning curve. */
    public LocalDate postStart() {
        return start.plusDays(rampUpDays);
    }

    public boolean hasBaseline() {
        return baselineStart != null;
    }

    public boolean hasControl() {
        return !controlUnits.isEmpty();
    }

    /** The last day of the extension: end + max_extension_weeks. A night after it stops what is still undecided. */
    public LocalDate deadline() {
        return end.plusWeeks(decision.maxExtensionWeeks());
    }

    public List<PilotIndicator> withRole(Role role) {
        return indicators.stream().filter(i -> i.role() == role).toList();
    }
}

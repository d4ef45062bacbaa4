package dk.gevinst.config;

import dk.gevinst.indicator.Role;
import java.time.LocalDate;
import java.util.List;

/** A validated pilot specification from {@code jobs/pilots/*.yaml}. */
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
        String file) {

    public PilotSpec {
        pilotUnits = List.copyOf(pilotUnits);
        controlUnits = List.copyOf(controlUnits);
        indicators = List.copyOf(indicators);
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

    public List<PilotIndicator> withRole(Role role) {
        return indicators.stream().filter(i -> i.role() == role).toList();
    }
}

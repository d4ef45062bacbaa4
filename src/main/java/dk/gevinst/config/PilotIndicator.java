package dk.gevinst.config;

import dk.gevinst.config.YamlReader.Amount;
import dk.gevinst.indicator.IndicatorDefinition;
import dk.gevinst.indicator.Role;

/** An indicator as one pilot uses it: the definition plus the pilot's role, thresholds and value. */
public record PilotIndicator(
        IndicatorDefinition definition,
        Role role,
        Amount mde,
        Amount margin,
        Double valueDkk,
        int maturityDays) {

    public String id() {
        return definition.id();
    }
}

package dk.gevinst.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.config.UnitsWithoutData;

/** The health flags a run publishes, as the run words them, for page tests that put one on a sample document. */
public final class HealthFlagTexts {
    private HealthFlagTexts() {}

    /** The {@code unit_without_data} flag of a spec unit with no rows, as published. */
    public static ObjectNode unitWithoutData(String arm, String unit, String didYouMean) {
        return HealthTexts.unitWithoutDataFlag(new UnitsWithoutData.Missing(arm, unit, didYouMean)).toJson();
    }
}

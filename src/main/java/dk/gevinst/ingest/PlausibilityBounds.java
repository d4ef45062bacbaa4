package dk.gevinst.ingest;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Upper bounds beyond which a value is implausible rather than merely large. Defaults: handling time up
 * to one week of minutes, active use up to a day; configurable in {@code jobs/nightly.yaml} under bounds.
 */
public final class PlausibilityBounds implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final PlausibilityBounds DEFAULTS = new PlausibilityBounds(Map.of(
        "handling_minutes", 7 * 24 * 60.0,
        "active_minutes", 24 * 60.0));

    private final HashMap<String, Double> max;

    public PlausibilityBounds(Map<String, Double> max) {
        this.max = new HashMap<>(max);
    }

    public PlausibilityBounds with(Map<String, Double> overrides) {
        HashMap<String, Double> merged = new HashMap<>(max);
        merged.putAll(overrides);
        return new PlausibilityBounds(merged);
    }

    public double max(String column) {
        return max.getOrDefault(column, Double.POSITIVE_INFINITY);
    }

    public Map<String, Double> asMap() {
        return Map.copyOf(max);
    }
}

package dk.gevinst.indicator;

import dk.gevinst.source.Source;
import java.util.Map;

/** One entry of the catalog, or a custom indicator declared in a pilot spec. */
public record IndicatorDefinition(
        String id,
        Source source,
        Measure measure,
        Direction direction,
        String unit,
        int maturityDays,
        boolean descriptive,
        Map<String, String> label) {

    public IndicatorDefinition {
        label = Map.copyOf(label);
    }

    public String label(String locale) {
        return label.getOrDefault(locale, label.getOrDefault("en", id));
    }
}

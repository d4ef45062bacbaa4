package dk.gevinst.config;

import dk.gevinst.source.Source;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * How old each source's newest data may be, in days before the night evaluated, before the data counts
 * as stale. Cases arrive every working day, so by default their newest day may be at most five days old
 * (a long weekend with a holiday); the other sources have no expectation unless the run config sets one.
 */
public record Freshness(Map<Source, Integer> maxAgeDays) {
    public static final int DEFAULT_CASES_DAYS = 5;
    public static final Freshness DEFAULT = new Freshness(Map.of(Source.CASES, DEFAULT_CASES_DAYS));

    public Freshness {
        maxAgeDays = Map.copyOf(maxAgeDays);
    }

    /** The days allowed for a source, or empty when it has no expectation. */
    public OptionalInt maxAge(Source source) {
        Integer days = maxAgeDays.get(source);
        return days == null ? OptionalInt.empty() : OptionalInt.of(days);
    }

    /** These settings over the defaults; a null value switches a source's expectation off. */
    public Freshness with(Map<Source, Integer> overrides) {
        Map<Source, Integer> out = new EnumMap<>(Source.class);
        out.putAll(maxAgeDays);
        overrides.forEach((k, v) -> {
            if (v == null) out.remove(k);
            else out.put(k, v);
        });
        return new Freshness(out);
    }
}

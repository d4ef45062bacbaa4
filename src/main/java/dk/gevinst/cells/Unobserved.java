package dk.gevinst.cells;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cases of one pilot's units and periods whose value in a custom indicator's column (an extra column of the
 * case exports) is no observation: there but not a number, or a number beyond ±{@link ExactSums#LIMIT}. Counted in
 * the same cells as the indicator (the latest version of each decided case), so they are exactly the cases its
 * analysis leaves out.
 *
 * @param column     the case column the indicator reads
 * @param notNumbers per unit, the cases whose value is not a number
 * @param outOfRange per unit, the cases whose value is a number beyond the range
 */
public record Unobserved(String pilotId, String indicatorId, String column, Map<String, Long> notNumbers, Map<String, Long> outOfRange) {
    public Unobserved {
        notNumbers = Collections.unmodifiableMap(new TreeMap<>(notNumbers));
        outOfRange = Collections.unmodifiableMap(new TreeMap<>(outOfRange));
    }

    public long notNumberCount() {
        return notNumbers.values().stream().mapToLong(Long::longValue).sum();
    }

    public long outOfRangeCount() {
        return outOfRange.values().stream().mapToLong(Long::longValue).sum();
    }
}

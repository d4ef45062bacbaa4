package dk.gevinst.cells;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cases of one pilot's units and periods whose value in a custom indicator's column (an extra column of the
 * case exports) is no observation: there but not a number (text, NaN, an infinity), or a number beyond
 * ±{@link ExactSums#LIMIT}. Counted in the same cells as the indicator (the latest version of each decided case), so
 * they are exactly the cases its analysis leaves out.
 *
 * @param column     the case column the indicator reads
 * @param notNumbers per unit, the cases whose value is not a number
 * @param outOfRange per unit, the cases whose value is a number beyond the range
 * @param days       per unit, the first and the last decision day of those cases: where to look for them
 */
public record Unobserved(String pilotId, String indicatorId, String column, Map<String, Long> notNumbers, Map<String, Long> outOfRange,
                         Map<String, List<LocalDate>> days) {
    public Unobserved {
        notNumbers = Collections.unmodifiableMap(new TreeMap<>(notNumbers));
        outOfRange = Collections.unmodifiableMap(new TreeMap<>(outOfRange));
        TreeMap<String, List<LocalDate>> copy = new TreeMap<>();
        days.forEach((unit, range) -> copy.put(unit, List.copyOf(range)));
        days = Collections.unmodifiableMap(copy);
    }

    public long notNumberCount() {
        return notNumbers.values().stream().mapToLong(Long::longValue).sum();
    }

    public long outOfRangeCount() {
        return outOfRange.values().stream().mapToLong(Long::longValue).sum();
    }
}

package dk.gevinst.privacy;

import dk.gevinst.source.Source;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sundhedsdatastyrelsen's rule: no figure built from fewer than 5 is published. Where a figure is also
 * part of a published sum, suppressing it alone would let it be recovered by subtraction, so another part
 * of the sum is suppressed as well (secondary suppression).
 *
 * <p>The rule covers every aggregate of cases, survey responses and usage: a case cell of two cases in one
 * team on one day is about two citizens and the caseworker who handled them, and a municipality cannot
 * show that it is not personal data. Technical metrics measure the system, not people, and are exempt.
 */
public final class SmallCells {
    public static final int MIN_PERSONS = 5;

    /** A published relation between figures (by index): {@code total} is the sum of {@code parts}. */
    public record Sum(int total, List<Integer> parts) {
        public Sum {
            parts = List.copyOf(parts);
        }
    }

    private SmallCells() {}

    public static boolean primary(long persons) {
        return persons > 0 && persons < MIN_PERSONS;
    }

    /** Whether published aggregates of this source fall under the rule. */
    public static boolean covers(Source source) {
        return source != Source.TECH_METRICS;
    }

    /** The indexes of the cells (given by their counts) to suppress in one group whose total is published. */
    public static Set<Integer> suppress(List<Long> persons) {
        List<Long> withTotal = new ArrayList<>(persons);
        withTotal.add(persons.stream().mapToLong(Long::longValue).sum());
        List<Integer> parts = new ArrayList<>();
        for (int i = 0; i < persons.size(); i++) parts.add(i);
        Set<Integer> out = suppress(withTotal, List.of(new Sum(persons.size(), parts)));
        out.remove(persons.size());
        return out;
    }

    /**
     * The indexes of the figures to suppress, given every figure's count and the sums that link them (a
     * figure may be a part of several sums and the total of others). Small figures are suppressed first.
     * Then, until nothing changes, a sum with exactly one suppressed member (total or part) gets one more:
     * its smallest shown non-empty part, or its total if it has no other part. Afterwards no sum has exactly
     * one unknown, so no chain of subtractions from shown figures recovers a suppressed one. Deterministic:
     * ties go to the lower index.
     */
    public static Set<Integer> suppress(List<Long> persons, List<Sum> sums) {
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i < persons.size(); i++) if (primary(persons.get(i))) out.add(i);
        boolean changed = !out.isEmpty();
        while (changed) {
            changed = false;
            for (Sum s : sums) {
                long hidden = s.parts().stream().filter(i -> persons.get(i) > 0 && out.contains(i)).count() + (out.contains(s.total()) ? 1 : 0);
                if (hidden != 1) continue;
                Optional<Integer> next = s.parts().stream().filter(i -> persons.get(i) > 0 && !out.contains(i))
                    .min(Comparator.<Integer>comparingLong(persons::get).thenComparing(Comparator.naturalOrder()));
                changed |= out.add(next.orElse(s.total()));
            }
        }
        return out;
    }
}

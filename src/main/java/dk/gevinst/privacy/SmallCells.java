package dk.gevinst.privacy;

import dk.gevinst.source.Source;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Sundhedsdatastyrelsen's rule: no figure built from fewer than 5 is published. Where a group of cells is
 * published with its total, suppressing one cell alone would let it be recovered by subtraction, so the
 * next-smallest cell of the group is suppressed as well (secondary suppression).
 *
 * <p>The rule covers every aggregate of cases, survey responses and usage: a case cell of two cases in one
 * team on one day is about two citizens and the caseworker who handled them, and a municipality cannot
 * show that it is not personal data. Technical metrics measure the system, not people, and are exempt.
 */
public final class SmallCells {
    public static final int MIN_PERSONS = 5;

    private SmallCells() {}

    public static boolean primary(long persons) {
        return persons > 0 && persons < MIN_PERSONS;
    }

    /** Whether published aggregates of this source fall under the rule. */
    public static boolean covers(Source source) {
        return source != Source.TECH_METRICS;
    }

    /** The indexes of the cells (given by their counts) to suppress in one additive group. */
    public static Set<Integer> suppress(List<Long> persons) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < persons.size(); i++) all.add(i);
        return suppress(persons, List.of(all));
    }

    /**
     * The indexes of the cells to suppress when the same cells are summed in several published totals
     * (groups of indexes that may overlap, e.g. a team's days summed by period and by week). Small cells are
     * suppressed first; then, until no group changes, a group with exactly one suppressed cell gets its
     * smallest other non-empty cell suppressed too, so that no published total minus the shown cells gives
     * one hidden cell. Deterministic: ties go to the lower index.
     */
    public static Set<Integer> suppress(List<Long> persons, Collection<List<Integer>> groups) {
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i < persons.size(); i++) if (primary(persons.get(i))) out.add(i);
        if (out.isEmpty()) return out;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<Integer> group : groups) {
                if (group.stream().filter(out::contains).count() != 1) continue;
                var next = group.stream().filter(i -> !out.contains(i) && persons.get(i) > 0)
                    .min(Comparator.<Integer>comparingLong(persons::get).thenComparing(Comparator.naturalOrder()));
                if (next.isPresent()) {
                    out.add(next.get());
                    changed = true;
                }
            }
        }
        return out;
    }
}

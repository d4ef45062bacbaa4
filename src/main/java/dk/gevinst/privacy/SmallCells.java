package dk.gevinst.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Sundhedsdatastyrelsen's rule: no figure built from fewer than 5 persons is published. Where a group of
 * cells is published with its total, suppressing one cell alone would let it be recovered by subtraction,
 * so the next-smallest cell of the group is suppressed as well (secondary suppression).
 */
public final class SmallCells {
    public static final int MIN_PERSONS = 5;

    private SmallCells() {}

    public static boolean primary(long persons) {
        return persons > 0 && persons < MIN_PERSONS;
    }

    /** The indexes of the cells (given by their person counts) to suppress in one additive group. */
    public static Set<Integer> suppress(List<Long> persons) {
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i < persons.size(); i++) if (primary(persons.get(i))) out.add(i);
        if (out.size() == 1) {
            List<Integer> others = new ArrayList<>();
            for (int i = 0; i < persons.size(); i++) if (!out.contains(i) && persons.get(i) > 0) others.add(i);
            others.stream().min(Comparator.comparingLong(persons::get)).ifPresent(out::add);
        }
        return out;
    }
}

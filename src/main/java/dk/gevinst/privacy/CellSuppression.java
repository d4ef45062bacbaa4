package dk.gevinst.privacy;

import dk.gevinst.cells.Arm;
import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.Period;
import dk.gevinst.cells.Weeks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The k ≥ 5 decision for every figure published from one pilot's cells of one indicator, made once so
 * that every output agrees: the day cells (table cell_stats), each arm's period cells and weekly trend
 * points and the indicator's total (decision JSON), and the unit-level sums that unit-level analyses
 * publish (unit × period × week, unit × period, unit × week, unit). Each figure is the sum of the ones
 * below it, so all of them form one linked table for {@link SmallCells#suppress(List, List)}: a figure
 * hidden here must be hidden wherever it is published, and then no published figure minus others gives
 * a hidden one. Sources the rule does not cover ({@link SmallCells#covers}) hide nothing.
 */
public final class CellSuppression {
    private final Map<List<Object>, Integer> index;
    private final Set<Integer> hidden;

    private CellSuppression(Map<List<Object>, Integer> index, Set<Integer> hidden) {
        this.index = index;
        this.hidden = hidden;
    }

    /** Decides for the day cells of one pilot and indicator; {@code covered} says whether the rule applies. */
    public static CellSuppression of(List<CellStats> cells, boolean covered) {
        Map<List<Object>, Integer> index = new HashMap<>();
        List<Long> counts = new ArrayList<>();
        Map<List<Object>, LinkedHashSet<Integer>> sums = new LinkedHashMap<>();
        // Consecutive days of one unit, arm, period and week (cells come sorted) share every figure but their own day's:
        // those are looked up once per run of days. Only the day is new, and its one link is to the run's entry.
        CellStats runFirst = null;
        LocalDate runWeek = null;
        int[] runFigures = null;
        LinkedHashSet<Integer> runDays = null;
        for (int i = 0; i < cells.size(); i++) {
            CellStats c = cells.get(i);
            LocalDate week = Weeks.monday(c.day());
            if (runFirst != null && week.equals(runWeek) && c.sameSeries(runFirst)) {
                index.put(key("day", i), counts.size());
                runDays.add(counts.size());
                counts.add(c.moments().n());
                for (int at : runFigures) counts.set(at, counts.get(at) + c.moments().n());
                continue;
            }
            List<Object> day = key("day", i), entry = key("unit-period-week", c.unit(), c.arm(), c.period(), week);
            List<Object> unitPeriod = key("unit-period", c.unit(), c.arm(), c.period()), unitWeek = key("unit-week", c.unit(), c.arm(), week);
            List<Object> unit = key("unit", c.unit(), c.arm()), armPeriod = key("arm-period", c.arm(), c.period());
            List<Object> armWeek = key("arm-week", c.arm(), week), arm = key("arm", c.arm()), total = key("total");
            Set<List<Object>> fresh = new java.util.HashSet<>();
            for (List<Object> figure : List.of(day, entry, unitPeriod, unitWeek, unit, armPeriod, armWeek, arm, total)) {
                int at = index.computeIfAbsent(figure, k -> {
                    fresh.add(k);
                    counts.add(0L);
                    return counts.size() - 1;
                });
                counts.set(at, counts.get(at) + c.moments().n());
            }
            // total ← parts, named by the total and the way it is split (a unit is the sum of its periods, and of its weeks).
            // A part names its total, so each link needs making only when the part is first seen: for 200 pilots'
            // cells that is most of this loop's time saved, in the same order as before.
            link(sums, index, fresh, entry, "days", day);
            link(sums, index, fresh, unitPeriod, "weeks", entry);
            link(sums, index, fresh, unitWeek, "periods", entry);
            link(sums, index, fresh, unit, "periods", unitPeriod);
            link(sums, index, fresh, unit, "weeks", unitWeek);
            link(sums, index, fresh, armPeriod, "units", unitPeriod);
            link(sums, index, fresh, armWeek, "units", unitWeek);
            link(sums, index, fresh, arm, "periods", armPeriod);
            link(sums, index, fresh, arm, "weeks", armWeek);
            link(sums, index, fresh, arm, "units", unit);
            link(sums, index, fresh, total, "arms", arm);
            runFirst = c;
            runWeek = week;
            runFigures = new int[] {index.get(entry), index.get(unitPeriod), index.get(unitWeek), index.get(unit), index.get(armPeriod),
                index.get(armWeek), index.get(arm), index.get(total)};
            List<Object> days = new ArrayList<>(entry);
            days.add("days");
            runDays = sums.get(days);
        }
        if (!covered) return new CellSuppression(index, Set.of());
        List<SmallCells.Sum> relations = new ArrayList<>();
        sums.forEach((k, parts) -> relations.add(new SmallCells.Sum(index.get(k.subList(0, k.size() - 1)), new ArrayList<>(parts))));
        return new CellSuppression(index, Set.copyOf(SmallCells.suppress(counts, relations)));
    }

    private static void link(Map<List<Object>, LinkedHashSet<Integer>> sums, Map<List<Object>, Integer> index, Set<List<Object>> fresh,
                             List<Object> total, String split, List<Object> part) {
        if (!fresh.contains(part)) return;
        List<Object> k = new ArrayList<>(total);
        k.add(split);
        sums.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(index.get(part));
    }

    private static List<Object> key(Object... parts) {
        return Arrays.asList(parts);
    }

    private boolean hidden(List<Object> figure) {
        Integer at = index.get(figure);
        return at != null && hidden.contains(at);
    }

    /** The i-th day cell of the list this was made from. */
    public boolean cell(int i) {
        return hidden(key("day", i));
    }

    public boolean armPeriod(Arm arm, Period period) {
        return hidden(key("arm-period", arm, period));
    }

    /** A week (named by its Monday) of one arm, over both periods, as the trend line shows it. */
    public boolean armWeek(Arm arm, LocalDate monday) {
        return hidden(key("arm-week", arm, monday));
    }

    public boolean unitPeriod(String unit, Arm arm, Period period) {
        return hidden(key("unit-period", unit, arm, period));
    }

    public boolean unitWeek(String unit, Arm arm, LocalDate monday) {
        return hidden(key("unit-week", unit, arm, monday));
    }

    /** One entry of the unit panel: a unit's days of one week within one period. */
    public boolean unitPeriodWeek(String unit, Arm arm, Period period, LocalDate monday) {
        return hidden(key("unit-period-week", unit, arm, period, monday));
    }

    public boolean total() {
        return hidden(key("total"));
    }
}

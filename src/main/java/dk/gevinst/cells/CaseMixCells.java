package dk.gevinst.cells;

import dk.gevinst.stats.Moments;
import dk.gevinst.stats.PostStratified;
import dk.gevinst.stats.StratumCells;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The case-mix adjusted day cells of one indicator: cells of the same shape as the unadjusted ones (unit ×
 * arm × period × day, no stratum), so every analysis that reads cells (the four period cells, the unit ×
 * week panel, the weekly gap series and its unit-level standard error) runs on them unchanged.
 *
 * <p>Each case of case type s in arm a and period p is replaced by M_ap + k_sap · (x − x̄_sap): its
 * deviation from its type's mean in that arm and period, re-levelled at M_ap = Σ_s w_s x̄_sap, the
 * post-stratified mean ({@link PostStratified}'s weights, the pilot's own post-period mix). The scale
 * k_sap = w_s · sqrt(N(N − 1) / (n(n − 1))) makes the ordinary variance of an arm-period's adjusted mean
 * equal the post-stratified one, Σ w_s² v_s / n_s. So the four period cells of the adjusted cells give
 * exactly the post-stratified estimate and its case-level standard error, and each week's adjusted mean is
 * its types' weekly deviations, weighted as the estimate weighs them: a week that happened to get easy
 * cases is not a fast week. All of it is sums: for a day cell of type s, Σx' = n·M + k·D and
 * Σx'² = n·M² + 2·M·k·D + k²·SS, with D = Σx − n·x̄ and SS = Σ(x − x̄)² from the cell's own moments.
 *
 * <p>Types the pilot has no cases of after the start are left out; thin types are pooled as
 * {@link PostStratified} pools them. When nothing stands alone the adjusted cells are the unadjusted ones.
 */
public record CaseMixCells(PostStratified fit, List<CellStats> cells) {

    public CaseMixCells {
        cells = List.copyOf(cells);
    }

    /**
     * @param strata the stratum cells of one pilot and indicator ({@link CellTable#strata})
     * @param lastDay only days up to and including this one count (the fixed analysis at the end), or null for all
     * @param usesBaseline true for did and prepost
     * @param usesControl true for did and parallel
     */
    public static CaseMixCells of(List<CellStats> strata, LocalDate lastDay, boolean usesBaseline, boolean usesControl) {
        List<CellStats> window = strata.stream().filter(c -> lastDay == null || !c.day().isAfter(lastDay)).toList();
        PostStratified fit = PostStratified.of(Strata.periodCells(window, null), usesBaseline, usesControl, PostStratified.MIN_STRATUM_CASES);
        if (fit.pooledAll()) return new CaseMixCells(fit, new CellTable(window).cells());
        Map<String, Shift[]> shifts = shifts(fit);
        Map<String, String> strataOfTypes = new HashMap<>();
        Map<List<Object>, CellStats> out = new LinkedHashMap<>();
        // Cells come sorted by unit, arm, period and day, then case type (CellBindings), so the types of one day cell
        // follow each other: their sum is carried here and stored when the day cell changes, not looked up per cell.
        // A day cell met again later carries on from its stored sum, so every sum is made in the cells' order.
        List<Object> key = null;
        CellStats day = null;
        for (CellStats c : window) {
            String type = c.stratum();
            String stratum = strataOfTypes.containsKey(type) ? strataOfTypes.get(type) : fit.stratumOf(type);
            strataOfTypes.putIfAbsent(type, stratum);
            Shift[] byArmAndPeriod = stratum == null ? null : shifts.get(stratum);
            Shift shift = byArmAndPeriod == null ? null : byArmAndPeriod[slot(c.arm(), c.period())];
            if (shift == null) continue;
            Moments adjusted = shift.apply(c.moments());
            if (day == null || !day.sameSeries(c) || !day.day().equals(c.day())) {
                if (day != null) out.put(key, day);
                key = Arrays.asList(c.pilotId(), c.indicatorId(), c.unit(), c.arm(), c.period(), c.day());
                day = out.get(key);
                if (day == null) {
                    day = c.withoutStratum(adjusted);
                    continue;
                }
            }
            day = day.withoutStratum(day.moments().plus(adjusted));
        }
        if (day != null) out.put(key, day);
        return new CaseMixCells(fit, new ArrayList<>(out.values()));
    }

    private static final int PERIODS = Period.values().length;
    private static final int SLOTS = Arm.values().length * PERIODS;

    private static int slot(Arm arm, Period period) {
        return arm.ordinal() * PERIODS + period.ordinal();
    }

    /** x' = level + scale · (x − mean) for the cases of one stratum in one arm and period. */
    private record Shift(double mean, double level, double scale) {
        Moments apply(Moments m) {
            double deviation = m.sum() - m.n() * mean;
            double squares = Math.max(0, m.sumSq() - 2 * mean * m.sum() + m.n() * mean * mean);
            return new Moments(m.n(), m.n() * level + scale * deviation,
                m.n() * level * level + 2 * level * scale * deviation + scale * scale * squares);
        }
    }

    /** The shift of every stratum × arm × period cell the design uses. */
    private static Map<String, Shift[]> shifts(PostStratified fit) {
        Map<String, Shift[]> out = new HashMap<>();
        for (Arm arm : Arm.values()) {
            for (Period period : Period.values()) {
                boolean used = (arm == Arm.PILOT || fit.usesControl()) && (period == Period.POST || fit.usesBaseline());
                if (!used) continue;
                long total = 0;
                double level = 0;
                for (int i = 0; i < fit.strata().size(); i++) {
                    Moments m = cell(fit.strata().get(i), arm, period);
                    total += m.n();
                    level += fit.weights().get(i) * m.mean();
                }
                for (int i = 0; i < fit.strata().size(); i++) {
                    Moments m = cell(fit.strata().get(i), arm, period);
                    double scale = fit.weights().get(i) * Math.sqrt(total * (total - 1.0) / (m.n() * (m.n() - 1.0)));
                    out.computeIfAbsent(fit.strata().get(i).stratum(), k -> new Shift[SLOTS])
                        [slot(arm, period)] = new Shift(m.mean(), level, scale);
                }
            }
        }
        return out;
    }

    private static Moments cell(StratumCells s, Arm arm, Period period) {
        if (arm == Arm.PILOT) return period == Period.PRE ? s.pilotPre() : s.pilotPost();
        return period == Period.PRE ? s.controlPre() : s.controlPost();
    }
}

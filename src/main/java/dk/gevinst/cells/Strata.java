package dk.gevinst.cells;

import dk.gevinst.stats.Moments;
import dk.gevinst.stats.StratumCells;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The day cells of one indicator per case type, summed into each case type's four period cells. */
public final class Strata {
    private Strata() {}

    /**
     * @param cells the stratum cells of one pilot and indicator ({@link CellTable#strata}), summed over their units
     * @param lastDay only days up to and including this one count, or null for all
     */
    public static List<StratumCells> periodCells(List<CellStats> cells, LocalDate lastDay) {
        Map<String, Moments[]> byStratum = new TreeMap<>();
        for (CellStats c : cells) {
            if (c.stratum() == null) throw new IllegalArgumentException("a cell of " + c.indicatorId() + " without a case type is not a stratum cell");
            if (lastDay != null && c.day().isAfter(lastDay)) continue;
            Moments[] four = byStratum.computeIfAbsent(c.stratum(), k -> new Moments[] {Moments.EMPTY, Moments.EMPTY, Moments.EMPTY, Moments.EMPTY});
            int i = (c.arm() == Arm.PILOT ? 0 : 2) + (c.period() == Period.PRE ? 0 : 1);
            four[i] = four[i].plus(c.moments());
        }
        List<StratumCells> out = new ArrayList<>();
        byStratum.forEach((stratum, m) -> out.add(new StratumCells(stratum, m[0], m[1], m[2], m[3])));
        return out;
    }
}

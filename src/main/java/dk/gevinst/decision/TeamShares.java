package dk.gevinst.decision;

import dk.gevinst.cells.Arm;
import dk.gevinst.cells.CellStats;
import dk.gevinst.stats.ClusteredShare;
import dk.gevinst.stats.Interval;
import dk.gevinst.stats.Moments;
import dk.gevinst.stats.WilsonInterval;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A descriptive share of the pilot's respondents (a preference) with an interval that counts the pilot's
 * teams as clusters, as a comparison's preference does: answers from one team are alike, so many answers
 * from two teams are not many independent ones.
 */
final class TeamShares {
    private TeamShares() {}

    /** The pilot arm's post-period share; cells without a unit (none for survey sources) fall back to respondents. */
    static Interval pilotPost(List<CellStats> days, LocalDate lastDay, double alpha) {
        Map<String, List<CellStats>> byTeam = new TreeMap<>();
        List<CellStats> withoutUnit = new ArrayList<>();
        for (CellStats c : days) {
            if (c.arm() != Arm.PILOT) continue;
            if (c.unit() == null) withoutUnit.add(c);
            else byTeam.computeIfAbsent(c.unit(), u -> new ArrayList<>()).add(c);
        }
        if (byTeam.isEmpty()) {
            Moments all = PeriodCells.of(withoutUnit, lastDay).pilotPost();
            return WilsonInterval.of(Math.round(all.sum()), all.n(), alpha);
        }
        List<Moments> teams = byTeam.values().stream().map(d -> PeriodCells.of(d, lastDay).pilotPost()).toList();
        return ClusteredShare.of(teams, alpha).interval();
    }
}

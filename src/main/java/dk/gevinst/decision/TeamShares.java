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
 * A share of the pilot arm's respondents (a preference) whose interval counts the pilot's teams as clusters:
 * answers from one team are alike, so many answers from two teams are not many independent ones. A pilot's
 * descriptive share and a comparison candidate's preference are both read here.
 */
public final class TeamShares {
    private TeamShares() {}

    /** The pilot arm's post-period share over its units' cells (cells without a unit are not a team's and are left out). */
    public static ClusteredShare pilotPost(List<CellStats> days, LocalDate lastDay, double alpha) {
        Map<String, List<CellStats>> byTeam = new TreeMap<>();
        for (CellStats c : days) {
            if (c.arm() == Arm.PILOT && c.unit() != null) byTeam.computeIfAbsent(c.unit(), u -> new ArrayList<>()).add(c);
        }
        List<Moments> teams = byTeam.values().stream().map(d -> PeriodCells.of(d, lastDay).pilotPost()).toList();
        return ClusteredShare.of(teams, alpha);
    }

    /** The pilot's descriptive share interval; cells without a unit (none for survey sources) fall back to respondents. */
    static Interval descriptive(List<CellStats> days, LocalDate lastDay, double alpha) {
        boolean byUnit = days.stream().anyMatch(c -> c.arm() == Arm.PILOT && c.unit() != null);
        if (byUnit) return pilotPost(days, lastDay, alpha).interval();
        Moments all = PeriodCells.of(days, lastDay).pilotPost();
        return WilsonInterval.of(Math.round(all.sum()), all.n(), alpha);
    }
}

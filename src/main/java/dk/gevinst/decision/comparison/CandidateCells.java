package dk.gevinst.decision.comparison;

import dk.gevinst.cells.Arm;
import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.CellTable;
import dk.gevinst.config.PilotIndicator;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.decision.TeamShares;
import dk.gevinst.stats.ClusteredShare;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cells of one contrast inside a comparison, re-armed: the units of one side become the pilot arm and
 * the units of the other the control arm; every other unit is left out. Case indicators keep their case
 * types, so each contrast is case-mix adjusted as a pilot is. Plain Java over the run's cells; no rescan.
 */
final class CandidateCells {
    private CandidateCells() {}

    /** @param armOfUnit the arm of each unit this contrast uses; units not in it are left out */
    static CellTable of(PilotSpec spec, CellTable table, Map<String, Arm> armOfUnit) {
        List<CellStats> out = new ArrayList<>();
        for (PilotIndicator indicator : spec.indicators()) {
            List<CellStats> strata = table.strata(spec.id(), indicator.id());
            for (CellStats c : strata.isEmpty() ? table.of(spec.id(), indicator.id()) : strata) {
                // Technical metrics have no unit: they describe the whole comparison, and stay with every contrast's pilot side.
                Arm arm = c.unit() == null ? c.arm() : armOfUnit.get(c.unit());
                if (arm != null) out.add(new CellStats(c.pilotId(), c.indicatorId(), c.unit(), c.stratum(), arm, c.period(), c.day(), c.moments()));
            }
        }
        return new CellTable(out);
    }

    /**
     * The candidate's preference answers after its start, team by team, as a share with an interval that counts
     * teams as clusters (at the candidate's alpha); null when the comparison has no preference indicator.
     */
    static ClusteredShare preferred(PilotSpec alone, CellTable cells, LocalDate asOf) {
        if (alone.indicators().stream().noneMatch(i -> i.id().equals(RecommendationRule.PREFERENCE))) return null;
        return TeamShares.pilotPost(cells.of(alone.id(), RecommendationRule.PREFERENCE), asOf, alone.decision().alpha());
    }
}

package dk.gevinst.cells;

import dk.gevinst.stats.Moments;
import java.time.LocalDate;

/**
 * Sufficient statistics of one pilot × indicator × unit × stratum × arm × period × day. The unit is the team
 * the observations came from; arms are sums of units. Technical metrics are pilot-scoped, not measured per
 * team, so their cells have no unit ({@code null}).
 *
 * <p>The stratum is the case type of case indicators ({@link #NO_CASE_TYPE} for cases without one), so
 * effects can be estimated within case type; it is {@code null} for sources that have no case type
 * (surveys, usage, technical metrics) and for cells already summed over strata.
 */
public record CellStats(String pilotId, String indicatorId, String unit, String stratum, Arm arm, Period period, LocalDate day,
                        Moments moments) {
    /** The stratum of cases whose export carries no case type: a case type of its own, not left out. */
    public static final String NO_CASE_TYPE = "";

    /** A cell summed over strata (or of a source without them). */
    public CellStats(String pilotId, String indicatorId, String unit, Arm arm, Period period, LocalDate day, Moments moments) {
        this(pilotId, indicatorId, unit, null, arm, period, day, moments);
    }

    /** A cell whose unit is unknown or does not apply: a technical metric, or an arm-level cell made by hand in a test. */
    public CellStats(String pilotId, String indicatorId, Arm arm, Period period, LocalDate day, Moments moments) {
        this(pilotId, indicatorId, null, null, arm, period, day, moments);
    }

    /**
     * Whether the other cell is of the same series: the same pilot, indicator, unit, arm and period. Sorted cells come
     * in runs of one series, which the day cells' readers (UnitPanel, CaseMixCells, CellSuppression) look up once.
     */
    public boolean sameSeries(CellStats other) {
        return arm == other.arm && period == other.period && java.util.Objects.equals(unit, other.unit) && pilotId.equals(other.pilotId)
            && indicatorId.equals(other.indicatorId);
    }

    /** The same cell without its stratum, holding the given moments. */
    CellStats withoutStratum(Moments summed) {
        return new CellStats(pilotId, indicatorId, unit, null, arm, period, day, summed);
    }
}

package dk.gevinst.cells;

import dk.gevinst.stats.Moments;
import java.time.LocalDate;

/**
 * Sufficient statistics of one pilot × indicator × unit × arm × period × day. The unit is the team the
 * observations came from; arms are sums of units. Technical metrics are pilot-scoped, not measured per
 * team, so their cells have no unit ({@code null}).
 */
public record CellStats(String pilotId, String indicatorId, String unit, Arm arm, Period period, LocalDate day, Moments moments) {

    /** A cell whose unit is unknown or does not apply: a technical metric, or an arm-level cell made by hand in a test. */
    public CellStats(String pilotId, String indicatorId, Arm arm, Period period, LocalDate day, Moments moments) {
        this(pilotId, indicatorId, null, arm, period, day, moments);
    }
}

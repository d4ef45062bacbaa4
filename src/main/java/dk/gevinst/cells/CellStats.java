package dk.gevinst.cells;

import dk.gevinst.stats.Moments;
import java.time.LocalDate;

/** Sufficient statistics of one pilot × indicator × arm × period × day. */
public record CellStats(String pilotId, String indicatorId, Arm arm, Period period, LocalDate day, Moments moments) {}

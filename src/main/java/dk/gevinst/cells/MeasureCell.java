package dk.gevinst.cells;

import dk.gevinst.stats.Moments;
import java.time.LocalDate;

/**
 * Sufficient statistics of one measure × unit × day (× case type, for cases), before any pilot is named. A
 * unit-bound observation (case, survey, usage) has a unit and no scope; a technical metric, which a pilot
 * reports for itself, has the pilot as scope and no unit. Every pilot that watches the same unit reads the
 * same measure cells, so Spark's work does not grow with the number of pilots (see {@link CellBindings}).
 */
record MeasureCell(String measure, String unit, String scope, LocalDate day, String stratum, Moments moments) {}

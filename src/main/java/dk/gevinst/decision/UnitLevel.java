package dk.gevinst.decision;

import java.util.List;

/**
 * What the team-level (unit-level) inference of one analysis rests on, as published. {@code method} is
 * {@code weekly_gap}, {@code placebo_in_space}, both ({@code weekly_gap+placebo_in_space}), or
 * {@code none} with {@code unavailable} saying why. The standard error and degrees of freedom are those of
 * the widest unit-level interval at the indicator's level: est ± t(ν)·se reproduces it.
 *
 * @param driftSd  the posterior mean of the drift's standard deviation (weekly gap), in the indicator's unit
 * @param driftRho the posterior mean of the drift's week-to-week correlation
 * @param hacSe    the Newey–West standard error of the weekly gap estimate (a floor and a diagnostic)
 */
public record UnitLevel(String method, String unavailable, int pilotUnits, int controlUnits, int preWeeks, int postWeeks,
                        Double se, Double dof, Double driftSd, Double driftRho, Double hacSe, Integer hacLag, Placebo placebo) {
    public static final String WEEKLY_GAP = "weekly_gap";
    public static final String PLACEBO = "placebo_in_space";
    public static final String NONE = "none";

    /** The placebo estimates, their root mean square (the standard error, J degrees of freedom) and the pilot's rank p-value. */
    public record Placebo(List<PlaceboUnit> units, double se, int dof, double rankPValue) {
        public Placebo {
            units = List.copyOf(units);
        }
    }

    public record PlaceboUnit(String unit, double estimate) {}

    public boolean available() {
        return !NONE.equals(method);
    }

    static UnitLevel none(String why, int pilotUnits, int controlUnits, int preWeeks, int postWeeks) {
        return new UnitLevel(NONE, why, pilotUnits, controlUnits, preWeeks, postWeeks, null, null, null, null, null, null, null);
    }
}

package dk.gevinst.decision;

/** The one fixed-horizon look on data up to the planned end; frozen once made, so later nights do not peek. */
public record FixedAnalysis(double estimate, double standardError, double dof, double ciLow, double ciHigh, double pValue, double alpha) {}

package dk.gevinst.decision;

/** The always-valid interval the nightly decision uses. */
public record SequentialAnalysis(double ciLow, double ciHigh, double alpha, double nStar) {}

package dk.gevinst.business;

/** One row of the costs source for a pilot: an option's one-off or yearly cost. */
public record CostLine(String pilotId, String option, String category, String kind, double amountDkk) {}

package dk.gevinst.business;

import java.util.List;

/**
 * The business case of one deployment option. {@code cumulativeLikely} and its bands hold the cumulative
 * discounted net value at the end of years 0..H, for the dashboard's chart. Null payback: not within H.
 */
public record OptionValue(String option, double oneOffDkk, double yearlyDkk, double npvDkk, double npvLowDkk, double npvHighDkk,
                          Double paybackYears, List<Double> cumulativeLow, List<Double> cumulativeLikely, List<Double> cumulativeHigh) {}

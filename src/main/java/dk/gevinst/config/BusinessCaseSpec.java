package dk.gevinst.config;

/** Inputs to the business case (Statens business case-model): what an hour costs and how many cases a year. */
public record BusinessCaseSpec(double hourlyCostDkk, int horizonYears, double discountRate, double annualCases) {
    public static final double DANISH_REAL_RATE = 0.035;
}

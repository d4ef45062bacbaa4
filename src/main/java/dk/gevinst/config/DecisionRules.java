package dk.gevinst.config;

/** The thresholds of the decision rule for one pilot. */
public record DecisionRules(double alpha, int minCases, int minResponses, int maxExtensionWeeks, double sequentialTuning) {
    public static final DecisionRules DEFAULTS = new DecisionRules(0.05, 100, 10, 12, 5000);
}

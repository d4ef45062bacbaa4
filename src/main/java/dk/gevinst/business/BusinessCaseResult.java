package dk.gevinst.business;

import java.util.List;

/** Every option's value, the best one (highest NPV), and the time the core-task effect frees per year. */
public record BusinessCaseResult(List<OptionValue> options, String bestOption, double hoursSavedPerYear,
                                 double hoursSavedLow, double hoursSavedHigh, double benefitPerYearDkk) {
    public OptionValue best() {
        return options.stream().filter(o -> o.option().equals(bestOption)).findFirst().orElseThrow();
    }
}

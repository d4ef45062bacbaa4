package dk.gevinst.business;

import java.util.List;

/**
 * Every option's value, the best one (highest NPV), and the time the core-task effect frees per year.
 * {@code costsKnown} is false when the costs source holds no row for the pilot: its options then cost 0 kr.
 * only because nothing was entered, and a value that counts no cost may not make a pilot GO.
 */
public record BusinessCaseResult(List<OptionValue> options, String bestOption, double hoursSavedPerYear,
                                 double hoursSavedLow, double hoursSavedHigh, double benefitPerYearDkk, boolean costsKnown) {
    public OptionValue best() {
        return options.stream().filter(o -> o.option().equals(bestOption)).findFirst().orElseThrow();
    }
}

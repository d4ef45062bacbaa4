package dk.gevinst.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dk.gevinst.cells.ExactSums;
import dk.gevinst.source.Columns;
import dk.gevinst.source.Source;
import org.apache.spark.sql.Column;

/** The rules across the typed values of one row, as a Spark expression giving the first reason broken, or null. */
final class RowRules {
    private RowRules() {}

    static Column violation(Source source, PlausibilityBounds bounds, CandidateIds candidates) {
        return switch (source) {
            case CASES -> when(col(Columns.DECIDED_AT).lt(col(Columns.OPENED_AT)), lit(Reasons.DECIDED_BEFORE_OPENED))
                .otherwise(range(Columns.HANDLING_MINUTES, bounds, true));
            case SURVEY_RESPONSES -> instrument(candidates);
            case COSTS -> when(col(Columns.KIND).isin(CostKind.ONE_OFF, CostKind.YEARLY).equalTo(false), lit(Reasons.badValue(Columns.KIND)))
                .otherwise(range(Columns.AMOUNT_DKK, bounds, false));
            case USAGE -> range(Columns.ACTIVE_MINUTES, bounds, true);
            case TECH_METRICS -> when(ExactSums.within(col(Columns.VALUE)).equalTo(false), lit(Reasons.outOfRange(Columns.VALUE)));
        };
    }

    /**
     * Negative, or above the configurable bound; and for a column the cells sum ({@code summed}), beyond what the
     * exact sums hold. Costs are not summed in Spark: the business case reads them as they are.
     */
    private static Column range(String column, PlausibilityBounds bounds, boolean summed) {
        Column v = col(column);
        Column rule = when(v.lt(0), lit(Reasons.negative(column)));
        double max = bounds.max(column);
        if (Double.isFinite(max)) rule = rule.when(v.gt(max), lit(Reasons.implausible(column)));
        return summed ? rule.when(ExactSums.within(v).equalTo(false), lit(Reasons.outOfRange(column))) : rule;
    }

    /**
     * The items and scores each known instrument allows (see SurveyInstruments); other instruments are custom.
     * A preference answer naming a candidate must name one of a comparison covering its unit; other instruments ignore the column.
     */
    private static Column instrument(CandidateIds candidates) {
        Column instrument = col(Columns.INSTRUMENT), item = col(Columns.ITEM), score = col(Columns.SCORE);
        Column fivePoint = score.notEqual(floor(score)).or(score.lt(1)).or(score.gt(5));
        String badItem = Reasons.implausible(Columns.ITEM), badScore = Reasons.implausible(Columns.SCORE);
        return when(instrument.equalTo(SurveyInstruments.SUS).and(item.lt(1).or(item.gt(SurveyInstruments.SUS_ITEMS))), lit(badItem))
            .when(instrument.equalTo(SurveyInstruments.SUS).and(fivePoint), lit(badScore))
            .when(instrument.equalTo(SurveyInstruments.CORE_TASK).and(item.lt(1)), lit(badItem))
            .when(instrument.equalTo(SurveyInstruments.CORE_TASK).and(fivePoint), lit(badScore))
            .when(instrument.equalTo(SurveyInstruments.PREFERENCE).and(item.notEqual(1)), lit(badItem))
            .when(instrument.equalTo(SurveyInstruments.PREFERENCE).and(score.isin(0, 1).equalTo(false)), lit(badScore))
            .when(instrument.equalTo(SurveyInstruments.PREFERENCE).and(candidates.unknown(col(Columns.UNIT), col(Columns.CANDIDATE))),
                lit(Reasons.unknownCandidate(Columns.CANDIDATE)))
            .when(ExactSums.within(score).equalTo(false), lit(Reasons.outOfRange(Columns.SCORE)));
    }
}

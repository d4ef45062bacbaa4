package dk.gevinst.cells;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_diff;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import dk.gevinst.indicator.Measure;
import dk.gevinst.ingest.SurveyInstruments;
import dk.gevinst.source.Columns;
import dk.gevinst.source.Source;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Turns each source into observations with one shape: (unit, pilot scope, day, measure key, value).
 * A case yields one observation per case measure any pilot uses, a survey response one per response,
 * a user one per active week, a technical metric one per day.
 */
final class Observations {
    static final String SCOPE = "_pilot_scope";
    static final String MEASURE = "_measure";
    static final String VALUE = "_value";
    static final String DAY = Columns.OBSERVATION_DAY;
    static final String UNIT = Columns.OBSERVATION_UNIT;

    private Observations() {}

    static Dataset<Row> fromCases(Dataset<Row> latestCases, Collection<Measure> measures) {
        if (measures.isEmpty()) return null;
        List<Column> pairs = new ArrayList<>();
        for (Measure m : measures) {
            pairs.add(struct(lit(MeasureKeys.of(m)).as("k"), caseValue(m).cast(DataTypes.DoubleType).as("v")));
        }
        return latestCases.filter(col(Columns.DECIDED_AT).isNotNull())
            .select(col(Columns.UNIT).as(UNIT), to_date(col(Columns.DECIDED_AT)).as(DAY), explode(array(pairs.toArray(Column[]::new))).as("o"))
            .filter(col("o.v").isNotNull())
            .select(col(UNIT), lit(null).cast(DataTypes.StringType).as(SCOPE), col(DAY), col("o.k").as(MEASURE), col("o.v").as(VALUE));
    }

    private static Column caseValue(Measure m) {
        return switch (m.kind()) {
            case COLUMN -> Source.CASES.indexOf(m.argument()) >= 0
                ? col(m.argument())
                : col(Columns.EXTRA).getItem(m.argument()).try_cast(DataTypes.DoubleType);
            case ELAPSED_DAYS -> timestamp_diff("SECOND", col(Columns.OPENED_AT), col(Columns.DECIDED_AT)).divide(86400.0);
            case FLAG -> when(col(m.argument()), 1.0).otherwise(0.0);
            case NOT_FLAG -> when(col(m.argument()), 0.0).otherwise(1.0);
            default -> throw new IllegalArgumentException("not a case measure: " + m);
        };
    }

    /**
     * One observation per response: the SUS score for sus, else the mean of the instrument's items. Ingest
     * quarantines incomplete SUS responses within a file; one split across files is not scored here.
     */
    static Dataset<Row> fromSurveys(Dataset<Row> responses) {
        Column odd = col(Columns.ITEM).mod(2).equalTo(1);
        Column susContribution = when(odd, col(Columns.SCORE).minus(1)).otherwise(lit(5).minus(col(Columns.SCORE)));
        Column isSus = col(Columns.INSTRUMENT).equalTo(SurveyInstruments.SUS);
        return responses
            .groupBy(col(Columns.RESPONSE_ID), col(Columns.INSTRUMENT), col(Columns.UNIT), to_date(col(Columns.ANSWERED_AT)).as(DAY))
            .agg(count(lit(1)).as("items"), sum(col(Columns.SCORE)).as("total"), sum(susContribution).as("sus_total"))
            .select(col(Columns.UNIT).as(UNIT), lit(null).cast(DataTypes.StringType).as(SCOPE), col(DAY),
                when(isSus, lit(MeasureKeys.of(new Measure(Measure.Kind.SUS, SurveyInstruments.SUS))))
                    .otherwise(concat(lit(MeasureKeys.of(new Measure(Measure.Kind.ITEM_MEAN, ""))), col(Columns.INSTRUMENT))).as(MEASURE),
                when(isSus, when(col("items").equalTo(SurveyInstruments.SUS_ITEMS), col("sus_total").multiply(2.5)))
                    .otherwise(col("total").divide(col("items"))).as(VALUE))
            .filter(col(VALUE).isNotNull());
    }

    /** One observation per user and week: 1 if active that week. Weeks start on Monday. */
    static Dataset<Row> fromUsage(Dataset<Row> usage) {
        Column week = to_date(date_trunc("week", col(Columns.DAY)));
        return usage.groupBy(col(Columns.USER_ID), col(Columns.UNIT), week.as(DAY))
            .agg(max(when(col(Columns.ACTIVE_MINUTES).gt(0), 1.0).otherwise(0.0)).as(VALUE))
            .select(col(Columns.UNIT).as(UNIT), lit(null).cast(DataTypes.StringType).as(SCOPE), col(DAY),
                lit(MeasureKeys.of(new Measure(Measure.Kind.ACTIVE_SHARE, null))).as(MEASURE), col(VALUE));
    }

    static Dataset<Row> fromTechMetrics(Dataset<Row> metrics) {
        return metrics.select(lit(null).cast(DataTypes.StringType).as(UNIT), col(Columns.PILOT_ID).as(SCOPE), col(Columns.DAY).as(DAY),
            concat(lit(MeasureKeys.of(new Measure(Measure.Kind.TECH_METRIC, ""))), col(Columns.METRIC)).as(MEASURE),
            col(Columns.VALUE).as(VALUE));
    }
}

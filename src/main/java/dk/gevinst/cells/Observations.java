package dk.gevinst.cells;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_diff;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import dk.gevinst.config.PilotSpec;
import dk.gevinst.indicator.Measure;
import dk.gevinst.ingest.SurveyInstruments;
import dk.gevinst.source.Columns;
import dk.gevinst.source.ValueColumns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * Turns each source into observations of one of two shapes. Unit-bound observations (cases, surveys,
 * usage) are (unit, day, measure key, value); pilot-bound ones (technical metrics, which a pilot reports
 * for itself) are (pilot scope, day, measure key, value). The two shapes join their bindings on plain
 * equalities, so Spark can hash-join both. A case yields one observation per case measure any pilot uses,
 * a survey response one per response, a known user one per week, a technical metric one per day.
 */
final class Observations {
    static final String SCOPE = "_pilot_scope";
    static final String MEASURE = "_measure";
    static final String VALUE = "_value";
    static final String DAY = Columns.OBSERVATION_DAY;
    static final String UNIT = Columns.OBSERVATION_UNIT;
    /** The case type for case observations, null for sources without one. */
    static final String STRATUM = "_stratum";

    private Observations() {}

    static Dataset<Row> fromCases(Dataset<Row> latestCases, Collection<Measure> measures) {
        List<Column> pairs = new ArrayList<>();
        for (Measure m : measures) {
            pairs.add(MeasureKeys.readsExtraColumn(m) ? extraColumnPair(m)
                : struct(lit(MeasureKeys.of(m)).as("k"), observedValue(m).cast(DataTypes.DoubleType).as("v")));
        }
        return latestCases.filter(col(Columns.DECIDED_AT).isNotNull())
            .select(col(Columns.UNIT).as(UNIT), to_date(col(Columns.DECIDED_AT)).as(DAY),
                coalesce(col(Columns.CASE_TYPE), lit(CellStats.NO_CASE_TYPE)).as(STRATUM), explode(array(pairs.toArray(Column[]::new))).as("o"))
            .filter(ExactSums.within(col("o.v")))
            .select(col(UNIT), col(DAY), col(STRATUM), col("o.k").as(MEASURE), col("o.v").as(VALUE));
    }

    /**
     * A custom column measure's pair (see MeasureKeys#readsExtraColumn): the value under the measure's key when it is a
     * number within the range; otherwise, when a value is there, a 0 under MeasureKeys#notANumber or #outOfRange, so
     * the cases the measure leaves out are counted rather than dropped in silence (values_not_numbers). One pair per
     * case, as for every other measure. A number is what a contract column accepts (ValueColumns#number, the text as
     * ingest left it, a decimal comma already a point): not Spark's cast, which takes 12d, 0x1p3, NaN and Infinity.
     */
    private static Column extraColumnPair(Measure m) {
        Column selected = m.among() == null ? lit(true) : coalesce(col(m.among()), lit(false));
        Column raw = col(Columns.EXTRA).getItem(m.argument()), number = ValueColumns.number(raw, false);
        Column observed = number.isNotNull().and(ExactSums.within(number));
        Column key = when(observed, lit(MeasureKeys.of(m))).when(number.isNotNull(), lit(MeasureKeys.outOfRange(m)))
            .otherwise(lit(MeasureKeys.notANumber(m)));
        return struct(key.as("k"), when(selected.and(raw.isNotNull()), when(observed, number).otherwise(lit(0.0))).as("v"));
    }

    /** The case's value, or null (no observation) when the measure observes only cases its {@code among} flag selects. */
    private static Column observedValue(Measure m) {
        Column value = caseValue(m);
        return m.among() == null ? value : when(col(m.among()), value);
    }

    private static Column caseValue(Measure m) {
        return switch (m.kind()) {
            // A contract column; an extra column is read by extraColumnPair.
            case COLUMN -> col(m.argument());
            case ELAPSED_DAYS -> timestamp_diff("SECOND", col(Columns.OPENED_AT), col(Columns.DECIDED_AT)).divide(86400.0);
            case FLAG -> when(col(m.argument()), 1.0).otherwise(0.0);
            case NOT_FLAG -> when(col(m.argument()), 0.0).otherwise(1.0);
            default -> throw new IllegalArgumentException("not a case measure: " + m);
        };
    }

    /**
     * One observation per response: the SUS score for sus, else the mean of the instrument's items. Ingest
     * quarantines incomplete SUS responses within a file; one split across files is not scored here.
     * <p>
     * A person counts once. For {@code preference}, whose share is read as the share of respondents preferring a
     * system, only each respondent's latest answer in a unit counts: one employee's twenty submissions, or a survey
     * tool that re-issues response ids each round, must not outvote the team (a stranger's 20 answers from one
     * respondent picked the system to buy). For other instruments each round counts (a pilot compares answers before
     * and after the start), but only the respondent's latest response to the instrument on a day: a re-submission.
     * Latest is by answered_at, then response_id.
     *
     * @param triedByUnit the candidate each unit of a comparison tries, by unit: a preference answer that names
     *                    another candidate counts 1 − score (a 1 there prefers the other system), see {@link #preferenceScore}
     */
    static Dataset<Row> fromSurveys(Dataset<Row> responses, Map<String, String> triedByUnit) {
        responses = responses.withColumn(Columns.SCORE, preferenceScore(triedByUnit));
        Column odd = col(Columns.ITEM).mod(2).equalTo(1);
        Column susContribution = when(odd, col(Columns.SCORE).minus(1)).otherwise(lit(5).minus(col(Columns.SCORE)));
        Column isSus = col(Columns.INSTRUMENT).equalTo(SurveyInstruments.SUS);
        Column roundOfAnswer = when(col(Columns.INSTRUMENT).equalTo(SurveyInstruments.PREFERENCE), lit(null).cast(DataTypes.DateType)).otherwise(col(DAY));
        WindowSpec latestOfPerson = Window.partitionBy(col("_person"), col(Columns.INSTRUMENT), col(Columns.UNIT), roundOfAnswer)
            .orderBy(col("_answered").desc(), col(Columns.RESPONSE_ID).desc());
        return responses
            .groupBy(col(Columns.RESPONSE_ID), col(Columns.RESPONDENT_ID).as("_person"), col(Columns.INSTRUMENT), col(Columns.UNIT), to_date(col(Columns.ANSWERED_AT)).as(DAY))
            .agg(count(lit(1)).as("items"), sum(col(Columns.SCORE)).as("total"), sum(susContribution).as("sus_total"),
                max(col(Columns.ANSWERED_AT)).as("_answered"))
            .withColumn("_rank", row_number().over(latestOfPerson))
            .filter(col("_rank").equalTo(1))
            .select(col(Columns.UNIT).as(UNIT), col(DAY), noStratum(),
                when(isSus, lit(MeasureKeys.of(new Measure(Measure.Kind.SUS, SurveyInstruments.SUS))))
                    .otherwise(concat(lit(MeasureKeys.of(new Measure(Measure.Kind.ITEM_MEAN, ""))), col(Columns.INSTRUMENT))).as(MEASURE),
                when(isSus, when(col("items").equalTo(SurveyInstruments.SUS_ITEMS), col("sus_total").multiply(2.5)))
                    .otherwise(col("total").divide(col("items"))).as(VALUE))
            .filter(col(VALUE).isNotNull());
    }

    /**
     * One observation per known user and week, dated by the week's Monday: 1 if the user was active that
     * week, else 0. A user is known to a unit from the first week they appear in its usage rows up to the
     * week of the exports' newest row (of any unit), and never past the week of {@code asOf}; a known user
     * without a row in a week counts as inactive, because exports need not carry zero-minute days. (A user who
     * leaves the unit keeps counting as inactive.) A week after the exports' newest row is not known at all: had
     * it counted every user as inactive, usage exports that stopped arriving would read as adoption falling to
     * nothing, and the source would look fresh (a stranger found "newest data: usage" on a day no export reached).
     */
    static Dataset<Row> fromUsage(Dataset<Row> usage, LocalDate asOf) {
        Column week = to_date(date_trunc("week", col(Columns.DAY)));
        // The newest week any unit's exports reach, over one row per user and unit: a window without partitions, so the
        // explode and the filter after it run in one task too (a row per known user and week).
        Column covered = least(max(col("_last_week")).over(Window.partitionBy()), lit(Weeks.monday(asOf)));
        return usage.groupBy(col(Columns.USER_ID), col(Columns.UNIT))
            .agg(min(week).as("_first_week"), max(week).as("_last_week"),
                collect_set(when(col(Columns.ACTIVE_MINUTES).gt(0), week)).as("_active_weeks"))
            .withColumn("_covered", covered)
            // A guard: rows dated after as_of are not read (StateTables#known), so no user's first week lies past the
            // covered one, which sequence() would refuse.
            .filter(col("_first_week").leq(col("_covered")))
            .select(col(Columns.UNIT).as(UNIT), col("_active_weeks"),
                explode(sequence(col("_first_week"), col("_covered"), expr("interval 1 week"))).as(DAY))
            .select(col(UNIT), col(DAY), noStratum(), lit(MeasureKeys.of(new Measure(Measure.Kind.ACTIVE_SHARE, null))).as(MEASURE),
                when(array_contains(col("_active_weeks"), col(DAY)), 1.0).otherwise(0.0).as(VALUE));
    }

    /**
     * A preference answer as the unit's own candidate reads it: its score when it names no candidate (the unit's
     * candidate is meant, as before the column) or the unit's own one; 1 − score when it names another candidate of
     * the comparison, because preferring the other system is not preferring the one this unit tries. Other rows keep their score.
     */
    static Column preferenceScore(Map<String, String> triedByUnit) {
        Column score = col(Columns.SCORE), named = col(Columns.CANDIDATE);
        if (triedByUnit.isEmpty()) return score;
        List<Column> entries = new ArrayList<>();
        new TreeMap<>(triedByUnit).forEach((unit, candidate) -> {
            entries.add(lit(unit));
            entries.add(lit(candidate));
        });
        Column tried = element_at(map(entries.toArray(Column[]::new)), col(Columns.UNIT));
        return when(col(Columns.INSTRUMENT).equalTo(SurveyInstruments.PREFERENCE).and(named.isNotNull()).and(tried.isNotNull())
            .and(named.notEqual(tried)), lit(1).minus(score)).otherwise(score);
    }

    /** The candidate each unit tries, over every comparison: a unit tries one system at a time. */
    static Map<String, String> triedByUnit(Collection<PilotSpec> specs) {
        Map<String, String> out = new TreeMap<>();
        for (PilotSpec s : specs) s.candidates().forEach(c -> c.units().forEach(u -> out.putIfAbsent(u, c.id())));
        return out;
    }

    /** Surveys and usage have no case type: their cells are not stratified. */
    private static Column noStratum() {
        return lit(null).cast(DataTypes.StringType).as(STRATUM);
    }

    static Dataset<Row> fromTechMetrics(Dataset<Row> metrics) {
        return metrics.select(col(Columns.PILOT_ID).as(SCOPE), col(Columns.DAY).as(DAY),
            concat(lit(MeasureKeys.of(new Measure(Measure.Kind.TECH_METRIC, ""))), col(Columns.METRIC)).as(MEASURE),
            col(Columns.VALUE).as(VALUE));
    }
}

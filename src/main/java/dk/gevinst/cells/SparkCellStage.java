package dk.gevinst.cells;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dk.gevinst.config.PilotIndicator;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.indicator.Measure;
import dk.gevinst.source.Columns;
import dk.gevinst.source.Source;
import dk.gevinst.stats.Moments;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One scan for every pilot and indicator: each source becomes observations, small broadcast tables bind
 * them to (pilot, indicator, unit, arm) and to each pilot's period windows, and a single aggregation
 * yields n, Σx and Σx² per pilot × indicator × unit × arm × period × day, and for case indicators per case
 * type too (the stratum of the case-mix adjustment; null for other sources). The driver collects only those
 * cells.
 *
 * <p>Unit-bound observations join their bindings on (measure, unit) and pilot-bound ones (technical
 * metrics) on (measure, pilot): two equi-joins that Spark runs as broadcast hash joins, unioned before the
 * one aggregation. One join on "unit matches, or no unit and the pilot matches" cannot be hashed, and with
 * many pilots it becomes a nested loop over every observation and binding.
 */
public final class SparkCellStage implements CellStage {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SparkCellStage.class);
    private static final String B_UNIT = "_b_unit";
    private static final String B_MEASURE = "_b_measure";
    private static final String PRE_FROM = "_pre_from";
    private static final String PRE_UNTIL = "_pre_until";
    private static final String POST_FROM = "_post_from";
    private static final String POST_TO = "_post_to";

    private static final StructType PILOT_BINDINGS = new StructType()
        .add(Columns.PILOT_ID, DataTypes.StringType, false)
        .add(Columns.INDICATOR, DataTypes.StringType, false)
        .add(Columns.ARM, DataTypes.StringType, false)
        .add(B_MEASURE, DataTypes.StringType, false)
        .add(PRE_FROM, DataTypes.DateType, true)
        .add(PRE_UNTIL, DataTypes.DateType, false)
        .add(POST_FROM, DataTypes.DateType, false)
        .add(POST_TO, DataTypes.DateType, false);
    private static final StructType UNIT_BINDINGS = PILOT_BINDINGS.add(B_UNIT, DataTypes.StringType, false);

    @Override
    public CellTable compute(SparkSession spark, Path stateRoot, List<PilotSpec> pilots, LocalDate asOf) {
        java.util.Objects.requireNonNull(spark, "spark");
        java.util.Objects.requireNonNull(stateRoot, "stateRoot");
        java.util.Objects.requireNonNull(asOf, "asOf");
        if (pilots.isEmpty()) return new CellTable(List.of());
        List<CellStats> out = new ArrayList<>();
        for (Row r : cells(spark, stateRoot, pilots, asOf).collectAsList()) {
            out.add(new CellStats(r.getAs(Columns.PILOT_ID), r.getAs(Columns.INDICATOR), r.getAs(Columns.UNIT), r.getAs(Columns.CASE_TYPE),
                Arm.valueOf(r.<String>getAs(Columns.ARM).toUpperCase()), Period.valueOf(r.<String>getAs(Columns.PERIOD).toUpperCase()),
                r.getAs(Columns.DAY), new Moments(r.<Long>getAs(Columns.N), r.<Double>getAs(Columns.SUM), r.<Double>getAs(Columns.SUM_SQ))));
        }
        out.sort(CellTable.ORDER.thenComparing(CellStats::stratum, Comparator.nullsFirst(Comparator.naturalOrder())));
        CellTable table = new CellTable(out);
        LOG.info("Cell stage: {} cells collected for {} pilots ({} after summing case types)", out.size(), pilots.size(), table.cells().size());
        return table;
    }

    /** The cells as a Dataset, before the collect: package-private so a test can read its physical plan. */
    static Dataset<Row> cells(SparkSession spark, Path stateRoot, List<PilotSpec> pilots, LocalDate asOf) {
        Set<Measure> caseMeasures = new LinkedHashSet<>();
        Set<Source> sources = new LinkedHashSet<>();
        for (PilotSpec p : pilots) {
            for (PilotIndicator i : p.indicators()) {
                sources.add(i.definition().source());
                if (i.definition().source() == Source.CASES) caseMeasures.add(i.definition().measure());
            }
        }
        List<Dataset<Row>> unitBound = new ArrayList<>();
        if (!caseMeasures.isEmpty()) {
            unitBound.add(Observations.fromCases(StateTables.latestCases(spark, stateRoot, asOf), caseMeasures));
        }
        if (sources.contains(Source.SURVEY_RESPONSES)) {
            unitBound.add(Observations.fromSurveys(StateTables.latestSurveyResponses(spark, stateRoot, asOf), Observations.triedByUnit(pilots)));
        }
        if (sources.contains(Source.USAGE)) {
            unitBound.add(Observations.fromUsage(StateTables.latestUsage(spark, stateRoot, asOf), asOf));
        }
        List<Dataset<Row>> bound = new ArrayList<>();
        if (!unitBound.isEmpty()) {
            Dataset<Row> bindings = broadcast(spark.createDataFrame(unitBindings(pilots, asOf), UNIT_BINDINGS));
            Dataset<Row> observations = unitBound.stream().reduce(Dataset::unionByName).orElseThrow();
            bound.add(observations.join(bindings, col(Observations.MEASURE).equalTo(col(B_MEASURE)).and(col(Observations.UNIT).equalTo(col(B_UNIT))))
                .select(boundColumns(col(Observations.UNIT), col(Observations.STRATUM))));
        }
        if (sources.contains(Source.TECH_METRICS)) {
            Dataset<Row> bindings = broadcast(spark.createDataFrame(pilotBindings(pilots, asOf), PILOT_BINDINGS));
            Dataset<Row> metrics = Observations.fromTechMetrics(StateTables.latestTechMetrics(spark, stateRoot, asOf));
            bound.add(metrics.join(bindings, col(Observations.MEASURE).equalTo(col(B_MEASURE)).and(col(Observations.SCOPE).equalTo(col(Columns.PILOT_ID))))
                .select(boundColumns(lit(null).cast(DataTypes.StringType), lit(null).cast(DataTypes.StringType))));
        }

        Column day = col(Observations.DAY);
        Column period = when(col(PRE_FROM).isNotNull().and(day.geq(col(PRE_FROM))).and(day.lt(col(PRE_UNTIL))), lit(Period.PRE.key()))
            .when(day.geq(col(POST_FROM)).and(day.leq(col(POST_TO))), lit(Period.POST.key()));
        return bound.stream().reduce(Dataset::unionByName).orElseThrow()
            .withColumn(Columns.PERIOD, period)
            .filter(col(Columns.PERIOD).isNotNull().and(day.leq(lit(asOf))))
            .groupBy(col(Columns.PILOT_ID), col(Columns.INDICATOR), col(Columns.UNIT), col(Columns.ARM), col(Columns.PERIOD), day.as(Columns.DAY),
                col(Columns.CASE_TYPE))
            .agg(count(lit(1)).as(Columns.N), exactSum(col(Observations.VALUE)).as(Columns.SUM),
                exactSum(col(Observations.VALUE).multiply(col(Observations.VALUE))).as(Columns.SUM_SQ));
    }

    /** The one shape both joins produce, so they union by name before the aggregation. */
    private static Column[] boundColumns(Column unit, Column stratum) {
        return new Column[] {col(Columns.PILOT_ID), col(Columns.INDICATOR), unit.as(Columns.UNIT), stratum.as(Columns.CASE_TYPE), col(Columns.ARM),
            col(PRE_FROM), col(PRE_UNTIL), col(POST_FROM), col(POST_TO), col(Observations.DAY), col(Observations.VALUE)};
    }

    /** One row per pilot × indicator × unit of the pilot's arms, for indicators measured per unit. */
    static List<Row> unitBindings(List<PilotSpec> pilots, LocalDate asOf) {
        List<Row> rows = new ArrayList<>();
        for (PilotSpec p : pilots) {
            for (PilotIndicator i : p.indicators()) {
                if (i.definition().source() == Source.TECH_METRICS) continue;
                for (String unit : p.pilotUnits()) rows.add(withUnit(binding(p, i, Arm.PILOT, asOf), unit));
                for (String unit : p.controlUnits()) rows.add(withUnit(binding(p, i, Arm.CONTROL, asOf), unit));
            }
        }
        return rows;
    }

    /** One row per pilot × technical indicator: the pilot reports these itself, in its pilot arm. */
    static List<Row> pilotBindings(List<PilotSpec> pilots, LocalDate asOf) {
        List<Row> rows = new ArrayList<>();
        for (PilotSpec p : pilots) {
            for (PilotIndicator i : p.indicators()) {
                if (i.definition().source() == Source.TECH_METRICS) rows.add(RowFactory.create(binding(p, i, Arm.PILOT, asOf)));
            }
        }
        return rows;
    }

    /** The columns of {@link #PILOT_BINDINGS}: who, in which arm, measured how, and the pilot's period windows. */
    private static Object[] binding(PilotSpec p, PilotIndicator i, Arm arm, LocalDate asOf) {
        return new Object[] {p.id(), i.id(), arm.key(), MeasureKeys.of(i.definition().measure()),
            p.baselineStart(), p.start(), p.postStart(), asOf.minusDays(i.maturityDays())};
    }

    /** The columns of {@link #UNIT_BINDINGS}: a binding and its unit. */
    private static Row withUnit(Object[] binding, String unit) {
        Object[] values = java.util.Arrays.copyOf(binding, binding.length + 1);
        values[binding.length] = unit;
        return RowFactory.create(values);
    }

    /**
     * A sum that does not depend on how Spark splits the rows: added as an exact decimal, rounded to a double once.
     * A double sum's last bits follow the partitioning, and a cluster must decide byte for byte as a laptop does.
     */
    private static Column exactSum(Column x) {
        return sum(x.cast("decimal(38,18)")).cast("double");
    }
}

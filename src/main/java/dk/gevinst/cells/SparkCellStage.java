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
 * One scan for every pilot and indicator: each source becomes observations, a small broadcast table binds
 * them to (pilot, indicator, arm) and to each pilot's period windows, and a single aggregation yields n,
 * Σx and Σx² per pilot × indicator × arm × period × day. The driver collects only those cells.
 */
public final class SparkCellStage implements CellStage {
    private static final StructType BINDINGS = new StructType()
        .add(Columns.PILOT_ID, DataTypes.StringType, false)
        .add(Columns.INDICATOR, DataTypes.StringType, false)
        .add("_b_unit", DataTypes.StringType, true)
        .add(Columns.ARM, DataTypes.StringType, false)
        .add("_b_measure", DataTypes.StringType, false)
        .add("_pre_from", DataTypes.DateType, true)
        .add("_pre_until", DataTypes.DateType, false)
        .add("_post_from", DataTypes.DateType, false)
        .add("_post_to", DataTypes.DateType, false);

    @Override
    public CellTable compute(SparkSession spark, Path stateRoot, List<PilotSpec> pilots, LocalDate asOf) {
        if (pilots.isEmpty()) return new CellTable(List.of());
        Set<Measure> caseMeasures = new LinkedHashSet<>();
        Set<Source> sources = new LinkedHashSet<>();
        for (PilotSpec p : pilots) {
            for (PilotIndicator i : p.indicators()) {
                sources.add(i.definition().source());
                if (i.definition().source() == Source.CASES) caseMeasures.add(i.definition().measure());
            }
        }
        List<Dataset<Row>> parts = new ArrayList<>();
        if (!caseMeasures.isEmpty()) {
            parts.add(Observations.fromCases(StateTables.latestCases(spark, stateRoot, asOf), caseMeasures));
        }
        if (sources.contains(Source.SURVEY_RESPONSES)) {
            parts.add(Observations.fromSurveys(StateTables.latestSurveyResponses(spark, stateRoot, asOf)));
        }
        if (sources.contains(Source.USAGE)) {
            parts.add(Observations.fromUsage(StateTables.latestUsage(spark, stateRoot, asOf)));
        }
        if (sources.contains(Source.TECH_METRICS)) {
            parts.add(Observations.fromTechMetrics(StateTables.latestTechMetrics(spark, stateRoot, asOf)));
        }
        Dataset<Row> observations = parts.stream().reduce(Dataset::unionByName).orElseThrow();
        Dataset<Row> bindings = broadcast(spark.createDataFrame(bindings(pilots, asOf), BINDINGS));

        Column joins = col(Observations.MEASURE).equalTo(col("_b_measure")).and(
            col(Observations.UNIT).equalTo(col("_b_unit"))
                .or(col("_b_unit").isNull().and(col(Observations.SCOPE).equalTo(col(Columns.PILOT_ID)))));
        Column day = col(Observations.DAY);
        Column period = when(col("_pre_from").isNotNull().and(day.geq(col("_pre_from"))).and(day.lt(col("_pre_until"))), lit(Period.PRE.key()))
            .when(day.geq(col("_post_from")).and(day.leq(col("_post_to"))), lit(Period.POST.key()));
        Dataset<Row> cells = observations.join(bindings, joins)
            .withColumn(Columns.PERIOD, period)
            .filter(col(Columns.PERIOD).isNotNull().and(day.leq(lit(asOf))))
            .groupBy(col(Columns.PILOT_ID), col(Columns.INDICATOR), col(Columns.ARM), col(Columns.PERIOD), day.as(Columns.DAY))
            .agg(count(lit(1)).as(Columns.N), sum(col(Observations.VALUE)).as(Columns.SUM),
                sum(col(Observations.VALUE).multiply(col(Observations.VALUE))).as(Columns.SUM_SQ));

        List<CellStats> out = new ArrayList<>();
        for (Row r : cells.collectAsList()) {
            out.add(new CellStats(r.getString(0), r.getString(1), Arm.valueOf(r.getString(2).toUpperCase()),
                Period.valueOf(r.getString(3).toUpperCase()), r.getAs(Columns.DAY),
                new Moments(r.getLong(5), r.getDouble(6), r.getDouble(7))));
        }
        out.sort(java.util.Comparator.comparing(CellStats::pilotId).thenComparing(CellStats::indicatorId)
            .thenComparing(CellStats::arm).thenComparing(CellStats::period).thenComparing(CellStats::day));
        return new CellTable(out);
    }

    /** One row per pilot × indicator × unit (tech metrics: per pilot), with the pilot's period windows. */
    static List<Row> bindings(List<PilotSpec> pilots, LocalDate asOf) {
        List<Row> rows = new ArrayList<>();
        for (PilotSpec p : pilots) {
            for (PilotIndicator i : p.indicators()) {
                String measure = MeasureKeys.of(i.definition().measure());
                LocalDate postTo = asOf.minusDays(i.maturityDays());
                if (i.definition().source() == Source.TECH_METRICS) {
                    rows.add(RowFactory.create(p.id(), i.id(), null, Arm.PILOT.key(), measure, p.baselineStart(), p.start(), p.postStart(), postTo));
                    continue;
                }
                for (String unit : p.pilotUnits()) {
                    rows.add(RowFactory.create(p.id(), i.id(), unit, Arm.PILOT.key(), measure, p.baselineStart(), p.start(), p.postStart(), postTo));
                }
                for (String unit : p.controlUnits()) {
                    rows.add(RowFactory.create(p.id(), i.id(), unit, Arm.CONTROL.key(), measure, p.baselineStart(), p.start(), p.postStart(), postTo));
                }
            }
        }
        return rows;
    }
}

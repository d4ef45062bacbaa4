package dk.gevinst.cells;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

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
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One query for every pilot and indicator, and Spark's work independent of the number of pilots. The
 * sources other than cases become observations, and a single aggregation yields their n, Σx and Σx² per
 * measure × unit × day (per measure × pilot × day for technical metrics, which a pilot reports for itself);
 * cases come as kept measure cells per measure × unit × day × case type (below).
 * The driver collects only those measure cells and gives them their pilots, arms and periods
 * ({@link CellBindings}): a pilot's day cell is the measure cell of its unit and day.
 *
 * <p>Binding observations to pilots in Spark instead (a join with a table of pilot × indicator × unit)
 * multiplied every observation by the pilots watching its unit before the aggregation: with 200 pilots,
 * about 67 a unit, the cell stage took eight times as long as for one pilot (docs/benchmarks.md, P5).
 * Only the measure × unit pairs and pilots some pilot binds are summed, and nothing before the first period of
 * any pilot.
 *
 * <p>Cases, by far the largest source, come as measure cells kept between nights ({@link KeptCaseCells}), so a
 * night ranks only the cases its new rows touch; they are cut to the bound pairs and days here, as the other
 * sources' observations are.
 */
public final class SparkCellStage implements CellStage {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SparkCellStage.class);
    private final boolean rebuild;
    /** The night's touched case versions, which the ingest's version counts may have read; null: this stage's own. */
    private final TouchedCaseVersions touched;

    /** Case cells kept between nights where they can be (see KeptCaseCells). */
    public SparkCellStage() {
        this(false, null);
    }

    /**
     * {@code rebuild}: case cells from every case version, as {@code run --full} asks. {@code touched}: the night's
     * touched case versions, shared with the ingest (null: read here if needed). The stage is their last reader and
     * releases them when it has computed: a stage given them computes once.
     */
    public SparkCellStage(boolean rebuild, TouchedCaseVersions touched) {
        this.rebuild = rebuild;
        this.touched = touched;
    }

    @Override
    public CellTable compute(SparkSession spark, Path stateRoot, List<PilotSpec> pilots, LocalDate asOf) {
        java.util.Objects.requireNonNull(spark, "spark");
        java.util.Objects.requireNonNull(stateRoot, "stateRoot");
        java.util.Objects.requireNonNull(asOf, "asOf");
        List<MeasureCell> measured = new ArrayList<>();
        TouchedCaseVersions versions = touched != null ? touched : TouchedCaseVersions.forOneStage();
        Measured cells;
        try {
            if (pilots.isEmpty()) return new CellTable(List.of());
            cells = measureCells(spark, stateRoot, pilots, asOf, rebuild, versions);
        } finally {
            // The last reader of the night's touched case versions, shared or not: what they held is not needed again.
            versions.close();
        }
        for (Row r : cells.rows().collectAsList()) {
            measured.add(new MeasureCell(r.getAs(Observations.MEASURE), r.getAs(Observations.UNIT), r.getAs(Observations.SCOPE),
                r.getAs(Observations.DAY), r.getAs(Columns.CASE_TYPE),
                new Moments(r.<Long>getAs(Columns.N), r.<Double>getAs(Columns.SUM), r.<Double>getAs(Columns.SUM_SQ))));
        }
        List<CellStats> out = CellBindings.bind(pilots, measured, asOf);
        CellTable table = new CellTable(out, cells.caseCells(), CellBindings.unobserved(pilots, measured, asOf));
        LOG.info("Cell stage: {} measure cells summed, {} cells for {} pilots ({} after summing case types)", measured.size(), out.size(),
            pilots.size(), table.cells().size());
        return table;
    }

    /** The measure cells before the collect, and how the case cells were had (null: no case indicator). */
    record Measured(Dataset<Row> rows, String caseCells) {}

    /** The measure cells as a Dataset, before the collect: package-private so a test can read its physical plan. */
    static Measured measureCells(SparkSession spark, Path stateRoot, List<PilotSpec> pilots, LocalDate asOf, boolean rebuild) {
        try (TouchedCaseVersions touched = TouchedCaseVersions.forOneStage()) {
            return measureCells(spark, stateRoot, pilots, asOf, rebuild, touched);
        }
    }

    private static Measured measureCells(SparkSession spark, Path stateRoot, List<PilotSpec> pilots, LocalDate asOf, boolean rebuild,
                                         TouchedCaseVersions touched) {
        Set<Measure> caseMeasures = caseMeasures(pilots);
        Set<Source> sources = new LinkedHashSet<>();
        Set<String> measures = new TreeSet<>();
        for (PilotSpec p : pilots) {
            for (PilotIndicator i : p.indicators()) {
                sources.add(i.definition().source());
                measures.addAll(MeasureKeys.withUnobserved(i.definition().measure()));
            }
        }
        Column day = col(Observations.DAY);
        Column wanted = col(Observations.MEASURE).isin(measures.toArray()).and(day.between(lit(CellBindings.firstDay(pilots)), lit(asOf)));
        Set<String> units = CellBindings.boundUnits(pilots);
        Column bound = col(Observations.UNIT).isin(units.toArray())
            .and(concat(col(Observations.MEASURE), lit(CellBindings.KEY_SEPARATOR), col(Observations.UNIT)).isin(CellBindings.boundPairs(pilots).toArray()));
        List<Dataset<Row>> cells = new ArrayList<>();
        String caseCells = null;
        if (!caseMeasures.isEmpty() && !units.isEmpty()) {
            KeptCaseCells.Cells cases = KeptCaseCells.tonight(spark, stateRoot, caseMeasures, asOf, rebuild, KnownIncrement.MAX_ROWS, touched);
            LOG.info("Case cells: {}", cases.how());
            caseCells = cases.how().name();
            cells.add(cases.rows().filter(bound.and(wanted))
                .select(col(Observations.MEASURE), col(Observations.UNIT), lit(null).cast(DataTypes.StringType).as(Observations.SCOPE), day,
                    col(Columns.CASE_TYPE), col(Columns.N), col(Columns.SUM).cast(DataTypes.DoubleType).as(Columns.SUM),
                    col(Columns.SUM_SQ).cast(DataTypes.DoubleType).as(Columns.SUM_SQ)));
        }
        List<Dataset<Row>> unitBound = new ArrayList<>();
        if (sources.contains(Source.SURVEY_RESPONSES)) {
            unitBound.add(Observations.fromSurveys(StateTables.latestSurveyResponses(spark, stateRoot, asOf), Observations.triedByUnit(pilots)));
        }
        if (sources.contains(Source.USAGE)) {
            unitBound.add(Observations.fromUsage(StateTables.latestUsage(spark, stateRoot, asOf), asOf));
        }
        List<Dataset<Row>> observed = new ArrayList<>();
        if (!unitBound.isEmpty() && !units.isEmpty()) {
            observed.add(unitBound.stream().reduce(Dataset::unionByName).orElseThrow()
                .filter(bound)
                .select(col(Observations.MEASURE), col(Observations.UNIT), lit(null).cast(DataTypes.StringType).as(Observations.SCOPE),
                    col(Observations.DAY), col(Observations.STRATUM), col(Observations.VALUE)));
        }
        Set<String> scopes = CellBindings.metricScopes(pilots);
        if (sources.contains(Source.TECH_METRICS) && !scopes.isEmpty()) {
            observed.add(Observations.fromTechMetrics(StateTables.latestTechMetrics(spark, stateRoot, asOf))
                .filter(col(Observations.SCOPE).isin(scopes.toArray()))
                .select(col(Observations.MEASURE), lit(null).cast(DataTypes.StringType).as(Observations.UNIT), col(Observations.SCOPE),
                    col(Observations.DAY), lit(null).cast(DataTypes.StringType).as(Observations.STRATUM), col(Observations.VALUE)));
        }
        if (!observed.isEmpty()) {
            cells.add(observed.stream().reduce(Dataset::unionByName).orElseThrow().filter(wanted.and(ExactSums.within(col(Observations.VALUE))))
                .groupBy(col(Observations.MEASURE), col(Observations.UNIT), col(Observations.SCOPE), day, col(Observations.STRATUM).as(Columns.CASE_TYPE))
                .agg(count(lit(1)).as(Columns.N), ExactSums.sum(col(Observations.VALUE)).as(Columns.SUM),
                    ExactSums.sum(col(Observations.VALUE).multiply(col(Observations.VALUE))).as(Columns.SUM_SQ)));
        }
        if (cells.isEmpty()) return new Measured(spark.createDataFrame(List.of(), MEASURE_CELLS), caseCells);
        return new Measured(cells.stream().reduce(Dataset::unionByName).orElseThrow(), caseCells);
    }

    /** The measures of the pilots' case indicators: what the case cells are kept for. */
    static Set<Measure> caseMeasures(List<PilotSpec> pilots) {
        Set<Measure> out = new LinkedHashSet<>();
        for (PilotSpec p : pilots) {
            for (PilotIndicator i : p.indicators()) if (i.definition().source() == Source.CASES) out.add(i.definition().measure());
        }
        return out;
    }

    /** What {@link #measureCells} yields, for a night where no pilot reads any source. */
    private static final StructType MEASURE_CELLS = new StructType()
        .add(Observations.MEASURE, DataTypes.StringType).add(Observations.UNIT, DataTypes.StringType)
        .add(Observations.SCOPE, DataTypes.StringType).add(Observations.DAY, DataTypes.DateType)
        .add(Columns.CASE_TYPE, DataTypes.StringType).add(Columns.N, DataTypes.LongType)
        .add(Columns.SUM, DataTypes.DoubleType).add(Columns.SUM_SQ, DataTypes.DoubleType);
}

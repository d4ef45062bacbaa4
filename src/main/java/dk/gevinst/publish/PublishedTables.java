package dk.gevinst.publish;

import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.cells.CellStats;
import dk.gevinst.decision.IndicatorResult;
import dk.gevinst.decision.PilotEvaluation;
import dk.gevinst.ingest.FileLedger;
import dk.gevinst.parallel.DriverCores;
import dk.gevinst.cells.StateTables;
import dk.gevinst.privacy.CellSuppression;
import dk.gevinst.source.Columns;
import dk.gevinst.spark.DriverRows;
import dk.gevinst.spark.Tables;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Parquet tables under OUT/tables/, each partitioned by as_of. A publication is staged afresh each night with
 * the earlier nights' partitions carried over (StagedPublish), so tonight's partition is written new, never replaced.
 */
public final class PublishedTables {
    public static final String CELL_STATS = "cell_stats";
    public static final String INDICATOR_RESULTS = "indicator_results";
    public static final String DECISIONS = "decisions";
    public static final String QUARANTINE = "quarantine";
    /** The main reason's code in the decisions table; read back for the history. */
    public static final String REASON_CODE = "reason_code";
    /** The interval the decision used, per indicator and night; read back for the history's narrowing chart. */
    public static final String DECISION_CI_LOW = "decision_ci_low";
    public static final String DECISION_CI_HIGH = "decision_ci_high";
    public static final String DECISION_ALPHA = "decision_alpha";
    /** The decision interval relative to the level without the pilot, as published that night (null when read absolutely is all there is). */
    public static final String DECISION_RELATIVE_CI_LOW = "decision_relative_ci_low";
    public static final String DECISION_RELATIVE_CI_HIGH = "decision_relative_ci_high";
    public static final String RELATIVE_EFFECT = "relative_effect";
    public static final String EFFECT = "effect";
    public static final String COUNTERFACTUAL = "counterfactual";
    public static final String ROLE = "role";

    static final StructType CELL_SCHEMA = new StructType()
        .add(Columns.PILOT_ID, DataTypes.StringType).add(Columns.INDICATOR, DataTypes.StringType).add(Columns.UNIT, DataTypes.StringType)
        .add(Columns.ARM, DataTypes.StringType).add(Columns.PERIOD, DataTypes.StringType).add(Columns.DAY, DataTypes.DateType)
        .add(Columns.N, DataTypes.LongType).add(Columns.SUM, DataTypes.DoubleType).add(Columns.SUM_SQ, DataTypes.DoubleType)
        .add(Columns.SUPPRESSED, DataTypes.BooleanType).add(Columns.AS_OF, DataTypes.DateType);
    public static final StructType RESULT_SCHEMA = new StructType()
        .add(Columns.PILOT_ID, DataTypes.StringType).add(Columns.INDICATOR, DataTypes.StringType)
        .add(ROLE, DataTypes.StringType).add("direction", DataTypes.StringType).add("design", DataTypes.StringType)
        .add(EFFECT, DataTypes.DoubleType).add("se", DataTypes.DoubleType).add("dof", DataTypes.DoubleType)
        .add(COUNTERFACTUAL, DataTypes.DoubleType).add(RELATIVE_EFFECT, DataTypes.DoubleType)
        .add("sequential_ci_low", DataTypes.DoubleType).add("sequential_ci_high", DataTypes.DoubleType)
        .add("fixed_ci_low", DataTypes.DoubleType).add("fixed_ci_high", DataTypes.DoubleType).add("fixed_p_value", DataTypes.DoubleType)
        .add("mde_abs", DataTypes.DoubleType).add("margin", DataTypes.DoubleType).add("verdict", DataTypes.StringType)
        .add(DECISION_CI_LOW, DataTypes.DoubleType).add(DECISION_CI_HIGH, DataTypes.DoubleType).add(DECISION_ALPHA, DataTypes.DoubleType)
        .add(DECISION_RELATIVE_CI_LOW, DataTypes.DoubleType).add(DECISION_RELATIVE_CI_HIGH, DataTypes.DoubleType)
        .add(Columns.AS_OF, DataTypes.DateType);
    public static final StructType DECISION_SCHEMA = new StructType()
        .add(Columns.PILOT_ID, DataTypes.StringType).add("status", DataTypes.StringType).add(Columns.DECISION, DataTypes.StringType)
        .add(REASON_CODE, DataTypes.StringType).add("reason_da", DataTypes.StringType).add("reason_en", DataTypes.StringType)
        .add("extend_weeks", DataTypes.IntegerType).add(Columns.RUN_ID, DataTypes.StringType).add(Columns.AS_OF, DataTypes.DateType);

    private PublishedTables() {}

    /**
     * Writes tonight's partition of each table.
     *
     * @param decidedTonight the evaluations whose numbers tonight's decisions rest on (a kept decision has none tonight), with
     *                       their cells' suppression as their documents published it
     * @param documents every published decision document: the decisions table says what they say
     */
    public static void write(SparkSession spark, Path tablesRoot, Path stateRoot, List<PilotCells> decidedTonight,
                             List<JsonNode> documents, String runId, LocalDate asOf) {
        Tables.writeNewPartition(DriverRows.of(spark, cellRows(decidedTonight, asOf), CELL_SCHEMA), new Path(tablesRoot, CELL_STATS),
            Columns.AS_OF, asOf);
        List<PilotEvaluation> evaluations = decidedTonight.stream().map(PilotCells::evaluation).toList();
        Tables.writeNewPartition(spark.createDataFrame(resultRows(evaluations, asOf), RESULT_SCHEMA), new Path(tablesRoot, INDICATOR_RESULTS),
            Columns.AS_OF, asOf);
        Tables.writeNewPartition(spark.createDataFrame(decisionRows(documents, runId, asOf), DECISION_SCHEMA), new Path(tablesRoot, DECISIONS),
            Columns.AS_OF, asOf);
        writeQuarantine(spark, tablesRoot, stateRoot, asOf);
    }

    /**
     * The quarantine rows of the files that arrived for this night, each published once: partition as_of=D
     * holds the rows of the file versions first known on D (a rerun or a replay of D writes the same rows
     * again). Rows name the file by its display path (CPR-shaped text masked), line and reason, never values.
     */
    static void writeQuarantine(SparkSession spark, Path tablesRoot, Path stateRoot, LocalDate asOf) {
        List<String> arrived = new ArrayList<>();
        try {
            FileLedger ledger = FileLedger.load(new Storage(spark.sparkContext().hadoopConfiguration()), stateRoot);
            for (FileLedger.Entry e : ledger.knownOn(asOf)) if (e.knownFromDate().equals(asOf)) arrived.add(e.version());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Dataset<Row> q = StateTables.quarantine(spark, stateRoot, arrived)
            .withColumnRenamed(Columns.RUN_ID, "ingest_run_id")
            .withColumn(Columns.AS_OF, lit(asOf));
        Tables.writeNewPartition(q, new Path(tablesRoot, QUARANTINE), Columns.AS_OF, asOf);
    }

    /**
     * Day cells per unit. Under the k ≥ 5 rule a small cell carries no numbers, and neither do the cells
     * hidden with it so that no total published elsewhere recovers it by subtraction ({@link CellSuppression}).
     */
    static List<Row> cellRows(List<PilotCells> pilots, LocalDate asOf) {
        // Pilots' rows are made on the driver's cores and come back in pilot order, the order the table keeps.
        List<Row> rows = new ArrayList<>();
        DriverCores.map(pilots, p -> cellRows(p, asOf)).forEach(rows::addAll);
        return rows;
    }

    private static List<Row> cellRows(PilotCells p, LocalDate asOf) {
        List<Row> rows = new ArrayList<>();
        p.byIndicator().forEach((indicator, cells) -> {
            for (int i = 0; i < cells.size(); i++) {
                CellStats c = cells.get(i);
                boolean h = p.hiddenDay(indicator, i);
                rows.add(RowFactory.create(c.pilotId(), c.indicatorId(), c.unit(), c.arm().key(), c.period().key(), c.day(),
                    h ? null : c.moments().n(), h ? null : c.moments().sum(), h ? null : c.moments().sumSq(), h, asOf));
            }
        });
        return rows;
    }

    static List<Row> resultRows(List<PilotEvaluation> pilots, LocalDate asOf) {
        List<Row> rows = new ArrayList<>();
        for (PilotEvaluation p : pilots) {
            for (IndicatorResult r : p.indicators()) {
                var d = r.decisionInterval();
                var rel = r.relativeInterval();
                rows.add(RowFactory.create(p.pilotId(), r.id(), r.indicator().role().key(), r.indicator().definition().direction().key(),
                    r.design().key(), finite(r.effect()), finite(r.standardError()), finite(r.dof()), finite(r.counterfactual()),
                    finite(r.relativeEffect()),
                    low(r, r.sequential()), high(r, r.sequential()), low(r, r.fixed()), high(r, r.fixed()),
                    r.fixed() == null || r.published() != r.fixed() ? null : finite(pValue(r)), finite(r.mdeAbs()), finite(r.marginAbs()), r.verdict().key(),
                    d == null ? null : finite(d.low()), d == null ? null : finite(d.high()), d == null ? null : d.alpha(),
                    rel == null ? null : finite(rel.low()), rel == null ? null : finite(rel.high()), asOf));
            }
        }
        return rows;
    }

    /** An analysis's interval at the level the verdict was judged at. */
    private static Double low(IndicatorResult r, dk.gevinst.decision.Analysis a) {
        return a == null || r.bound() == null ? null : finite(a.at(r.bound().alpha()).low());
    }

    private static Double high(IndicatorResult r, dk.gevinst.decision.Analysis a) {
        return a == null || r.bound() == null ? null : finite(a.at(r.bound().alpha()).high());
    }

    private static double pValue(IndicatorResult r) {
        double se = r.standardError(), dof = r.dof();
        return se > 0 ? 2 * dk.gevinst.stats.FixedHorizon.upperTail(Math.abs(r.effect() / se), Double.isFinite(dof) ? dof : Double.POSITIVE_INFINITY) : Double.NaN;
    }

    /** One row per published document, from the document itself, so the table and the JSON cannot disagree. */
    static List<Row> decisionRows(List<JsonNode> documents, String runId, LocalDate asOf) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode d : documents) {
            JsonNode main = d.path("reasons").path(0);
            rows.add(RowFactory.create(d.path("pilot_id").asText(), d.path("status").asText(), d.path("decision").textValue(),
                main.path("code").asText(), main.path("da").asText(), main.path("en").asText(),
                d.path("extend_weeks").isInt() ? d.path("extend_weeks").asInt() : null, runId, asOf));
        }
        return rows;
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }
}

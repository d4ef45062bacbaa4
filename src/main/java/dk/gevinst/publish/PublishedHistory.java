package dk.gevinst.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.decision.IndicatorResult;
import dk.gevinst.decision.PilotEvaluation;
import dk.gevinst.indicator.Role;
import dk.gevinst.publish.DecisionDocument.HistoryEntry;
import dk.gevinst.publish.DecisionDocument.HistoryInterval;
import dk.gevinst.source.Columns;
import dk.gevinst.spark.Tables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Earlier nights as they were published: each night's decision and, per deciding indicator, the interval
 * the decision used, so a page can show how the interval narrowed night by night without recomputing.
 */
public final class PublishedHistory {
    private PublishedHistory() {}

    /** Per pilot, oldest first, every published night before {@code asOf} (tonight replaces its own as_of). */
    public static Map<String, List<HistoryEntry>> before(SparkSession spark, Path tablesRoot, LocalDate asOf) {
        Map<String, List<HistoryEntry>> out = new HashMap<>();
        Path decisions = new Path(tablesRoot, PublishedTables.DECISIONS);
        if (!Tables.exists(spark, decisions)) return out;
        Map<String, List<HistoryInterval>> intervals = intervals(spark, new Path(tablesRoot, PublishedTables.INDICATOR_RESULTS), asOf);
        List<Row> rows = Tables.readOrEmpty(spark, decisions, PublishedTables.DECISION_SCHEMA)
            .filter(col(Columns.AS_OF).lt(lit(asOf))).orderBy(Columns.AS_OF).collectAsList();
        for (Row r : rows) {
            String pilot = r.getAs(Columns.PILOT_ID);
            String night = r.getAs(Columns.AS_OF).toString();
            out.computeIfAbsent(pilot, k -> new ArrayList<>()).add(new HistoryEntry(night, r.getAs(Columns.DECISION),
                r.getAs(PublishedTables.REASON_CODE), intervals.getOrDefault(pilot + "|" + night, List.of())));
        }
        return out;
    }

    /** Tonight's entry, from the evaluation itself. */
    public static HistoryEntry tonight(PilotEvaluation e) {
        List<HistoryInterval> intervals = new ArrayList<>();
        for (IndicatorResult r : e.indicators()) {
            var d = r.decisionInterval();
            if (!r.indicator().role().decides() || d == null || !Double.isFinite(d.low()) || !Double.isFinite(d.high())) continue;
            var rel = r.relativeInterval();
            intervals.add(new HistoryInterval(r.id(), finite(r.effect()), d.low(), d.high(), d.alpha(), finite(r.counterfactual()),
                finite(r.relativeEffect()), rel == null ? null : finite(rel.low()), rel == null ? null : finite(rel.high())));
        }
        return new HistoryEntry(e.asOf().toString(), e.decision().outcome() == null ? null : e.decision().outcome().name(),
            e.decision().mainReason().code(), intervals);
    }

    /**
     * Tonight's entry for a published document: its decision and main reason, and the decision intervals of
     * {@code decidedTonight} when tonight decided it (a decision kept from an earlier night made none tonight).
     */
    public static HistoryEntry tonight(JsonNode doc, PilotEvaluation decidedTonight) {
        List<HistoryInterval> intervals = decidedTonight == null ? List.of() : tonight(decidedTonight).intervals();
        return new HistoryEntry(doc.path("as_of").asText(), doc.path("decision").textValue(),
            doc.path("reasons").path(0).path("code").asText(), intervals);
    }

    private static Map<String, List<HistoryInterval>> intervals(SparkSession spark, Path results, LocalDate asOf) {
        Map<String, List<HistoryInterval>> out = new HashMap<>();
        if (!Tables.exists(spark, results)) return out;
        List<Row> rows = Tables.readOrEmpty(spark, results, PublishedTables.RESULT_SCHEMA)
            .filter(col(Columns.AS_OF).lt(lit(asOf)).and(col(PublishedTables.DECISION_CI_LOW).isNotNull())
                .and(col(PublishedTables.DECISION_CI_HIGH).isNotNull()))
            .select(Columns.PILOT_ID, Columns.INDICATOR, PublishedTables.ROLE, PublishedTables.EFFECT, PublishedTables.DECISION_CI_LOW,
                PublishedTables.DECISION_CI_HIGH, PublishedTables.DECISION_ALPHA, PublishedTables.COUNTERFACTUAL, PublishedTables.RELATIVE_EFFECT,
                PublishedTables.DECISION_RELATIVE_CI_LOW, PublishedTables.DECISION_RELATIVE_CI_HIGH, Columns.AS_OF)
            .orderBy(Columns.PILOT_ID, Columns.INDICATOR).collectAsList();
        for (Row r : rows) {
            Role role = Role.parse(r.getAs(PublishedTables.ROLE));
            if (role == null || !role.decides()) continue;
            out.computeIfAbsent(r.getAs(Columns.PILOT_ID) + "|" + r.getAs(Columns.AS_OF), k -> new ArrayList<>())
                .add(new HistoryInterval(r.getAs(Columns.INDICATOR), r.getAs(PublishedTables.EFFECT), r.getAs(PublishedTables.DECISION_CI_LOW),
                    r.getAs(PublishedTables.DECISION_CI_HIGH), r.getAs(PublishedTables.DECISION_ALPHA), r.getAs(PublishedTables.COUNTERFACTUAL),
                    r.getAs(PublishedTables.RELATIVE_EFFECT), r.getAs(PublishedTables.DECISION_RELATIVE_CI_LOW),
                    r.getAs(PublishedTables.DECISION_RELATIVE_CI_HIGH)));
        }
        return out;
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }
}

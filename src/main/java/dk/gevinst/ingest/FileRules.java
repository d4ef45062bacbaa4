package dk.gevinst.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import dk.gevinst.source.Columns;
import dk.gevinst.source.Source;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The rules that need a whole file: the same key and version twice is a duplicate (the first line wins);
 * one citizen's case registered twice under two case ids is a duplicate; a SUS response without all ten
 * items is incomplete (all its rows). They run on a few columns of the rows just written, shuffled once by
 * file: each rule is a window within the file (a group never spans files), so every rule and the counts
 * after them share that one shuffle and need no join back, and a night's ingest runs few Spark jobs (see
 * SourceIngest). Only rows written as accepted take part in a rule; the result marks the rows a rule
 * quarantines, which StateTables then leaves out.
 */
final class FileRules {
    /** The reason a whole-file rule gives a row, else null. */
    static final String MARK = "_file_rule";
    /** Whether a row was written as accepted: the rules' groups never mix accepted and quarantined rows. */
    private static final String TAKES_PART = "_takes_part";

    private FileRules() {}

    /** The columns a rule reads, besides FILE_REF, FILE, LINE and REASON_CODE. */
    static List<String> ruleColumns(Source source) {
        List<String> keep = new ArrayList<>();
        for (String c : source.duplicateKey()) if (!keep.contains(c)) keep.add(c);
        if (source == Source.CASES) keep.add(Columns.REGISTRATION);
        if (source == Source.SURVEY_RESPONSES) {
            for (String c : List.of(Columns.RESPONSE_ID, Columns.INSTRUMENT, Columns.ITEM)) if (!keep.contains(c)) keep.add(c);
        }
        return keep;
    }

    /**
     * Every row of {@code written} (rows of a state table, repartitioned here by file) with MARK: the reason a
     * whole-file rule quarantines it, or null. A row two rules mark keeps one reason: "duplicate" sorts first,
     * as it was checked first.
     */
    static Dataset<Row> marked(Source source, Dataset<Row> written) {
        Dataset<Row> rows = written.withColumn(TAKES_PART, col(Columns.REASON_CODE).isNull()).repartition(col(Columns.FILE_REF));
        List<Column> marks = new ArrayList<>();
        marks.add(when(col(Columns.LINE).gt(min(col(Columns.LINE)).over(within(source.duplicateKey()))), lit(Reasons.DUPLICATE)));
        if (source == Source.CASES) marks.add(doubleRegistration());
        if (source == Source.SURVEY_RESPONSES) marks.add(incompleteSus());
        Column mark = marks.size() == 1 ? marks.get(0) : least(marks.toArray(Column[]::new));
        return rows.withColumn(MARK, when(col(TAKES_PART), mark)).drop(TAKES_PART);
    }

    /**
     * The same citizen, case type and opening time under another case id is one case registered twice. The
     * case id on the first line of a registration claims it; rows of other case ids are duplicates. This is the
     * one use of the (pseudonymised) citizen id, through its registration hash; the id itself is not kept.
     */
    private static Column doubleRegistration() {
        WindowSpec registration = within(List.of(Columns.REGISTRATION));
        Column caseId = col(Columns.CASE_ID);
        Column sharedByTwoIds = min(caseId).over(registration).notEqual(max(caseId).over(registration));
        Column notTheFirst = caseId.notEqual(min_by(caseId, col(Columns.LINE)).over(registration));
        return when(col(Columns.REGISTRATION).isNotNull().and(sharedByTwoIds).and(notTheFirst), lit(Reasons.DUPLICATE));
    }

    /** A SUS response must have all ten items in its file. */
    private static Column incompleteSus() {
        Column items = size(collect_set(col(Columns.ITEM)).over(within(List.of(Columns.RESPONSE_ID, Columns.INSTRUMENT))));
        return when(col(Columns.INSTRUMENT).equalTo(SurveyInstruments.SUS).and(items.notEqual(SurveyInstruments.SUS_ITEMS)),
            lit(Reasons.INCOMPLETE_RESPONSE));
    }

    /** A group within one file, of accepted rows only (an empty key part groups with an empty one, as before). */
    private static WindowSpec within(List<String> key) {
        List<Column> by = new ArrayList<>(List.of(col(Columns.FILE_REF), col(TAKES_PART)));
        for (String k : key) by.add(col(k));
        return Window.partitionBy(by.toArray(Column[]::new));
    }
}

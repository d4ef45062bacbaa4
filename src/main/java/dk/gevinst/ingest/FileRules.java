package dk.gevinst.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.size;

import dk.gevinst.source.Columns;
import dk.gevinst.source.Source;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The rules that need a whole file: the same key and version twice is a duplicate (the first line wins);
 * one citizen's case registered twice under two case ids is a duplicate; a SUS response without all ten
 * items is incomplete (all its rows). They run on a few columns of the rows just written as accepted,
 * shuffled once by file. Each rule aggregates (no sort) to the few groups that break it and joins those
 * back, so the cost stays close to one pass; the result is only the rows they quarantine, which
 * StateTables then leaves out.
 */
final class FileRules {
    static final String MARK = "_file_rule";
    private static final String FIRST_LINE = "_first_line";
    private static final String FIRST_CASE = "_first_case";
    private static final String OTHER_CASE = "_other_case";
    private static final String ITEMS = "_items";

    private FileRules() {}

    /** The accepted rows (of a state table) that a whole-file rule quarantines: FILE_REF, FILE, LINE, MARK. */
    static Dataset<Row> marks(Source source, Dataset<Row> written) {
        List<String> keep = new ArrayList<>(List.of(Columns.FILE_REF, Columns.FILE, Columns.LINE));
        for (String c : source.duplicateKey()) if (!keep.contains(c)) keep.add(c);
        if (source == Source.CASES) keep.add(Columns.REGISTRATION);
        if (source == Source.SURVEY_RESPONSES && !keep.contains(Columns.INSTRUMENT)) keep.add(Columns.INSTRUMENT);
        // One shuffle by file: every grouping below starts with the file, so none needs another.
        Dataset<Row> rows = written.filter(col(Columns.REASON_CODE).isNull())
            .select(keep.stream().map(c -> col(c)).toArray(Column[]::new))
            .repartition(col(Columns.FILE_REF));

        List<String> key = new ArrayList<>(List.of(Columns.FILE_REF));
        key.addAll(source.duplicateKey());
        Dataset<Row> repeated = rows.groupBy(key.stream().map(c -> col(c)).toArray(Column[]::new))
            .agg(min(col(Columns.LINE)).as(FIRST_LINE), count(lit(1)).as(Columns.N)).filter(col(Columns.N).gt(1));
        Dataset<Row> marks = mark(joinBack(rows, repeated, key).filter(col(Columns.LINE).gt(col(FIRST_LINE))), Reasons.DUPLICATE);
        if (source == Source.CASES) marks = marks.unionByName(doubleRegistrations(rows));
        if (source == Source.SURVEY_RESPONSES) marks = marks.unionByName(incompleteSus(rows));
        // A row two rules mark keeps one reason: "duplicate" sorts first, as it was checked first.
        return marks.groupBy(col(Columns.FILE_REF), col(Columns.FILE), col(Columns.LINE)).agg(min(col(MARK)).as(MARK));
    }

    /**
     * The same citizen, case type and opening time under another case id is one case registered twice. The
     * case id on the first line of a registration claims it; rows of other case ids are duplicates. This is the
     * one use of the (pseudonymised) citizen id, through its registration hash; the id itself is not kept.
     */
    private static Dataset<Row> doubleRegistrations(Dataset<Row> rows) {
        List<String> key = List.of(Columns.FILE_REF, Columns.REGISTRATION);
        Dataset<Row> shared = rows.filter(col(Columns.REGISTRATION).isNotNull())
            .groupBy(col(Columns.FILE_REF), col(Columns.REGISTRATION))
            .agg(min_by(col(Columns.CASE_ID), col(Columns.LINE)).as(FIRST_CASE), min(col(Columns.CASE_ID)).as(OTHER_CASE),
                max(col(Columns.CASE_ID)).as(Columns.CASE_ID))
            .filter(col(OTHER_CASE).notEqual(col(Columns.CASE_ID)))
            .drop(OTHER_CASE, Columns.CASE_ID);
        return mark(joinBack(rows, shared, key).filter(col(Columns.CASE_ID).notEqual(col(FIRST_CASE))), Reasons.DUPLICATE);
    }

    /** A SUS response must have all ten items in its file. */
    private static Dataset<Row> incompleteSus(Dataset<Row> rows) {
        List<String> key = List.of(Columns.FILE_REF, Columns.RESPONSE_ID, Columns.INSTRUMENT);
        Dataset<Row> sus = rows.filter(col(Columns.INSTRUMENT).equalTo(SurveyInstruments.SUS));
        Dataset<Row> incomplete = sus.groupBy(key.stream().map(c -> col(c)).toArray(Column[]::new))
            .agg(size(collect_set(col(Columns.ITEM))).as(ITEMS))
            .filter(col(ITEMS).notEqual(SurveyInstruments.SUS_ITEMS));
        return mark(joinBack(sus, incomplete, key), Reasons.INCOMPLETE_RESPONSE);
    }

    /** The rows of the groups found, matched on the group's key (an empty key part matches an empty one). */
    private static Dataset<Row> joinBack(Dataset<Row> rows, Dataset<Row> groups, List<String> key) {
        Column on = lit(true);
        for (String k : key) on = on.and(rows.col(k).eqNullSafe(groups.col(k)));
        Dataset<Row> joined = rows.join(groups, on, "inner");
        for (String k : key) joined = joined.drop(groups.col(k));
        return joined;
    }

    private static Dataset<Row> mark(Dataset<Row> rows, String reason) {
        return rows.select(col(Columns.FILE_REF), col(Columns.FILE), col(Columns.LINE), lit(reason).as(MARK));
    }
}

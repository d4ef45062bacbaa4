package dk.gevinst.ingest;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.map_concat;
import static org.apache.spark.sql.functions.map_filter;
import static org.apache.spark.sql.functions.map_keys;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.transform_values;
import static org.apache.spark.sql.functions.when;

import dk.gevinst.privacy.CprScrubber;
import dk.gevinst.privacy.CprTokens;
import dk.gevinst.privacy.PseudonymColumn;
import dk.gevinst.privacy.Pseudonymizer;
import dk.gevinst.source.ColumnType;
import dk.gevinst.source.Columns;
import dk.gevinst.source.ContractColumn;
import dk.gevinst.source.Source;
import dk.gevinst.source.ValueColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Turns records into typed contract values, all as Spark expressions: each value is trimmed, parsed to its
 * type, person ids become keyed pseudonyms and CPR numbers in any text are masked, so nothing raw gets past
 * this step. A row that cannot be used gets its first reason in contract order (a missing required value,
 * a value that cannot be read), then the rules across values (dates in order, signs, plausible ranges).
 */
final class RowTyping {
    private final Source source;
    private final PlausibilityBounds bounds;
    private final Pseudonymizer pseudonymizer;
    private final CandidateIds candidates;

    RowTyping(Source source, PlausibilityBounds bounds, Pseudonymizer pseudonymizer, CandidateIds candidates) {
        this.source = source;
        this.bounds = bounds;
        this.pseudonymizer = pseudonymizer;
        this.candidates = candidates;
    }

    /**
     * Lines (FILE_REF, FILE, LINE, READ_INDEX, SPLIT_START and the record's raw columns) to the validated
     * shape: contract values, EXTRA, lineage, REASON (null when accepted), CPR_MASKED and NOT_A_RECORD.
     */
    Dataset<Row> type(Dataset<Row> lines, RecordFields fields, Column notARecord) {
        List<ContractColumn> contract = source.columns();
        List<String> lineage = List.of(Columns.FILE_REF, Columns.FILE, Columns.LINE, Columns.READ_INDEX, Columns.SPLIT_START);
        // Each step is its own projection, so the parser, the trimming and each parse run once per value
        // (Spark keeps a costly expression in its projection rather than copying it into every use).
        List<Column> texts = new ArrayList<>();
        lineage.forEach(c -> texts.add(col(c)));
        texts.add(notARecord.as(Columns.NOT_A_RECORD));
        texts.add(fields.malformed().as(RecordFields.MALFORMED));
        texts.add(coalesce(fields.namesMasked(), lit(false)).as(RecordFields.NAMES_MASKED));
        Map<String, Column> named = fields.namedExtras();
        List<String> extraNames = named == null ? List.of() : List.copyOf(named.keySet());
        if (named == null) texts.add(fields.extras().as(EXTRAS_RAW));
        for (int i = 0; i < extraNames.size(); i++) texts.add(ValueColumns.present(named.get(extraNames.get(i))).as(extraText(i)));
        for (ContractColumn c : contract) {
            Column typedValue = fields.typedValue(c);
            if (typedValue == null) {
                texts.add(ValueColumns.present(fields.field(c.name())).as(text(c)));
            } else {
                // Already typed (Parquet): the text column only says whether a value is there.
                texts.add(when(typedValue.isNotNull().or(fields.field(c.name()).isNotNull()), lit("")).as(text(c)));
                texts.add(typedValue.as(typed(c)));
            }
        }
        Dataset<Row> step = fields.parse(lines).select(texts.toArray(Column[]::new));

        List<Column> values = new ArrayList<>();
        for (String c : step.columns()) values.add(col(c));
        for (ContractColumn c : contract) {
            Column t = col(text(c));
            Column value = switch (c.type()) {
                // A key holds identity: its CPR numbers get keyed tokens, so two cases never merge under one mask.
                case TEXT -> source.key().contains(c.name()) ? CprTokens.of(pseudonymizer, t) : CprScrubber.mask(t);
                case PERSON -> PseudonymColumn.of(pseudonymizer, t);
                default -> fields.typedValue(c) != null ? col(typed(c)) : ValueColumns.parse(c.type(), t, fields.decimalComma());
            };
            values.add(value.as(c.name()));
        }
        List<Column> maskedNames = new ArrayList<>();
        if (named == null) {
            // Keys differ from record to record (JSON): per-row lambdas over the map.
            Column extrasRaw = col(EXTRAS_RAW);
            values.add(transform_values(map_filter(extrasRaw, (k, v) -> ValueColumns.present(v).isNotNull()),
                (k, v) -> ValueColumns.extraValue(ValueColumns.present(v), fields.decimalComma())).as(Columns.EXTRA));
            // array_join gives "" when no key was masked, and concat_ws below keeps "" as an entry without a name.
            values.add(nullif(array_join(map_keys(map_filter(extrasRaw, (k, v) -> v.rlike(CprScrubber.REGEX))), SEPARATOR), lit(""))
                .as(EXTRAS_MASKED));
            maskedNames.add(col(EXTRAS_MASKED));
        } else {
            // Names known from the header: one plain expression per column, and only present values in the map.
            List<Column> entries = new ArrayList<>();
            for (int i = 0; i < extraNames.size(); i++) {
                Column t = col(extraText(i));
                Column masked = CprScrubber.mask(t);
                maskedNames.add(when(masked.notEqual(t), lit(extraNames.get(i))));
                entries.add(when(t.isNull(), emptyMap())
                    .otherwise(map(lit(extraNames.get(i)), ValueColumns.extraValue(t, fields.decimalComma()))));
            }
            Column extras = entries.isEmpty() ? emptyMap() : entries.size() == 1 ? entries.get(0) : map_concat(entries.toArray(Column[]::new));
            values.add(extras.as(Columns.EXTRA));
        }
        step = step.select(values.toArray(Column[]::new));

        List<Column> reasons = new ArrayList<>();
        reasons.add(when(col(RecordFields.MALFORMED), lit(Reasons.MALFORMED_ROW)));
        for (ContractColumn c : contract) {
            Column t = col(text(c)), value = col(c.name());
            reasons.add(when(t.isNull(), c.required() ? lit(Reasons.missing(c.name())) : lit(null))
                .when(value.isNull(), lit(Reasons.badValue(c.name()))));
            if (c.type() == ColumnType.TEXT) maskedNames.add(when(value.notEqual(t), lit(c.name())));
        }
        maskedNames.add(when(col(RecordFields.NAMES_MASKED), lit(CprNames.COLUMN_NAMES)));
        List<Column> out = new ArrayList<>();
        for (ContractColumn c : contract) {
            // An absent boolean is false: exports leave flags empty when they are not set.
            out.add(c.type() == ColumnType.BOOLEAN ? coalesce(col(c.name()), lit(false)).as(c.name()) : col(c.name()));
        }
        out.add(col(Columns.EXTRA));
        lineage.forEach(c -> out.add(col(c)));
        out.add(col(Columns.NOT_A_RECORD));
        out.add(nullif(concat_ws(SEPARATOR, maskedNames.toArray(Column[]::new)), lit("")).as(Columns.CPR_MASKED));
        // Rules across values apply only to rows whose values could all be read.
        reasons.add(RowRules.violation(source, bounds, candidates));
        out.add(coalesce(reasons.toArray(Column[]::new)).as(Columns.REASON));
        return step.select(out.toArray(Column[]::new));
    }

    private static final String EXTRAS_RAW = "_extras_raw";
    private static final String EXTRAS_MASKED = "_extras_masked";

    /** Between the column names in CPR_MASKED: a control character no header holds. */
    static final String SEPARATOR = "\u001F";

    private static String extraText(int i) {
        return "_extra_text_" + i;
    }

    private static Column emptyMap() {
        return map().cast(DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
    }

    private static String text(ContractColumn c) {
        return "_text_" + c.name();
    }

    private static String typed(ContractColumn c) {
        return "_typed_" + c.name();
    }

    /** Names of the two pseudo-columns under which masked names are counted in {@code cpr_masked}. */
    static final class CprNames {
        /** A CSV header name or a JSON key. */
        static final String COLUMN_NAMES = "column_names";
        /** A file name. */
        static final String FILE_NAMES = "file_names";

        private CprNames() {}
    }
}

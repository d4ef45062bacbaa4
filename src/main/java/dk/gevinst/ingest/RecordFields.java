package dk.gevinst.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.from_csv;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.map_filter;
import static org.apache.spark.sql.functions.map_keys;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.replace;
import static org.apache.spark.sql.functions.transform_keys;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import dk.gevinst.privacy.CprScrubber;
import dk.gevinst.source.Columns;
import dk.gevinst.source.ContractColumn;
import dk.gevinst.source.FileDialect;
import dk.gevinst.source.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The raw fields of one record as Spark columns, whatever the file format: a contract column's text by its
 * normalised name, the other columns as a map (for sources that keep them), and whether the record is
 * malformed. Names are matched as the contract spells them: trimmed, lower-case, CPR-shaped text masked.
 */
interface RecordFields {
    /** The malformed flag and the names-masked flag, kept as columns by {@link #parse}. */
    String MALFORMED = "_malformed";
    String NAMES_MASKED = "_names_masked";

    /**
     * The lines with the parsed record as a column of its own, so the parser runs once per line however many
     * fields are read from it (Spark does not inline a costly expression into several uses).
     */
    Dataset<Row> parse(Dataset<Row> lines);

    /** The column's raw text, or a null literal when the file has no such column. */
    Column field(String name);

    /** The other columns: normalised name to raw text. */
    Column extras();

    /**
     * The other columns one by one, when the file names them once (a CSV header, a Parquet schema); null when
     * each record names its own (JSON). Known names let the ingest handle extras without per-row lambdas.
     */
    default Map<String, Column> namedExtras() {
        return null;
    }

    /** True when the record cannot be read as a record at all (wrong field count, unclosed quote, not a JSON object). */
    Column malformed();

    /** True when a column name of this record held a CPR-shaped text that was masked (JSON keys are per record). */
    Column namesMasked();

    boolean decimalComma();

    /**
     * The column's value in its contract type when the file already stores it in a matching type (a Parquet
     * double for a number, a timestamp for a timestamp), so it needs no parsing; null to parse its text.
     */
    default Column typedValue(ContractColumn column) {
        return null;
    }

    /** A CSV line under a known header. Fields are positional ({@code c0..cN}), so odd or repeated header names cannot break the schema. */
    static RecordFields csv(Source source, FileDialect dialect) {
        List<String> header = dialect.header();
        Map<String, Integer> lastIndex = new HashMap<>();
        for (int i = 0; i < header.size(); i++) lastIndex.put(header.get(i), i);
        StructType schema = new StructType();
        for (int i = 0; i < header.size(); i++) schema = schema.add("c" + i, DataTypes.StringType);
        schema = schema.add(Columns.CORRUPT_RECORD, DataTypes.StringType);
        Map<String, String> options = new HashMap<>();
        options.put("sep", String.valueOf(dialect.delimiter()));
        options.put("quote", "\"");
        options.put("escape", "\"");
        options.put("mode", "PERMISSIVE");
        options.put("columnNameOfCorruptRecord", Columns.CORRUPT_RECORD);
        options.put("maxColumns", String.valueOf(MAX_FIELDS + 2));
        Column line = col(Columns.RAW_LINE);
        String separator = String.valueOf(dialect.delimiter());
        // A line with absurdly many fields is malformed before the parser, which would refuse it with an error.
        // Counting characters is a pass over the line, so it is done only where a quick test says it may matter.
        Column tooWide = when(length(line).lt(MAX_FIELDS), lit(false))
            .otherwise(length(line).minus(length(replace(line, lit(separator), lit("")))).geq(MAX_FIELDS));
        Column oddQuotes = when(line.contains("\""), length(line).minus(length(replace(line, lit("\""), lit("")))).mod(2).equalTo(1))
            .otherwise(lit(false));
        Column parsing = from_csv(when(not(tooWide), line), lit(schema.toDDL()), options);
        Column parsed = col(Columns.RAW_RECORD);
        Column malformed = tooWide.or(parsed.getField(Columns.CORRUPT_RECORD).isNotNull()).or(oddQuotes);
        Map<String, Column> extras = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (source.keepsExtraColumns() && source.indexOf(name) < 0 && !name.isEmpty() && lastIndex.get(name) == i) {
                extras.put(name, parsed.getField("c" + i));
            }
        }
        Column extrasMap = emptyMap();
        return new Fixed(parsing, malformed, lit(false), name -> lastIndex.containsKey(name) ? parsed.getField("c" + lastIndex.get(name)) : nullText(),
            extrasMap, extras, dialect.decimalComma());
    }

    /** A JSON-lines record: any line that is not a JSON object is malformed. Values that are not strings come as their JSON text. */
    static RecordFields json(Source source) {
        Column raw = from_json(col(Columns.RAW_LINE), DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
        // Keys repeated after normalising ("Unit" and "unit"): the last wins, as in any JSON reader (see SparkSessions).
        // Keys repeat from record to record: each task normalises a distinct key once (see JsonKeys).
        Column parsing = transform_keys(raw, (k, v) -> JsonKeys.normalised(k));
        Column byName = col(Columns.RAW_RECORD);
        String[] contract = source.columns().stream().map(ContractColumn::name).toArray(String[]::new);
        Column extras = source.keepsExtraColumns() ? map_filter(byName, (k, v) -> not(k.isin((Object[]) contract))) : emptyMap();
        Column masked = exists(map_keys(byName), k -> k.contains(CprScrubber.MASK));
        return new Fixed(parsing, byName.isNull(), masked.equalTo(true), name -> try_element_at(byName, lit(name)), extras, null, false);
    }

    /**
     * A Parquet row, its columns matched by normalised name. A column whose type already fits the contract
     * is used as it is; any other is read through its text form like a CSV field.
     */
    static RecordFields parquet(Source source, StructType schema) {
        Map<String, StructField> byName = new LinkedHashMap<>();
        for (StructField f : schema.fields()) byName.put(FileDialect.normaliseName(f.name()), f);
        Map<String, Column> extras = new LinkedHashMap<>();
        if (source.keepsExtraColumns()) {
            byName.forEach((name, f) -> {
                if (source.indexOf(name) < 0) extras.put(name, col(quoted(f.name())).cast(DataTypes.StringType));
            });
        }
        Fixed text = new Fixed(lit(null), lit(false), lit(false),
            name -> byName.containsKey(name) ? col(quoted(byName.get(name).name())).cast(DataTypes.StringType) : nullText(),
            emptyMap(), extras, false);
        return new RecordFields() {
            @Override
            public Dataset<Row> parse(Dataset<Row> lines) {
                return text.parse(lines);
            }

            @Override
            public Column field(String name) {
                return text.field(name);
            }

            @Override
            public Column extras() {
                return text.extras();
            }

            @Override
            public Map<String, Column> namedExtras() {
                return text.namedExtras();
            }

            @Override
            public Column malformed() {
                return text.malformed();
            }

            @Override
            public Column namesMasked() {
                return text.namesMasked();
            }

            @Override
            public boolean decimalComma() {
                return false;
            }

            @Override
            public Column typedValue(ContractColumn column) {
                StructField f = byName.get(column.name());
                return f == null ? null : ParquetTypes.asContractType(col(quoted(f.name())), f.dataType(), column.type());
            }
        };
    }

    /** More fields than this on one line is not an export but garbage (Spark's CSV parser stops at 20480). */
    int MAX_FIELDS = 10_000;

    private static String quoted(String physical) {
        return "`" + physical.replace("`", "``") + "`";
    }

    private static Column nullText() {
        return lit(null).cast(DataTypes.StringType);
    }

    private static Column emptyMap() {
        return map().cast(DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
    }

    /** The fields of one format, as built above: {@code parsing} makes RAW_RECORD, the rest read it. */
    record Fixed(Column parsing, Column malformedWhenParsed, Column namesMaskedWhenParsed,
                 java.util.function.Function<String, Column> byName, Column extras, Map<String, Column> namedExtras,
                 boolean decimalComma) implements RecordFields {
        @Override
        public Dataset<Row> parse(Dataset<Row> lines) {
            return lines.withColumn(Columns.RAW_RECORD, parsing)
                .withColumn(MALFORMED, malformedWhenParsed)
                .withColumn(NAMES_MASKED, namesMaskedWhenParsed);
        }

        @Override
        public Column field(String name) {
            return byName.apply(name);
        }

        @Override
        public Column malformed() {
            return col(MALFORMED);
        }

        @Override
        public Column namesMasked() {
            return col(NAMES_MASKED);
        }
    }
}

package dk.gevinst.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import dk.gevinst.cells.StateTables;
import dk.gevinst.ingest.HeaderCheck.Head;
import dk.gevinst.privacy.CprScrubber;
import dk.gevinst.source.Columns;
import dk.gevinst.source.FileDialect;
import dk.gevinst.source.FileFormat;
import dk.gevinst.source.Source;
import dk.gevinst.spark.SparkSchemas;
import dk.gevinst.spark.Tables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * The new files of one source, read with Spark's own readers in one pass: text files line by line (one
 * scan per dialect), Parquet files by their columns. Records are typed and checked with column
 * expressions and written straight away, accepted or quarantined (values emptied), replacing the partitions
 * of exactly these file versions in the source's state table. The rules over a whole file then run on a few
 * columns of what was written, and so do the counts: the raw exports are read once and nothing wide is
 * cached. Every line that is a record is written once, so rows read = accepted + quarantined by construction.
 *
 * <p>Each Spark job costs planning, code generation and class loading, which on a cold JVM outweighs a small
 * night's data (docs/benchmarks.md): a source with new files runs a few jobs (the write, the rules' shuffle,
 * the marks' write and one collect of every count), not one per count.
 */
final class SourceIngest {
    /** A header line, a blank line: physical lines that are not records and are not counted as rows. */
    private static final String HEADER = "header";
    private static final String BLANK = "blank";

    private SourceIngest() {}

    /** A row's unit and own day (see StateTables#knownUnits), under names of their own: the unit column may be a rule's. */
    private static final String UNIT = "_unit";
    private static final String OWN_DAY = "_own_day";

    /** A new file version and what its head said. */
    record Fresh(SourceFile file, Head head) {}

    static List<FileCounts> run(SparkSession spark, IngestRequest request, Source source, List<Fresh> files) {
        RowTyping typing = new RowTyping(source, request.bounds(), request.pseudonymizer(), request.candidates());
        Dataset<Row> typed = null;
        for (List<Fresh> group : dialectGroups(files)) {
            Dataset<Row> part = read(spark, source, typing, group);
            typed = typed == null ? part : typed.unionByName(part);
        }
        Observation reading = new Observation("reading " + source.folder());
        Column text = col(Columns.SPLIT_START).isNotNull();
        typed = typed.observe(reading, count_if(text.and(col(Columns.READ_INDEX).equalTo(0))).as("first_lines"),
            coalesce(max(col(Columns.SPLIT_START)), lit(0L)).as("split_start"));
        Path table = new Path(request.stateRoot(), source.folder());
        Tables.replacePartitions(typed.filter(col(Columns.NOT_A_RECORD).isNull()).select(stateColumns(source, request.runId())),
            table, Columns.FILE_REF);
        checkRead(source, reading, files);

        List<String> versions = files.stream().map(f -> f.file().versionRef()).toList();
        List<Column> narrow = new ArrayList<>();
        for (String c : List.of(Columns.FILE_REF, Columns.FILE, Columns.LINE, Columns.REASON_CODE, Columns.CPR_MASKED)) narrow.add(col(c));
        FileRules.ruleColumns(source).forEach(c -> narrow.add(col(c)));
        boolean hasUnit = source.indexOf(Columns.UNIT) >= 0;
        narrow.add((hasUnit ? col(Columns.UNIT) : lit(null).cast(DataTypes.StringType)).as(UNIT));
        narrow.add(StateTables.ownDate(source, request.asOf()).as(OWN_DAY));
        Dataset<Row> written = Tables.readOrEmpty(spark, table, SparkSchemas.table(source)).filter(col(Columns.FILE_REF).isin(versions.toArray()))
            .select(narrow.toArray(Column[]::new));
        // The rules' marks feed two actions, the marks' write and the counts: kept (a few narrow columns) so that
        // the file is read and sorted once.
        Dataset<Row> marked = FileRules.marked(source, written)
            .select(col(Columns.FILE_REF), col(Columns.FILE), col(Columns.LINE), col(Columns.REASON_CODE), col(Columns.CPR_MASKED),
                col(FileRules.MARK), col(UNIT), col(OWN_DAY))
            .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Tables.replacePartitions(marked.filter(col(FileRules.MARK).isNotNull()).select(lit(source.folder()).as(Columns.SOURCE),
                    col(Columns.FILE), col(Columns.LINE), col(FileRules.MARK).as(Columns.REASON_CODE), lit(request.runId()).as(Columns.RUN_ID),
                    col(Columns.FILE_REF)),
                new Path(request.stateRoot(), StateTables.FILE_RULES), Columns.FILE_REF);
            return counts(source, files, marked);
        } finally {
            marked.unpersist();
        }
    }

    /**
     * The state table's columns: values emptied on quarantined rows (but the unit of an unknown_candidate row), the
     * reason, the run, masked columns, lineage. Package-private for TypingBenchmark.
     */
    static Column[] stateColumns(Source source, String runId) {
        List<Column> out = new ArrayList<>();
        Column accepted = col(Columns.REASON).isNull();
        for (String c : SparkSchemas.table(source).fieldNames()) {
            Column value = switch (c) {
                // Where CPR numbers were masked is counted for quarantined rows too.
                case Columns.FILE, Columns.LINE, Columns.FILE_REF, Columns.CPR_MASKED -> col(c);
                // An answer naming an unlisted candidate keeps its unit (a team, not a person): the counts below put
                // it on the comparisons covering that unit. Every reader of values takes accepted rows only.
                case Columns.UNIT -> when(accepted.or(col(Columns.REASON).equalTo(lit(Reasons.unknownCandidate(Columns.CANDIDATE)))), col(c));
                case Columns.REASON_CODE -> col(Columns.REASON);
                case Columns.RUN_ID -> when(accepted.equalTo(false), lit(runId));
                case Columns.CONTENT_HASH -> when(accepted, contentHash(source));
                // Only what the whole-file rule for a case registered twice needs; the citizen id itself is not kept.
                case Columns.REGISTRATION -> when(accepted.and(col(Columns.CITIZEN_ID).isNotNull()),
                    xxhash64(col(Columns.CITIZEN_ID), col(Columns.CASE_TYPE), col(Columns.OPENED_AT)));
                default -> when(accepted, col(c));
            };
            out.add(value.as(c));
        }
        return out.toArray(Column[]::new);
    }

    /**
     * A hash of a row's values; a map is hashed as its entries sorted by key, since equal maps may differ in order.
     * sort_array, not array_sort: for map entries the same order (an entry is never null, and keys are unique, so only
     * the key is ever compared; the two differ only in where null elements go), but array_sort's comparator is a lambda
     * that Spark only interprets, which keeps the whole projection out of whole-stage code generation.
     */
    private static Column contentHash(Source source) {
        List<Column> values = new ArrayList<>();
        for (String c : SparkSchemas.valueColumns(source)) values.add(c.equals(Columns.EXTRA) ? sort_array(map_entries(col(c))) : col(c));
        return xxhash64(values.toArray(Column[]::new));
    }

    /**
     * Line numbers are the reader's positions (see TextLines): each text file must have been read from its
     * first line (one row at index 0 per file) and never split. Otherwise stop rather than number wrongly.
     */
    private static void checkRead(Source source, Observation reading, List<Fresh> files) {
        long textFiles = files.stream().filter(f -> f.file().format() != FileFormat.PARQUET).count();
        Map<String, Object> seen;
        try {
            seen = reading.getAsJava();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + source.folder(), e);
        }
        if (((Number) seen.get("first_lines")).longValue() != textFiles || ((Number) seen.get("split_start")).longValue() != 0) {
            throw new IllegalStateException("ingest of " + source.folder() + ": " + seen + " for " + textFiles + " text files; a file was split,"
                + " packed with another or not tied to its rows, so line numbers would be wrong");
        }
    }

    /** Files read together: the same format, encoding, delimiter, decimal mark and header. Package-private for TypingBenchmark. */
    static List<List<Fresh>> dialectGroups(List<Fresh> files) {
        Map<Object, List<Fresh>> groups = new LinkedHashMap<>();
        for (Fresh f : files) {
            Object key = f.file().format() == FileFormat.PARQUET ? f.file().versionRef() : f.head().dialect();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        return List.copyOf(groups.values());
    }

    /** One dialect group's rows, typed and checked. Package-private for TypingBenchmark. */
    static Dataset<Row> read(SparkSession spark, Source source, RowTyping typing, List<Fresh> group) {
        SourceFile first = group.get(0).file();
        if (first.format() == FileFormat.PARQUET) {
            Dataset<Row> rows = spark.read().parquet(first.path().toString());
            org.apache.spark.sql.types.StructType schema = rows.schema();
            rows = rows.select(col("*"), lit(first.versionRef()).as(Columns.FILE_REF), lit(first.display()).as(Columns.FILE),
                col("_metadata.row_index").as(Columns.READ_INDEX), lit(null).cast(DataTypes.LongType).as(Columns.SPLIT_START))
                .withColumn(Columns.LINE, col(Columns.READ_INDEX).plus(1));
            return typing.type(rows, RecordFields.parquet(source, schema), lit(null).cast(DataTypes.StringType));
        }
        FileDialect dialect = group.get(0).head().dialect();
        Dataset<Row> lines = TextLines.read(spark, group.stream().map(Fresh::file).toList(), dialect.encoding());
        Column blank = trim(col(Columns.RAW_LINE)).equalTo("");
        Column notARecord = dialect.format() == FileFormat.CSV
            ? when(col(Columns.LINE).equalTo(1), lit(HEADER)).when(blank, lit(BLANK))
            : when(blank, lit(BLANK));
        RecordFields fields = dialect.format() == FileFormat.CSV ? RecordFields.csv(source, dialect) : RecordFields.json(source);
        return typing.type(lines, fields, notARecord);
    }

    /**
     * Rows read, accepted and quarantined (by reason) and CPR numbers masked, per file; a header-only file too.
     * One aggregation over the marked rows: a row's reason is its whole-file rule's if one marked it, else the
     * reason it was written with (null: accepted). Grouping by the masked columns as written (few distinct
     * lists) and splitting them here counts masked values per column without a second pass; grouping by unit
     * gives the units the accepted rows name, with the earliest day a row names each (for the ledger), and the
     * units of the rows quarantined as unknown_candidate.
     */
    private static List<FileCounts> counts(Source source, List<Fresh> files, Dataset<Row> marked) {
        Map<String, long[]> totals = new HashMap<>();
        Map<String, Map<String, Long>> reasons = new HashMap<>();
        Map<String, Map<String, Long>> masked = new HashMap<>();
        Map<String, Map<String, String>> units = new HashMap<>();
        Map<String, Map<String, Long>> unknownCandidates = new HashMap<>();
        Map<String, String> latestOwnDay = new HashMap<>();
        String unknownCandidate = Reasons.unknownCandidate(Columns.CANDIDATE);
        Pattern separator = Pattern.compile(Pattern.quote(RowTyping.SEPARATOR));
        for (Row r : marked.groupBy(col(Columns.FILE_REF), coalesce(col(FileRules.MARK), col(Columns.REASON_CODE)), col(Columns.CPR_MASKED), col(UNIT))
                .agg(count(lit(1)), min(col(OWN_DAY)), max(col(OWN_DAY))).collectAsList()) {
            String ref = r.getString(0);
            long n = r.getLong(4);
            if (r.isNullAt(1) && !r.isNullAt(6)) latestOwnDay.merge(ref, r.getLocalDate(6).toString(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            // A unit counts from its earliest own day; a row without one is never known (StateTables#knownUnits).
            if (r.isNullAt(1) && !r.isNullAt(3) && !r.isNullAt(5)) {
                units.computeIfAbsent(ref, k -> new TreeMap<>()).merge(r.getString(3), r.getLocalDate(5).toString(),
                    (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
            // The unit of an answer naming an unlisted candidate: the comparisons covering it are flagged (PilotHealth).
            if (unknownCandidate.equals(r.getString(1)) && !r.isNullAt(3)) {
                unknownCandidates.computeIfAbsent(ref, k -> new TreeMap<>()).merge(r.getString(3), n, Long::sum);
            }
            add(totals, reasons, ref, r.isNullAt(1) ? null : r.getString(1), n);
            // As Spark's split(): every entry, an empty one and a trailing one included.
            if (!r.isNullAt(2)) for (String column : separator.split(r.getString(2), -1)) {
                masked.computeIfAbsent(ref, k -> new TreeMap<>()).merge(source.folder() + "." + column, n, Long::sum);
            }
        }
        List<FileCounts> out = new ArrayList<>();
        for (Fresh f : files) {
            String ref = f.file().versionRef();
            Map<String, Long> cpr = new TreeMap<>(masked.getOrDefault(ref, Map.of()));
            // A CSV or Parquet file names its columns once; JSON keys were counted per record above.
            long names = f.file().format() == FileFormat.JSONL ? 0 : f.head().columns().stream().filter(c -> c.contains(CprScrubber.MASK)).count();
            if (names > 0) cpr.merge(source.folder() + "." + RowTyping.CprNames.COLUMN_NAMES, names, Long::sum);
            if (f.file().display().contains(CprScrubber.MASK)) cpr.merge(source.folder() + "." + RowTyping.CprNames.FILE_NAMES, 1L, Long::sum);
            long[] t = totals.getOrDefault(ref, new long[2]);
            String note = t[0] + t[1] == 0 ? (f.file().format() == FileFormat.PARQUET ? "no rows" : "header only: no rows") : null;
            out.add(new FileCounts(source.folder(), f.file().display(), ref, t[0] + t[1], t[0], t[1],
                reasons.getOrDefault(ref, Map.of()), cpr, note, units.getOrDefault(ref, Map.of()), unknownCandidates.getOrDefault(ref, Map.of()),
                latestOwnDay.get(ref)));
        }
        return out;
    }

    private static void add(Map<String, long[]> totals, Map<String, Map<String, Long>> reasons, String ref, String reason, long n) {
        long[] t = totals.computeIfAbsent(ref, k -> new long[2]);
        if (reason == null) {
            t[0] += n;
        } else {
            t[1] += n;
            reasons.computeIfAbsent(ref, k -> new TreeMap<>()).merge(reason, n, Long::sum);
        }
    }
}

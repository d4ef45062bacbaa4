package dk.gevinst.cells;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.xxhash64;

import dk.gevinst.ingest.FileLedger;
import dk.gevinst.ingest.VersionCounts;
import dk.gevinst.source.Columns;
import dk.gevinst.source.Source;
import dk.gevinst.spark.SparkSchemas;
import dk.gevinst.spark.Tables;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * Reads the ingested state as it was known on a given day: one method per source gives the rows a night
 * may use, so every stage applies the same rules.
 *
 * <p>"Known on D" has two parts. A file counts from the night it arrived (the ledger's {@code knownFrom}),
 * in the version that was current then. A row counts from its own date: a case version from its updated_at
 * (else decided_at, else opened_at), a survey answer from answered_at, a day's usage or metric from its day,
 * a cost line from its valid_from.
 *
 * <p>Latest version: among the known rows with the same key (Source#key), the one with the latest version
 * column wins (updated_at for cases, valid_from for costs; a missing one is oldest), then the file whose
 * display path sorts later (nightly exports are named by date), then the later line.
 */
public final class StateTables {
    /** The state folder of rows quarantined by a rule over their whole file (see ingest.FileRules). */
    public static final String FILE_RULES = "file_rules";

    private StateTables() {}

    /** Every accepted row of a source, every file version, unfiltered: for checks and tests, not for evaluation. */
    public static Dataset<Row> read(SparkSession spark, Path stateRoot, Source source) {
        return stored(accepted(spark, stateRoot, source), source);
    }

    private static Dataset<Row> stored(Dataset<Row> rows, Source source) {
        return rows.select(SparkSchemas.storedColumns(source).stream().map(c -> col(c)).toArray(Column[]::new));
    }

    /** The accepted rows of a source with every column of its table: not quarantined, not marked by a whole-file rule. */
    private static Dataset<Row> accepted(SparkSession spark, Path stateRoot, Source source) {
        Dataset<Row> marked = fileRules(spark, stateRoot).filter(col(Columns.SOURCE).equalTo(source.folder()))
            .select(col(Columns.FILE_REF), col(Columns.LINE));
        Dataset<Row> rows = Tables.readOrEmpty(spark, new Path(stateRoot, source.folder()), SparkSchemas.table(source));
        return rows.filter(col(Columns.REASON_CODE).isNull())
            .join(marked, rows.col(Columns.FILE_REF).equalTo(marked.col(Columns.FILE_REF)).and(rows.col(Columns.LINE).equalTo(marked.col(Columns.LINE))),
                "left_anti");
    }

    private static Dataset<Row> fileRules(SparkSession spark, Path stateRoot) {
        return Tables.readOrEmpty(spark, new Path(stateRoot, FILE_RULES), SparkSchemas.FILE_RULES);
    }

    /**
     * The quarantined rows of the given file versions, every source: where (source, display path, line, file
     * reference), why (reason code) and the run that read them; quarantine rows hold no values.
     */
    public static Dataset<Row> quarantine(SparkSession spark, Path stateRoot, List<String> versions) {
        Object[] refs = versions.toArray();
        Dataset<Row> out = fileRules(spark, stateRoot).filter(col(Columns.FILE_REF).isin(refs));
        for (Source s : Source.values()) {
            Dataset<Row> q = Tables.readOrEmpty(spark, new Path(stateRoot, s.folder()), SparkSchemas.table(s))
                .filter(col(Columns.REASON_CODE).isNotNull().and(col(Columns.FILE_REF).isin(refs)))
                .select(lit(s.folder()).as(Columns.SOURCE), col(Columns.FILE), col(Columns.LINE), col(Columns.REASON_CODE),
                    col(Columns.RUN_ID), col(Columns.FILE_REF));
            out = out.unionByName(q);
        }
        return out;
    }

    public static Dataset<Row> latestCases(SparkSession spark, Path stateRoot, LocalDate asOf) {
        return latest(spark, stateRoot, Source.CASES, asOf);
    }

    public static Dataset<Row> latestSurveyResponses(SparkSession spark, Path stateRoot, LocalDate asOf) {
        return latest(spark, stateRoot, Source.SURVEY_RESPONSES, asOf);
    }

    public static Dataset<Row> latestCosts(SparkSession spark, Path stateRoot, LocalDate asOf) {
        return latest(spark, stateRoot, Source.COSTS, asOf);
    }

    public static Dataset<Row> latestTechMetrics(SparkSession spark, Path stateRoot, LocalDate asOf) {
        return latest(spark, stateRoot, Source.TECH_METRICS, asOf);
    }

    public static Dataset<Row> latestUsage(SparkSession spark, Path stateRoot, LocalDate asOf) {
        return latest(spark, stateRoot, Source.USAGE, asOf);
    }

    /** The latest version of every key of a source, as known on {@code asOf}. */
    public static Dataset<Row> latest(SparkSession spark, Path stateRoot, Source source, LocalDate asOf) {
        return stored(latestOf(known(spark, stateRoot, source, asOf), source), source);
    }

    /**
     * The latest of the given versions of each key (see the class comment), with the columns they came with;
     * they must hold the key, the version column, the file, file reference and line.
     */
    static Dataset<Row> latestOf(Dataset<Row> versions, Source source) {
        List<Column> order = new ArrayList<>();
        source.version().ifPresent(v -> order.add(col(v).desc_nulls_last()));
        order.add(col(Columns.FILE).desc());
        order.add(col(Columns.FILE_REF).desc());
        order.add(col(Columns.LINE).desc());
        var latestFirst = Window.partitionBy(source.key().stream().map(c -> col(c)).toArray(Column[]::new))
            .orderBy(order.toArray(Column[]::new));
        return versions.withColumn(Columns.VERSION_RANK, row_number().over(latestFirst))
            .filter(col(Columns.VERSION_RANK).equalTo(1)).drop(Columns.VERSION_RANK);
    }

    /**
     * How the known rows of each source split into current, superseded and duplicate versions (see
     * VersionCounts): of the given sources, and of any other whose counts kept from an earlier night lead to
     * tonight or that has none kept yet (see KeptVersionCounts, which keeps them between nights). The case
     * versions tonight's rows touch are read into {@code touched}, where the cell stage finds them.
     */
    public static Map<Source, VersionCounts> versionCounts(SparkSession spark, Path stateRoot, List<Source> sources, LocalDate asOf,
                                                           TouchedCaseVersions touched) {
        return KeptVersionCounts.forNight(spark, stateRoot, asOf, sources, KnownIncrement.SMALL_ROWS, touched).counts();
    }

    /**
     * How the known rows of each source split into current, superseded and duplicate versions (see
     * VersionCounts), counted over the whole known state, all sources in one query. Keys and contents are
     * compared by 64-bit hashes: a collision could shift a row between these counts, which changes only this
     * accounting, never which row is current.
     * Few Spark jobs (each costs planning and code generation on a cold JVM, see docs/benchmarks.md): the rows
     * are shuffled once by key, which both the count per version and the count per key then share. (Spark
     * still broadcasts the marked rows once per source: it pushes the anti-join below the union.)
     */
    public static Map<Source, VersionCounts> versionCountsFromScratch(SparkSession spark, Path stateRoot, List<Source> sources, LocalDate asOf) {
        Map<Source, VersionCounts> out = new EnumMap<>(Source.class);
        if (sources.isEmpty()) return out;
        List<FileLedger.Entry> known = ledger(spark, stateRoot).knownOn(asOf);
        Dataset<Row> marked = fileRules(spark, stateRoot).filter(col(Columns.FILE_REF).isin(known.stream().map(FileLedger.Entry::version).toArray()))
            .select(col(Columns.FILE_REF), col(Columns.LINE));
        Dataset<Row> hashes = null;
        for (Source source : sources) {
            Object[] versions = known.stream().filter(e -> e.source().equals(source.folder())).map(FileLedger.Entry::version).toArray();
            Dataset<Row> rows = Tables.readOrEmpty(spark, new Path(stateRoot, source.folder()), SparkSchemas.table(source))
                .filter(col(Columns.REASON_CODE).isNull().and(col(Columns.FILE_REF).isin(versions)).and(ownDate(source, asOf).leq(lit(asOf))));
            Dataset<Row> h = rows.select(lit(source.name()).as(Columns.SOURCE), col(Columns.FILE_REF), col(Columns.LINE),
                keyHash(source).as(KEY_HASH), col(Columns.CONTENT_HASH));
            hashes = hashes == null ? h : hashes.unionByName(h);
        }
        hashes = hashes.join(marked, hashes.col(Columns.FILE_REF).equalTo(marked.col(Columns.FILE_REF))
            .and(hashes.col(Columns.LINE).equalTo(marked.col(Columns.LINE))), "left_anti");
        Dataset<Row> perKey = hashes.repartition(col(Columns.SOURCE), col(KEY_HASH))
            .groupBy(col(Columns.SOURCE), col(KEY_HASH), col(Columns.CONTENT_HASH)).agg(count(lit(1)).as(Columns.N))
            .groupBy(col(Columns.SOURCE), col(KEY_HASH)).agg(sum(col(Columns.N)).as(Columns.N), count(lit(1)).as(DISTINCT_VERSIONS));
        for (Row r : perKey.groupBy(col(Columns.SOURCE)).agg(sum(col(Columns.N)), sum(col(DISTINCT_VERSIONS)), count(lit(1))).collectAsList()) {
            long stored = r.getLong(1), distinctVersions = r.getLong(2), current = r.getLong(3);
            out.put(Source.valueOf(r.getString(0)), new VersionCounts(stored, current, distinctVersions - current, stored - distinctVersions));
        }
        for (Source s : sources) out.putIfAbsent(s, new VersionCounts(0, 0, 0, 0));
        return out;
    }

    /**
     * The distinct units of the rows known on {@code asOf}, every source with a unit column: what a spec's unit
     * names are checked against (config.UnitsWithoutData). A unit is known once any accepted row of a known
     * file version names it with an own date on or before {@code asOf}; no version ranking. Ingest records per
     * file version each unit with its earliest such day (FileLedger.Entry#units), so this reads the ledger and
     * starts no Spark job; a ledger written before those records is answered from the state, in one job.
     */
    public static Set<String> knownUnits(SparkSession spark, Path stateRoot, LocalDate asOf) {
        Set<String> out = new TreeSet<>();
        boolean recorded = true;
        for (FileLedger.Entry e : ledger(spark, stateRoot).knownOn(asOf)) {
            if (Source.byFolder(e.source()).map(s -> s.indexOf(Columns.UNIT) < 0).orElse(true)) continue;
            if (e.units() == null) {
                recorded = false;
                break;
            }
            e.units().forEach((unit, day) -> {
                if (!LocalDate.parse(day).isAfter(asOf)) out.add(unit);
            });
        }
        return recorded ? out : knownUnitsFromState(spark, stateRoot, asOf);
    }

    /**
     * knownUnits read from the state's unit columns, one Spark job: for file versions ingested before the
     * ledger kept their units, and for tests that check the ledger against the state.
     */
    public static Set<String> knownUnitsFromState(SparkSession spark, Path stateRoot, LocalDate asOf) {
        Dataset<Row> units = null;
        for (Source source : Source.values()) {
            if (source.indexOf(Columns.UNIT) < 0) continue;
            Dataset<Row> u = known(spark, stateRoot, source, asOf).select(col(Columns.UNIT));
            units = units == null ? u : units.union(u);
        }
        Set<String> out = new TreeSet<>();
        if (units == null) return out;
        for (Row r : units.filter(col(Columns.UNIT).isNotNull()).distinct().collectAsList()) out.add(r.getString(0));
        return out;
    }

    /** The ledger's entries of the file versions known on {@code asOf}, every source. */
    static List<FileLedger.Entry> knownEntries(SparkSession spark, Path stateRoot, LocalDate asOf) {
        return ledger(spark, stateRoot).knownOn(asOf);
    }

    /** A 64-bit hash of a row's key (Source#key): how version counts tell keys apart. */
    static Column keyHash(Source source) {
        return xxhash64(source.key().stream().map(c -> col(c)).toArray(Column[]::new));
    }

    /**
     * The rows known tonight of every key that a row newly known in {@code increment} has, with every column. Keys
     * are matched by their hash (#keyHash), as version counts group them: a key that shares a touched key's hash
     * comes along, so a count sees every row of each hash it counts again. The touched hashes are few and
     * broadcast, so the state is filtered where it is read and never shuffled.
     */
    static Dataset<Row> touchedKeys(SparkSession spark, Path stateRoot, KnownIncrement increment) {
        Source source = increment.source();
        Dataset<Row> touched = newlyKnown(spark, stateRoot, increment).select(keyHash(source).as(TOUCHED_HASH)).distinct();
        return known(spark, stateRoot, source, increment.tonight()).join(broadcast(touched), keyHash(source).equalTo(col(TOUCHED_HASH)), "left_semi");
    }

    private static FileLedger ledger(SparkSession spark, Path stateRoot) {
        try {
            return FileLedger.load(new Storage(spark.sparkContext().hadoopConfiguration()), stateRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the file ledger under " + stateRoot + ": " + e.getMessage(), e);
        }
    }

    static final String KEY_HASH = "_key_hash";
    private static final String TOUCHED_HASH = "_touched_hash";
    private static final String DISTINCT_VERSIONS = "_distinct_versions";

    /**
     * The accepted rows that became known between the increment's earlier night and tonight (see
     * KnownIncrement): only the folders of the versions that arrived or hold rows dated ahead are read.
     */
    public static Dataset<Row> newlyKnown(SparkSession spark, Path stateRoot, KnownIncrement increment) {
        Set<String> read = new TreeSet<>(increment.arrived());
        read.addAll(increment.datedAhead());
        Dataset<Row> rows = accepted(spark, stateRoot, increment.source());
        if (read.isEmpty()) return rows.limit(0);
        return rows.filter(versionIn(read).and(increment.newlyKnown()));
    }

    /**
     * The latest own day of an accepted row of each given version of a source, read from the state: for versions
     * whose ledger entry was written before the ledger kept it (FileLedger.Entry#latestOwnDay). One Spark job.
     */
    static Map<String, String> latestOwnDays(SparkSession spark, Path stateRoot, Source source, Set<String> versions) {
        Map<String, String> out = new java.util.TreeMap<>();
        if (versions.isEmpty()) return out;
        for (Row r : accepted(spark, stateRoot, source).filter(versionIn(versions))
                .groupBy(col(Columns.FILE_REF)).agg(org.apache.spark.sql.functions.max(ownDate(source, LocalDate.MIN)).as(Columns.DAY))
                .filter(col(Columns.DAY).isNotNull()).collectAsList()) {
            out.put(r.getString(0), r.getLocalDate(1).toString());
        }
        return out;
    }

    /** Selects the rows of the given file versions; on the partition column, so other versions' folders are not read. */
    static Column versionIn(Set<String> versions) {
        return col(Columns.FILE_REF).isin(versions.toArray());
    }

    /** The rows of the file versions known on {@code asOf} whose own date is on or before it. */
    static Dataset<Row> known(SparkSession spark, Path stateRoot, Source source, LocalDate asOf) {
        List<String> versions = new ArrayList<>();
        for (FileLedger.Entry e : ledger(spark, stateRoot).knownOn(asOf)) {
            if (e.source().equals(source.folder())) versions.add(e.version());
        }
        // Filtering on the partition column prunes the folders of other versions and later arrivals unread.
        Dataset<Row> rows = accepted(spark, stateRoot, source).filter(col(Columns.FILE_REF).isin(versions.toArray()));
        return rows.filter(ownDate(source, asOf).leq(lit(asOf)));
    }

    /** The day a row of the source counts from (see the class comment); ingest records it per unit (knownUnits). */
    public static Column ownDate(Source source, LocalDate asOf) {
        return switch (source) {
            case CASES -> to_date(coalesce(col(Columns.UPDATED_AT), col(Columns.DECIDED_AT), col(Columns.OPENED_AT)));
            case SURVEY_RESPONSES -> to_date(col(Columns.ANSWERED_AT));
            case COSTS -> coalesce(col(Columns.VALID_FROM), lit(asOf));
            case TECH_METRICS, USAGE -> col(Columns.DAY);
        };
    }
}

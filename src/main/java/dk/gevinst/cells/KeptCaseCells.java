package dk.gevinst.cells;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.gevinst.indicator.Measure;
import dk.gevinst.source.Columns;
import dk.gevinst.source.Source;
import dk.gevinst.spark.Tables;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The case measure cells, n, Σx and Σx² per measure × unit × day × case type over every unit, kept between
 * nights, so that a night pays for what became known instead of re-ranking every case version.
 *
 * <p>A forward night (see KnownIncrement) ranks only the keys that newly known rows touch: their latest version as
 * known on the kept night is taken out of the cells, their latest version as known tonight put in. Sums are exact
 * decimals, so taking out and putting in leaves the very sums a rebuild makes, bit for bit once cast to double
 * (KeptCaseCellsTest runs nights of late, repeated, withdrawn and dated-ahead data both ways). Anything else, a
 * replay, a withdrawn or re-delivered file, other measures, kept cells of another format or {@code run --full},
 * rebuilds them from every version; a replay of an earlier night leaves the kept cells as they are.
 *
 * <p>The cells live in a folder of their own under {@code case_cells/} with a small description beside it
 * ({@link Kept}) naming the folder, its night, the versions it knew and its measures. The description is
 * replaced atomically after the folder is written, so a run killed at any moment leaves the old cells or the new.
 */
final class KeptCaseCells {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KeptCaseCells.class);
    static final String FOLDER = "case_cells";
    private static final String DESCRIPTION = "kept.json";
    /** Raise when what a case contributes to a cell changes (Observations.fromCases, the ranking): kept cells are rebuilt. */
    static final int FORMAT = 1;
    private static final DataType EXACT = DataTypes.createDecimalType(38, 18);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BEFORE = "_known_before";
    private static final String TOUCHED = "_touched_";

    /** The cells' schema: measure key, unit, day, case type, then n and the exact sums. */
    static final StructType SCHEMA = new StructType()
        .add(Observations.MEASURE, DataTypes.StringType).add(Observations.UNIT, DataTypes.StringType)
        .add(Observations.DAY, DataTypes.DateType).add(Columns.CASE_TYPE, DataTypes.StringType)
        .add(Columns.N, DataTypes.LongType).add(Columns.SUM, EXACT).add(Columns.SUM_SQ, EXACT);

    /** How tonight's cells were had. */
    enum How { KEPT, UPDATED, REBUILT, REPLAYED }

    /** What the kept folder holds: written beside it, read before it is trusted. */
    record Kept(int format, String asOf, List<String> versions, List<String> measures, String folder) {}

    record Cells(Dataset<Row> rows, How how) {}

    private KeptCaseCells() {}

    /**
     * Above this many rows in the versions that arrived or came due, a night rebuilds instead: their keys are
     * broadcast to every task, and for a large share of the state one ranking of everything costs less.
     */
    static final long MAX_INCREMENT_ROWS = 2_000_000;

    /** Tonight's case cells for the given measures, every unit and day (callers filter), from kept cells where they can. */
    static Cells tonight(SparkSession spark, Path stateRoot, Collection<Measure> measures, LocalDate asOf, boolean rebuild) {
        return tonight(spark, stateRoot, measures, asOf, rebuild, MAX_INCREMENT_ROWS);
    }

    static Cells tonight(SparkSession spark, Path stateRoot, Collection<Measure> measures, LocalDate asOf, boolean rebuild, long maxIncrementRows) {
        Storage storage = new Storage(spark.sparkContext().hadoopConfiguration());
        Path root = new Path(stateRoot, FOLDER);
        List<String> keys = List.copyOf(new TreeSet<>(measures.stream().map(MeasureKeys::of).toList()));
        var known = StateTables.knownEntries(spark, stateRoot, asOf);
        Kept kept = rebuild ? null : read(storage, root);
        if (kept != null && kept.format() == FORMAT && kept.measures().equals(keys)) {
            Optional<KnownIncrement> increment = KnownIncrement.between(Source.CASES, LocalDate.parse(kept.asOf()), kept.versions(), asOf, known);
            if (increment.isPresent() && incrementRows(increment.get(), known) <= maxIncrementRows) {
                KnownIncrement inc = increment.get();
                Dataset<Row> before = spark.read().schema(SCHEMA).parquet(new Path(root, kept.folder()).toString());
                if (inc.empty()) {
                    if (!asOf.equals(LocalDate.parse(kept.asOf()))) describe(storage, root, new Kept(FORMAT, asOf.toString(), kept.versions(), keys, kept.folder()));
                    return new Cells(before, How.KEPT);
                }
                Change change = change(spark, stateRoot, inc, measures);
                try {
                    Dataset<Row> next = before.unionByName(change.cells())
                        .groupBy(col(Observations.MEASURE), col(Observations.UNIT), col(Observations.DAY), col(Columns.CASE_TYPE))
                        .agg(sum(col(Columns.N)).as(Columns.N), sum(col(Columns.SUM)).as(Columns.SUM), sum(col(Columns.SUM_SQ)).as(Columns.SUM_SQ))
                        .filter(col(Columns.N).gt(0));
                    return new Cells(keep(spark, storage, root, next, asOf, inc.knownTonight(), keys), How.UPDATED);
                } finally {
                    change.persisted().unpersist();
                }
            }
        }
        Dataset<Row> all = fromEveryVersion(spark, stateRoot, measures, asOf);
        if (kept != null && asOf.isBefore(LocalDate.parse(kept.asOf()))) return new Cells(all, How.REPLAYED);
        List<String> versions = List.copyOf(KnownIncrement.versions(Source.CASES, known));
        LOG.info("Case cells rebuilt from every case version ({})", rebuild ? "asked for" : kept == null ? "none kept" : "kept cells cannot be updated");
        return new Cells(keep(spark, storage, root, all, asOf, versions, keys), How.REBUILT);
    }

    /**
     * What the newly known rows change: the latest versions, as known on the kept night and tonight, of every key
     * a newly known row has, the former taken out and the latter put in. Only those keys' versions are ranked;
     * they are found by a broadcast semi-join (the touched keys are few), not by a shuffle of the whole state.
     * Kept in memory while both rankings read them; the caller unpersists.
     */
    private static Change change(SparkSession spark, Path stateRoot, KnownIncrement inc, Collection<Measure> measures) {
        List<String> key = Source.CASES.key();
        Dataset<Row> touched = StateTables.newlyKnown(spark, stateRoot, inc)
            .select(key.stream().map(c -> col(c).as(TOUCHED + c)).toArray(Column[]::new)).distinct();
        Column same = key.stream().map(c -> col(c).eqNullSafe(col(TOUCHED + c))).reduce(Column::and).orElseThrow();
        Dataset<Row> versions = StateTables.known(spark, stateRoot, Source.CASES, inc.tonight())
            .join(broadcast(touched), same, "left_semi").withColumn(BEFORE, inc.knownBefore())
            .select(ranked(measures).stream().map(c -> col(c)).toArray(Column[]::new))
            .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> putIn = sums(Observations.fromCases(StateTables.latestOf(versions, Source.CASES), measures), false);
        Dataset<Row> takenOut = sums(Observations.fromCases(StateTables.latestOf(versions.filter(col(BEFORE)), Source.CASES), measures), true);
        return new Change(putIn.unionByName(takenOut), versions);
    }

    private record Change(Dataset<Row> cells, Dataset<Row> persisted) {}

    /**
     * The columns that ranking and observing the touched cases read: the whole state's other columns (ids, notes,
     * the extra map when no measure reads it) are left in the files, and the one scan reads less.
     */
    private static List<String> ranked(Collection<Measure> measures) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>(Source.CASES.key());
        Source.CASES.version().ifPresent(out::add);
        out.addAll(List.of(Columns.FILE, Columns.FILE_REF, Columns.LINE, Columns.UNIT, Columns.CASE_TYPE, Columns.OPENED_AT, Columns.DECIDED_AT));
        for (Measure m : measures) {
            for (String c : m.optionalColumns()) out.add(Source.CASES.indexOf(c) >= 0 ? c : Columns.EXTRA);
        }
        out.add(BEFORE);
        return List.copyOf(out);
    }

    /** The accepted rows of the versions that arrived or hold rows that came due: at most what the increment reads. */
    private static long incrementRows(KnownIncrement inc, List<dk.gevinst.ingest.FileLedger.Entry> known) {
        long rows = 0;
        for (var e : known) {
            if (e.source().equals(Source.CASES.folder()) && (inc.arrived().contains(e.version()) || inc.datedAhead().contains(e.version()))) {
                rows += e.rowsAccepted();
            }
        }
        return rows;
    }

    /** The cells from the latest of every case version known on {@code asOf}: what kept cells must equal. */
    static Dataset<Row> fromEveryVersion(SparkSession spark, Path stateRoot, Collection<Measure> measures, LocalDate asOf) {
        return sums(Observations.fromCases(StateTables.latestCases(spark, stateRoot, asOf), measures), false);
    }

    /** n, Σx and Σx² per cell, exact; {@code out} takes the observations out (negative counts and sums). */
    private static Dataset<Row> sums(Dataset<Row> observations, boolean out) {
        Column value = col(Observations.VALUE).cast(EXACT), square = col(Observations.VALUE).multiply(col(Observations.VALUE)).cast(EXACT);
        return observations.groupBy(col(Observations.MEASURE), col(Observations.UNIT), col(Observations.DAY), col(Observations.STRATUM).as(Columns.CASE_TYPE))
            .agg(sum(lit(out ? -1L : 1L)).as(Columns.N), sum(out ? negate(value) : value).as(Columns.SUM),
                sum(out ? negate(square) : square).as(Columns.SUM_SQ));
    }

    private static Dataset<Row> keep(SparkSession spark, Storage storage, Path root, Dataset<Row> cells, LocalDate asOf, Collection<String> versions,
                                     List<String> keys) {
        String folder = "cells-" + asOf + "-" + Long.toHexString(System.nanoTime());
        Path target = new Path(root, folder);
        Tables.writeWhole(cells.select(java.util.Arrays.stream(SCHEMA.fieldNames()).map(c -> col(c)).toArray(Column[]::new)), target);
        describe(storage, root, new Kept(FORMAT, asOf.toString(), List.copyOf(new TreeSet<>(versions)), keys, folder));
        try {
            for (Path p : storage.listDirectories(root)) if (!p.getName().equals(folder)) storage.delete(p);
        } catch (IOException e) {
            LOG.warn("Could not remove earlier case cells under {}: {}", root, e.getMessage());
        }
        return spark.read().schema(SCHEMA).parquet(target.toString());
    }

    private static Kept read(Storage storage, Path root) {
        Path p = new Path(root, DESCRIPTION);
        try {
            if (!storage.exists(p)) return null;
            Kept k = JSON.readValue(storage.readText(p), Kept.class);
            return storage.exists(new Path(root, k.folder())) ? k : null;
        } catch (IOException e) {
            LOG.warn("Kept case cells under {} are unreadable and will be rebuilt: {}", root, e.getMessage());
            return null;
        }
    }

    private static void describe(Storage storage, Path root, Kept kept) {
        try {
            Path tmp = new Path(root, "." + DESCRIPTION + ".tmp");
            storage.writeText(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(kept));
            storage.replaceAtomically(tmp, new Path(root, DESCRIPTION));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot describe the kept case cells under " + root + ": " + e.getMessage(), e);
        }
    }
}

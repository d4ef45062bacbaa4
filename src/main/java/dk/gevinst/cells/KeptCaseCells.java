package dk.gevinst.cells;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.gevinst.indicator.Measure;
import dk.gevinst.ingest.FileLedger;
import dk.gevinst.source.Columns;
import dk.gevinst.source.Source;
import dk.gevinst.spark.Tables;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The case measure cells, n, Σx and Σx² per measure × unit × day × case type over every unit, kept between
 * nights, so that a night pays for what became known instead of re-ranking every case version.
 *
 * <p>A forward night (see KnownIncrement) ranks only the keys that newly known rows touch: their latest version as
 * known on the kept night is taken out of the cells, their latest version as known tonight put in. Those versions
 * are read once a night, for the version counts too, when both were kept on the same night (TouchedCaseVersions).
 * Sums are exact decimals, so taking out and putting in leaves the very sums a rebuild makes, bit for bit once cast to double
 * (KeptCaseCellsTest runs nights of late, repeated, withdrawn and dated-ahead data both ways). They are rebuilt
 * from every version after a withdrawn, re-delivered or re-read file, for other measures, for many new rows (see
 * {@link KnownIncrement#small}), for kept cells of another format, incomplete or that no longer match (a cell below no case),
 * and for {@code run --full}. A replay of an earlier night computes from every version and leaves them alone.
 *
 * <p>The cells live in a folder of their own under {@code case_cells/} with a small description beside it
 * ({@link Kept}) naming the folder, its night, the versions it knew and its measures. The description is
 * replaced atomically after the folder is written, so a run killed at any moment leaves the old cells or the new.
 */
final class KeptCaseCells {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KeptCaseCells.class);
    static final String FOLDER = "case_cells";
    private static final String DESCRIPTION = "kept.json";
    /**
     * Raise when what a case contributes to a cell changes (Observations.fromCases, the ranking, the sums' type):
     * kept cells are rebuilt. Never reuse a number. 2: observations cut to ExactSums' range, which cells kept
     * before could hold outside it. 3: a custom column measure's values that are no observation are counted in
     * cells of their own (MeasureKeys#notANumber, #outOfRange), which cells kept before lack. 4: a custom column's
     * value is a number only as a contract column's is (ValueColumns#number; Spark's cast took 12d as 12).
     */
    static final int FORMAT = 4;
    /** Exact sums, the same here and in SparkCellStage's sums of the other sources. */
    static final DataType EXACT = ExactSums.EXACT;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The cells' schema: measure key, unit, day, case type, then n and the exact sums. */
    static final StructType SCHEMA = new StructType()
        .add(Observations.MEASURE, DataTypes.StringType).add(Observations.UNIT, DataTypes.StringType)
        .add(Observations.DAY, DataTypes.DateType).add(Columns.CASE_TYPE, DataTypes.StringType)
        .add(Columns.N, DataTypes.LongType).add(Columns.SUM, EXACT).add(Columns.SUM_SQ, EXACT);

    /** How tonight's cells were had; the last is written into kept.json ({@code made}). */
    enum How { KEPT, UPDATED, REBUILT, REPLAYED }

    /**
     * What the kept folder holds, written beside it and read before it is trusted: its night, the case versions
     * it knew with the run that read each (a file withdrawn and put back unchanged has the same reference but
     * is read again), the measures, and the latest own day of versions whose ledger entry lacks one.
     */
    record Kept(int format, String asOf, Map<String, String> versions, List<String> measures, String folder, Map<String, String> latestOwnDays,
                String made) {
        boolean complete() {
            return asOf != null && versions != null && measures != null && folder != null && latestOwnDays != null && made != null;
        }
    }

    record Cells(Dataset<Row> rows, How how) {}

    private KeptCaseCells() {}


    /** Tonight's case cells for the given measures, every unit and day (callers filter), from kept cells where they can. */
    static Cells tonight(SparkSession spark, Path stateRoot, Collection<Measure> measures, LocalDate asOf, boolean rebuild) {
        return tonight(spark, stateRoot, measures, asOf, rebuild, KnownIncrement.MAX_ROWS);
    }

    static Cells tonight(SparkSession spark, Path stateRoot, Collection<Measure> measures, LocalDate asOf, boolean rebuild, long maxIncrementRows) {
        try (TouchedCaseVersions touched = TouchedCaseVersions.forOneStage()) {
            return tonight(spark, stateRoot, measures, asOf, rebuild, maxIncrementRows, touched);
        }
    }

    /**
     * As above, reading the touched versions of a forward night from {@code touched}, which the version counts may
     * have read already. A replay or a rebuild releases them first, since it reads none of them; the cells returned
     * never depend on them, so the caller may release them once it has these.
     */
    static Cells tonight(SparkSession spark, Path stateRoot, Collection<Measure> measures, LocalDate asOf, boolean rebuild, long maxIncrementRows,
                         TouchedCaseVersions touched) {
        Storage storage = new Storage(spark.sparkContext().hadoopConfiguration());
        Path root = new Path(stateRoot, FOLDER);
        List<String> keys = List.copyOf(new TreeSet<>(measures.stream().map(MeasureKeys::of).toList()));
        List<FileLedger.Entry> known = StateTables.knownEntries(spark, stateRoot, asOf);
        Kept kept = read(storage, root);
        if (kept != null && asOf.isBefore(LocalDate.parse(kept.asOf()))) {
            touched.close();
            return new Cells(fromEveryVersion(spark, stateRoot, measures, asOf), How.REPLAYED);
        }
        Optional<KnownIncrement> increment = rebuild || kept == null || kept.format() != FORMAT || !kept.measures().equals(keys) ? Optional.empty()
            : KnownIncrement.between(Source.CASES, LocalDate.parse(kept.asOf()), kept.versions(), asOf, known, kept.latestOwnDays());
        if (increment.isPresent() && increment.get().small(known, KnownIncrement.SMALL_ROWS, maxIncrementRows)) {
            KnownIncrement inc = increment.get();
            Dataset<Row> before = spark.read().schema(SCHEMA).parquet(new Path(root, kept.folder()).toString());
            if (inc.empty()) {
                describe(storage, root, new Kept(FORMAT, asOf.toString(), kept.versions(), keys, kept.folder(), kept.latestOwnDays(), How.KEPT.name()));
                return new Cells(before, How.KEPT);
            }
            Dataset<Row> next = before.unionByName(change(spark, stateRoot, inc, measures, touched))
                .groupBy(col(Observations.MEASURE), col(Observations.UNIT), col(Observations.DAY), col(Columns.CASE_TYPE))
                .agg(sum(col(Columns.N)).as(Columns.N), sum(col(Columns.SUM)).as(Columns.SUM), sum(col(Columns.SUM_SQ)).as(Columns.SUM_SQ))
                .filter(col(Columns.N).notEqual(0));
            Dataset<Row> written = keep(spark, storage, root, next, asOf, known, keys, kept.latestOwnDays(), How.UPDATED, kept.folder());
            // A cell taken below no case is a kept state that no longer matches the versions: never published.
            if (written.filter(col(Columns.N).lt(0)).isEmpty()) return new Cells(written, How.UPDATED);
            LOG.warn("Kept case cells under {} did not match the case versions (a cell with fewer than no cases); rebuilt from every version", root);
            return tonight(spark, stateRoot, measures, asOf, true, maxIncrementRows, touched);
        }
        // Nothing reads the touched versions tonight: not held through the rebuild.
        touched.close();
        LOG.info("Case cells rebuilt from every case version ({})", rebuild ? "asked for" : kept == null ? "none kept" : "kept cells cannot be updated");
        Set<String> unrecorded = new TreeSet<>();
        for (FileLedger.Entry e : known) {
            if (e.source().equals(Source.CASES.folder()) && e.latestOwnDay() == null && e.rowsAccepted() > 0) unrecorded.add(e.version());
        }
        Map<String, String> latestOwnDays = StateTables.latestOwnDays(spark, stateRoot, Source.CASES, unrecorded);
        return new Cells(keep(spark, storage, root, fromEveryVersion(spark, stateRoot, measures, asOf), asOf, known, keys, latestOwnDays, How.REBUILT,
            kept == null ? null : kept.folder()), How.REBUILT);
    }

    /**
     * What the newly known rows change: the latest versions, as known on the kept night and tonight, of every key
     * a newly known row has, the former taken out and the latter put in. Only those keys' versions are ranked,
     * read from {@code touched}, which holds them in memory for both rankings. Package-private for the plan test.
     */
    static Dataset<Row> change(SparkSession spark, Path stateRoot, KnownIncrement inc, Collection<Measure> measures, TouchedCaseVersions touched) {
        Dataset<Row> versions = touched.versions(spark, stateRoot, inc, measures);
        Dataset<Row> putIn = sums(Observations.fromCases(StateTables.latestOf(versions, Source.CASES), measures), false);
        Dataset<Row> takenOut = sums(Observations.fromCases(StateTables.latestOf(versions.filter(TouchedCaseVersions.knownBefore()), Source.CASES),
            measures), true);
        return putIn.unionByName(takenOut);
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

    /**
     * Writes the cells into a folder of their own, then names it in kept.json (replaced atomically), then removes
     * the folder it replaces. Only that one: a folder left by a killed run is small, and another run that took over
     * a stale lock may be reading its own.
     */
    private static Dataset<Row> keep(SparkSession spark, Storage storage, Path root, Dataset<Row> cells, LocalDate asOf, List<FileLedger.Entry> known,
                                     List<String> keys, Map<String, String> latestOwnDays, How made, String previous) {
        String folder = "cells-" + asOf + "-" + Long.toHexString(System.nanoTime());
        Path target = new Path(root, folder);
        Tables.writeWhole(cells.select(Arrays.stream(SCHEMA.fields()).map(f -> col(f.name()).cast(f.dataType()).as(f.name())).toArray(Column[]::new)),
            target);
        describe(storage, root, new Kept(FORMAT, asOf.toString(), KnownIncrement.reads(Source.CASES, known), keys, folder, latestOwnDays, made.name()));
        if (previous != null && !previous.equals(folder)) {
            try {
                storage.delete(new Path(root, previous));
            } catch (IOException e) {
                LOG.warn("Could not remove the earlier case cells {} under {}: {}", previous, root, e.getMessage());
            }
        }
        return spark.read().schema(SCHEMA).parquet(target.toString());
    }

    static Kept read(Storage storage, Path root) {
        Path p = new Path(root, DESCRIPTION);
        try {
            if (!storage.exists(p)) return null;
            Kept k = JSON.readValue(storage.readText(p), Kept.class);
            if (k.complete() && storage.exists(new Path(root, k.folder()))) return k;
            LOG.warn("Kept case cells under {} are incomplete and will be rebuilt", root);
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Kept case cells under {} are unreadable and will be rebuilt: {}", root, e.getMessage());
            return null;
        }
    }

    private static void describe(Storage storage, Path root, Kept kept) {
        try {
            storage.writeTextAtomically(new Path(root, DESCRIPTION), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(kept));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot describe the kept case cells under " + root + ": " + e.getMessage(), e);
        }
    }
}

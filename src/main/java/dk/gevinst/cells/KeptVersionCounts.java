package dk.gevinst.cells;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dk.gevinst.ingest.FileLedger;
import dk.gevinst.ingest.VersionCounts;
import dk.gevinst.source.Columns;
import dk.gevinst.source.Source;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Version counts (VersionCounts) kept between nights, so that a night costs what became known since the last
 * one rather than a count of the whole state (docs/operations.md, "Version counts").
 *
 * <p>Per source, the counts of a kept night B (KeptCounts) are brought to tonight T when tonight only adds to B
 * (KnownIncrement): the keys of the newly known rows are the touched keys, and for them alone the rows known
 * tonight are counted twice, as known on B and as known on T, in one scan of the source with a broadcast
 * semi-join on the touched keys, so only their rows are shuffled; for cases, that scan's rows are kept for the
 * cell stage, whose kept cells need the same ones (TouchedCaseVersions). A key's rows known on B are among those known
 * on T, so counts(T) = counts(B) − counts of the touched keys on B + their counts on T, exactly. Otherwise (no
 * kept counts, a replay, a withdrawn or re-delivered file, an old ledger) the source is recounted from scratch
 * (StateTables#versionCountsFromScratch). A night to which nothing became known starts no Spark job.
 */
public final class KeptVersionCounts {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KeptVersionCounts.class);
    private static final String KEY_HASH = StateTables.KEY_HASH, BEFORE = "_before", N_BEFORE = "_n_before",
        DISTINCT = "_distinct", DISTINCT_BEFORE = "_distinct_before";

    /** How a source's counts were found tonight. */
    public enum Basis {
        /** Nothing became known since the kept night: its counts, no Spark job. */
        KEPT,
        /** The kept night's counts updated with what became known since. */
        UPDATED,
        /** Counted over every row known tonight. */
        RECOUNTED
    }

    /** Tonight's counts per source and how each was found. */
    public record Counted(Map<Source, VersionCounts> counts, Map<Source, Basis> basis) {
        public Counted {
            counts = Map.copyOf(counts);
            basis = Map.copyOf(basis);
        }
    }

    private KeptVersionCounts() {}

    /**
     * The version counts of the rows known on {@code asOf}: of every source in {@code required} (recounted if
     * need be), and of any other source with known file versions whose kept counts are brought to tonight by
     * an increment, or that has none kept yet (counted once, then kept). Another source whose kept counts do
     * not lead to tonight (a replay, a withdrawn file) is left out rather than recounted. The kept counts are
     * written for tonight, unless they are for a later night (a replay does not move them back).
     */
    public static Counted forNight(SparkSession spark, Path stateRoot, LocalDate asOf, Collection<Source> required) {
        return forNight(spark, stateRoot, asOf, required, KnownIncrement.SMALL_ROWS);
    }

    /** As above, with the rows an increment may always have ({@link KnownIncrement#small}); public for a test in ingest. */
    public static Counted forNight(SparkSession spark, Path stateRoot, LocalDate asOf, Collection<Source> required, long smallRows) {
        try (TouchedCaseVersions touched = TouchedCaseVersions.forOneStage()) {
            return forNight(spark, stateRoot, asOf, required, smallRows, touched);
        }
    }

    /** As above, reading the versions that tonight's case rows touch from {@code touched}, for the cell stage to read them again. */
    public static Counted forNight(SparkSession spark, Path stateRoot, LocalDate asOf, Collection<Source> required, long smallRows,
                                   TouchedCaseVersions touched) {
        Storage storage = new Storage(spark.sparkContext().hadoopConfiguration());
        List<FileLedger.Entry> known = StateTables.knownEntries(spark, stateRoot, asOf);
        Map<Source, VersionCounts> counts = new EnumMap<>(Source.class);
        Map<Source, Basis> basis = new EnumMap<>(Source.class);
        Map<Source, Optional<KeptCounts>> kept = new EnumMap<>(Source.class);
        Map<Source, KnownIncrement> increments = new EnumMap<>(Source.class);
        List<Source> recount = new ArrayList<>();
        for (Source source : Source.values()) {
            Set<String> versions = KnownIncrement.versions(source, known);
            boolean isRequired = required.contains(source);
            if (versions.isEmpty()) {
                if (isRequired) {
                    counts.put(source, new VersionCounts(0, 0, 0, 0));
                    basis.put(source, Basis.RECOUNTED);
                }
                continue;
            }
            kept.put(source, read(storage, stateRoot, source));
            Optional<KnownIncrement> increment = kept.get(source)
                .flatMap(k -> KnownIncrement.between(source, k.nightDate(), k.versions(), asOf, known, Map.of()));
            if (increment.isPresent() && increment.get().empty()) {
                counts.put(source, kept.get(source).orElseThrow().counts());
                basis.put(source, Basis.KEPT);
            } else if (increment.isPresent() && increment.get().small(known, smallRows, KnownIncrement.MAX_ROWS)) {
                increments.put(source, increment.get());
            } else if (increment.isPresent() || isRequired || kept.get(source).isEmpty()) {
                recount.add(source);
            }
        }
        if (!recount.isEmpty()) {
            StateTables.versionCountsFromScratch(spark, stateRoot, recount, asOf).forEach((source, c) -> {
                counts.put(source, c);
                basis.put(source, Basis.RECOUNTED);
            });
        }
        if (!increments.isEmpty()) {
            Map<Source, Delta> deltas = deltas(spark, stateRoot, increments.values(), touched);
            increments.forEach((source, increment) -> {
                counts.put(source, deltas.getOrDefault(source, Delta.NONE).applyTo(kept.get(source).orElseThrow().counts()));
                basis.put(source, Basis.UPDATED);
            });
        }
        counts.forEach((source, c) -> keep(storage, stateRoot, kept.getOrDefault(source, Optional.empty()), basis.get(source),
            KeptCounts.of(source, asOf, KnownIncrement.reads(source, known), c)));
        if (!basis.isEmpty()) LOG.info("Version counts as of {}: {}", asOf, describe(basis, kept));
        return new Counted(counts, basis);
    }

    /** Writes tonight's counts in place of the kept ones, unless those are for a later night or unchanged. */
    private static void keep(Storage storage, Path stateRoot, Optional<KeptCounts> before, Basis basis, KeptCounts tonight) {
        // A replay leaves counts kept for a later night as they are: they remain the base of the next night.
        boolean later = before.isPresent() && before.get().nightDate().isAfter(tonight.nightDate());
        boolean unchanged = basis == Basis.KEPT && before.orElseThrow().night().equals(tonight.night());
        if (later || unchanged) return;
        try {
            tonight.write(storage, stateRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kept version counts under " + stateRoot + ": " + e.getMessage(), e);
        }
    }

    /** How each source was counted, for the run log: "cases updated from 2026-11-26, usage recounted". */
    private static String describe(Map<Source, Basis> basis, Map<Source, Optional<KeptCounts>> kept) {
        List<String> out = new ArrayList<>();
        basis.forEach((source, how) -> out.add(source.folder() + switch (how) {
            case KEPT -> " unchanged since " + kept.get(source).orElseThrow().night();
            case UPDATED -> " updated from " + kept.get(source).orElseThrow().night();
            case RECOUNTED -> " recounted";
        }));
        return String.join(", ", out);
    }

    /** The kept counts of a source; one that cannot be read is ignored (the source is recounted), with a warning. */
    private static Optional<KeptCounts> read(Storage storage, Path stateRoot, Source source) {
        try {
            return KeptCounts.read(storage, stateRoot, source);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: the kept version counts cannot be read ({}); they are counted again from the state", KeptCounts.file(stateRoot, source),
                e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * What the touched keys of a source count on the kept night (before) and tonight (after): rows, distinct
     * contents per key, and keys with any row.
     */
    record Delta(long storedBefore, long storedAfter, long distinctBefore, long distinctAfter, long keysBefore, long keysAfter) {
        static final Delta NONE = new Delta(0, 0, 0, 0, 0, 0);

        VersionCounts applyTo(VersionCounts kept) {
            long stored = kept.stored() - storedBefore + storedAfter;
            long distinct = kept.stored() - kept.duplicate() - distinctBefore + distinctAfter;
            long keys = kept.current() - keysBefore + keysAfter;
            return new VersionCounts(stored, keys, distinct - keys, stored - distinct);
        }
    }

    /**
     * The touched keys' counts before and after, every source in one query (one scan per source, one shuffle of the
     * touched rows). The touched cases' versions come from {@code cases}, which keeps them for the cell stage.
     */
    private static Map<Source, Delta> deltas(SparkSession spark, Path stateRoot, Collection<KnownIncrement> increments, TouchedCaseVersions cases) {
        Dataset<Row> rows = null;
        for (KnownIncrement increment : increments) {
            Source source = increment.source();
            Dataset<Row> touched = source == Source.CASES ? cases.versions(spark, stateRoot, increment, List.of())
                : StateTables.touchedKeys(spark, stateRoot, increment).withColumn(BEFORE, increment.knownBefore());
            Column before = source == Source.CASES ? TouchedCaseVersions.knownBefore() : col(BEFORE);
            Dataset<Row> r = touched.select(lit(source.name()).as(Columns.SOURCE), StateTables.keyHash(source).as(KEY_HASH), col(Columns.CONTENT_HASH),
                when(before, lit(1L)).otherwise(lit(0L)).as(BEFORE));
            rows = rows == null ? r : rows.unionByName(r);
        }
        Dataset<Row> perKey = rows.repartition(col(Columns.SOURCE), col(KEY_HASH))
            .groupBy(col(Columns.SOURCE), col(KEY_HASH), col(Columns.CONTENT_HASH)).agg(count(lit(1)).as(Columns.N), sum(col(BEFORE)).as(N_BEFORE))
            .groupBy(col(Columns.SOURCE), col(KEY_HASH))
            .agg(sum(col(Columns.N)).as(Columns.N), sum(col(N_BEFORE)).as(N_BEFORE), count(lit(1)).as(DISTINCT),
                sum(whenBefore()).as(DISTINCT_BEFORE));
        Map<Source, Delta> out = new EnumMap<>(Source.class);
        for (Row t : perKey.groupBy(col(Columns.SOURCE))
            .agg(sum(col(N_BEFORE)), sum(col(Columns.N)), sum(col(DISTINCT_BEFORE)), sum(col(DISTINCT)), sum(whenBefore()), count(lit(1)))
            .collectAsList()) {
            out.put(Source.valueOf(t.getString(0)), new Delta(t.getLong(1), t.getLong(2), t.getLong(3), t.getLong(4), t.getLong(5), t.getLong(6)));
        }
        return out;
    }

    /** 1 for a group with a row known on the kept night, else 0. */
    private static Column whenBefore() {
        return when(col(N_BEFORE).gt(0), lit(1L)).otherwise(lit(0L));
    }
}

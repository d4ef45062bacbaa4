package dk.gevinst.cells;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import dk.gevinst.config.PilotIndicator;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.indicator.Measure;
import dk.gevinst.source.Columns;
import dk.gevinst.source.Source;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The case versions of the keys that a night's newly known rows touch, read from the case state once and shared
 * by the two states a forward night brings up to date: the version counts in the ingest (KeptVersionCounts) and
 * the case cells in the cell stage (KeptCaseCells). Each used to scan the whole case state for them, with a
 * broadcast semi-join to the same touched keys: at 10 M cases, two scans of 17.7 M rows, about 8 s each of a
 * one-new-day night of 61.5 s (docs/benchmarks.md).
 *
 * <p>Scoped to one night: the nightly run makes it before the ingest, with the case measures of tonight's specs
 * so that the one scan also reads the columns the cells need, hands it to both stages and closes it after the
 * cell stage, which unpersists what it holds. A JVM-wide cache would go stale across the nights of one JVM (the
 * tests run many). Versions are shared only for an equal increment of the same state: the two kept states
 * usually date from the same night, and where they do not (one was rebuilt, or written by a run killed between
 * them), each stage reads its own, as before.
 */
public final class TouchedCaseVersions implements AutoCloseable {
    /** Whether a version was known on the increment's earlier night (KnownIncrement#knownBefore). */
    static final String KNOWN_BEFORE = "_known_before";
    private static final String TOUCHED = "_touched_";

    private final Set<Measure> measures;
    private final List<Held> held = new ArrayList<>();

    private record Held(Path stateRoot, KnownIncrement increment, Set<String> columns, Dataset<Row> versions) {}

    private TouchedCaseVersions(Collection<Measure> measures) {
        this.measures = Set.copyOf(measures);
    }

    /** For a night whose cell stage will read the case indicators of these pilots. */
    public static TouchedCaseVersions forPilots(Collection<PilotSpec> pilots) {
        Set<Measure> measures = new LinkedHashSet<>();
        for (PilotSpec p : pilots) {
            for (PilotIndicator i : p.indicators()) if (i.definition().source() == Source.CASES) measures.add(i.definition().measure());
        }
        return new TouchedCaseVersions(measures);
    }

    /** For one stage on its own, which closes it when done. */
    public static TouchedCaseVersions forOneStage() {
        return new TouchedCaseVersions(List.of());
    }

    /**
     * The versions known tonight of every case key that a newly known row of {@code increment} has, with the
     * columns that ranking them, observing {@code wanted} and counting them read, and {@link #KNOWN_BEFORE}. Held
     * in memory until {@link #close}; the first caller's query fills it, a later caller with the same increment
     * reads it. They are found by a broadcast semi-join (the touched keys are few), never by a shuffle of the state.
     */
    synchronized Dataset<Row> versions(SparkSession spark, Path stateRoot, KnownIncrement increment, Collection<Measure> wanted) {
        if (increment.source() != Source.CASES) throw new IllegalArgumentException("not an increment of cases: " + increment.source());
        List<String> needed = columnsRead(wanted);
        for (Held h : held) {
            if (h.stateRoot().equals(stateRoot) && h.increment().equals(increment) && h.columns().containsAll(needed)) return h.versions();
        }
        Set<Measure> all = new LinkedHashSet<>(measures);
        all.addAll(wanted);
        List<String> columns = columnsRead(all);
        List<String> key = Source.CASES.key();
        Dataset<Row> touched = StateTables.newlyKnown(spark, stateRoot, increment)
            .select(key.stream().map(c -> col(c).as(TOUCHED + c)).toArray(Column[]::new)).distinct();
        Column same = key.stream().map(c -> col(c).eqNullSafe(col(TOUCHED + c))).reduce(Column::and).orElseThrow();
        Dataset<Row> versions = StateTables.known(spark, stateRoot, Source.CASES, increment.tonight())
            .join(broadcast(touched), same, "left_semi").withColumn(KNOWN_BEFORE, increment.knownBefore())
            .select(columns.stream().map(c -> col(c)).toArray(Column[]::new))
            .persist(StorageLevel.MEMORY_AND_DISK());
        held.add(new Held(stateRoot, increment, Set.copyOf(columns), versions));
        return versions;
    }

    /**
     * The columns that ranking, observing and counting the touched cases read: the whole state's other columns
     * (ids, notes, the extra map when no measure reads it) are left in the files, and the one scan reads less.
     */
    private static List<String> columnsRead(Collection<Measure> measures) {
        Set<String> out = new LinkedHashSet<>(Source.CASES.key());
        Source.CASES.version().ifPresent(out::add);
        out.addAll(List.of(Columns.FILE, Columns.FILE_REF, Columns.LINE, Columns.CONTENT_HASH, Columns.UNIT, Columns.CASE_TYPE,
            Columns.OPENED_AT, Columns.DECIDED_AT));
        for (Measure m : measures) {
            for (String c : m.optionalColumns()) out.add(Source.CASES.indexOf(c) >= 0 ? c : Columns.EXTRA);
        }
        out.add(KNOWN_BEFORE);
        return List.copyOf(out);
    }

    /** Unpersists what it holds. */
    @Override
    public synchronized void close() {
        held.forEach(h -> h.versions().unpersist());
        held.clear();
    }
}

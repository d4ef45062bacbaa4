package dk.gevinst.cells;

import static org.apache.spark.sql.functions.col;

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
 * the case cells in the cell stage (KeptCaseCells), which would otherwise each scan the whole case state for the
 * same rows (docs/benchmarks.md, "Session 23").
 *
 * <p>Scoped to one night: the nightly run makes it before the ingest, with the case measures of tonight's specs
 * so that the one scan also reads the columns the cells need, and hands it to both stages. The cell stage is its
 * last reader and releases it (also before it rebuilds the cells from every version, which reads none of it).
 * A JVM-wide cache would go stale across the nights of one JVM (the tests run many). Versions are shared only for
 * an equal increment of the same state: the two kept states date from the same night after a finished run, and
 * where they do not (a run killed between the two, a night whose specs have no case indicator), each stage
 * reads its own.
 */
public final class TouchedCaseVersions implements AutoCloseable {
    private static final String KNOWN_BEFORE = "_known_before";

    private final Set<Measure> measures;
    private final List<Held> held = new ArrayList<>();
    private boolean released;

    private record Held(Path stateRoot, KnownIncrement increment, Set<String> columns, Dataset<Row> versions) {}

    private TouchedCaseVersions(Collection<Measure> measures) {
        this.measures = Set.copyOf(measures);
    }

    /** For a night whose cell stage will read the case indicators of these pilots. */
    public static TouchedCaseVersions forPilots(List<PilotSpec> pilots) {
        return new TouchedCaseVersions(SparkCellStage.caseMeasures(pilots));
    }

    /** For one stage on its own, which closes it when done. */
    public static TouchedCaseVersions forOneStage() {
        return new TouchedCaseVersions(List.of());
    }

    /** Selects, among {@link #versions}, those known on the increment's earlier night. */
    static Column knownBefore() {
        return col(KNOWN_BEFORE);
    }

    /**
     * The versions known tonight of every case key that a newly known row of {@code increment} has, with the
     * columns that ranking them, observing {@code wanted} and counting them read, and {@link #knownBefore}. Held
     * in memory until released; the first caller's query fills it, a later caller with the same increment reads it.
     *
     * <p>Keys are matched by their 64-bit hash (StateTables#touchedKeys), as the version counts need. The cells are
     * not changed by a key that comes along by sharing a touched key's hash: its latest version is the same on both
     * nights, taken out and put back.
     */
    synchronized Dataset<Row> versions(SparkSession spark, Path stateRoot, KnownIncrement increment, Collection<Measure> wanted) {
        if (released) throw new IllegalStateException("the touched case versions of this night were released");
        if (increment.source() != Source.CASES) throw new IllegalArgumentException("not an increment of cases: " + increment.source());
        List<String> needed = columnsRead(wanted);
        for (Held h : held) {
            if (h.stateRoot().equals(stateRoot) && h.increment().equals(increment) && h.columns().containsAll(needed)) return h.versions();
        }
        Set<Measure> all = new LinkedHashSet<>(measures);
        all.addAll(wanted);
        List<String> columns = columnsRead(all);
        Dataset<Row> versions = StateTables.touchedKeys(spark, stateRoot, increment).withColumn(KNOWN_BEFORE, increment.knownBefore())
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

    /** Unpersists what it holds; it can hold nothing more tonight. */
    @Override
    public synchronized void close() {
        held.forEach(h -> h.versions().unpersist());
        held.clear();
        released = true;
    }
}

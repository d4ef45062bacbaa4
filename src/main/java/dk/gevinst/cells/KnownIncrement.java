package dk.gevinst.cells;

import static org.apache.spark.sql.functions.lit;

import dk.gevinst.ingest.FileLedger;
import dk.gevinst.source.Source;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;

/**
 * What became known of one source between an earlier night and tonight, when tonight only adds to what
 * that night knew: the basis of every state kept between nights (the case cells, the version counts).
 *
 * <p>A row known on the earlier night B is known tonight T when no version known on B has gone, so the rows
 * known on T are those known on B plus the newly known ones: the rows of versions that arrived since, with an
 * own date on or before T, and the rows of versions known on B whose own date falls in (B, T] (a version dated
 * ahead, found without reading it from the ledger's latestOwnDay). Anything else, a replay of an earlier night, a
 * withdrawn or re-delivered file, or a version whose latest own day the ledger does not know, has no increment:
 * the kept state is rebuilt from the whole state. A version is named by its reference (path, size and
 * modification time); a kept state also compares the run that read it (KeptCaseCells), since a file withdrawn
 * and put back unchanged is read again under the same reference.
 *
 * @param arrived       versions known tonight that were not known on {@code before}
 * @param datedAhead    versions known on {@code before} with rows whose own date is after it
 * @param knownTonight  every version of the source known tonight
 */
public record KnownIncrement(Source source, LocalDate before, LocalDate tonight, Set<String> arrived, Set<String> datedAhead,
                             Set<String> knownTonight) {
    public KnownIncrement {
        arrived = Set.copyOf(arrived);
        datedAhead = Set.copyOf(datedAhead);
        knownTonight = Set.copyOf(knownTonight);
    }

    /** The versions of {@code source} among the ledger's entries known on a night, sorted. */
    public static Set<String> versions(Source source, List<FileLedger.Entry> known) {
        Set<String> out = new TreeSet<>();
        for (FileLedger.Entry e : known) if (e.source().equals(source.folder())) out.add(e.version());
        return out;
    }

    /** The versions of {@code source} among the ledger's entries known on a night, each with the run that read it. */
    public static Map<String, String> reads(Source source, List<FileLedger.Entry> known) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (FileLedger.Entry e : known) if (e.source().equals(source.folder())) out.put(e.version(), e.runId());
        return out;
    }

    /**
     * The increment from a night {@code before} whose versions were read by the runs {@code readBefore} (see
     * #reads): none when one of them has since been read again by another run (a file withdrawn and put back
     * unchanged keeps its reference, and its rows may be typed anew).
     */
    public static Optional<KnownIncrement> between(Source source, LocalDate before, Map<String, String> readBefore, LocalDate tonight,
                                                   List<FileLedger.Entry> knownTonight, Map<String, String> latestOwnDays) {
        Map<String, String> now = reads(source, knownTonight);
        for (Map.Entry<String, String> v : readBefore.entrySet()) {
            if (now.containsKey(v.getKey()) && !now.get(v.getKey()).equals(v.getValue())) return Optional.empty();
        }
        return between(source, before, readBefore.keySet(), tonight, knownTonight, latestOwnDays);
    }

    /**
     * The increment from a night {@code before} that knew {@code knownBefore} to {@code tonight}, whose
     * ledger entries are {@code knownTonight}; empty when tonight does not only add to that night.
     */
    public static Optional<KnownIncrement> between(Source source, LocalDate before, Collection<String> knownBefore, LocalDate tonight,
                                                   List<FileLedger.Entry> knownTonight) {
        return between(source, before, knownBefore, tonight, knownTonight, Map.of());
    }

    /**
     * As above, with the latest own day of versions whose ledger entry, written before it was kept, lacks one
     * (a kept state records them when it is rebuilt). Costs have no increment: a cost line without valid_from
     * counts from whatever night is evaluated, so its own date is not a property of its version.
     */
    public static Optional<KnownIncrement> between(Source source, LocalDate before, Collection<String> knownBefore, LocalDate tonight,
                                                   List<FileLedger.Entry> knownTonight, Map<String, String> latestOwnDays) {
        if (source == Source.COSTS || tonight.isBefore(before)) return Optional.empty();
        Set<String> tonightVersions = versions(source, knownTonight);
        if (!tonightVersions.containsAll(knownBefore)) return Optional.empty();
        Set<String> arrived = new TreeSet<>(tonightVersions);
        arrived.removeAll(knownBefore);
        Set<String> datedAhead = new TreeSet<>();
        Set<String> was = Set.copyOf(knownBefore);
        for (FileLedger.Entry e : knownTonight) {
            if (!e.source().equals(source.folder()) || !was.contains(e.version())) continue;
            // A ledger written before latestOwnDay was kept cannot say whether rows of this version are dated ahead.
            String latest = e.latestOwnDay() != null ? e.latestOwnDay() : latestOwnDays.get(e.version());
            if (latest == null) {
                if (e.rowsAccepted() > 0) return Optional.empty();
                continue;
            }
            if (LocalDate.parse(latest).isAfter(before)) datedAhead.add(e.version());
        }
        return Optional.of(new KnownIncrement(source, before, tonight, arrived, datedAhead, tonightVersions));
    }

    /** An increment's rows are few enough at or below this many, whatever the state's size. */
    public static final long SMALL_ROWS = 10_000;
    /** ... and never above this many: every task holds the touched keys. */
    public static final long MAX_ROWS = 1_000_000;

    /**
     * Whether an increment is cheaper than a pass over the whole known state, for both kept states (case cells,
     * version counts): the rows of the versions that arrived are at most {@code smallRows}, or at most a quarter of
     * the known rows, and never more than {@code maxRows}. Rows of versions dated ahead are not counted: such a
     * version is read each night, but only its rows that came due are new, and they are few. A judgement, not a
     * measured crossover: the touched keys are broadcast to every task, and for a large share of the state one
     * pass over everything costs about the same.
     */
    public boolean small(List<FileLedger.Entry> knownTonight, long smallRows, long maxRows) {
        // Accepted rows by the ledger, without reading them.
        long arrivedRows = 0, all = 0;
        for (FileLedger.Entry e : knownTonight) {
            if (!e.source().equals(source.folder())) continue;
            all += e.rowsAccepted();
            if (arrived.contains(e.version())) arrivedRows += e.rowsAccepted();
        }
        return arrivedRows <= maxRows && (arrivedRows <= smallRows || arrivedRows <= all / 4);
    }

    /** Whether nothing became known: tonight's rows are the earlier night's. */
    public boolean empty() {
        return arrived.isEmpty() && (datedAhead.isEmpty() || tonight.equals(before));
    }

    /**
     * Selects, among the accepted rows of the source, those that became known: to be applied to rows of the
     * versions known tonight (StateTables#newlyKnown does both).
     */
    Column newlyKnown() {
        Column own = StateTables.ownDate(source, tonight);
        Column fromArrived = arrived.isEmpty() ? lit(false) : StateTables.versionIn(arrived).and(own.leq(lit(tonight)));
        Column fromAhead = datedAhead.isEmpty() ? lit(false)
            : StateTables.versionIn(datedAhead).and(own.gt(lit(before))).and(own.leq(lit(tonight)));
        return fromArrived.or(fromAhead);
    }

    /** Selects, among the accepted rows of the versions known tonight, those known on the earlier night. */
    Column knownBefore() {
        Set<String> earlier = new TreeSet<>(knownTonight);
        earlier.removeAll(arrived);
        return earlier.isEmpty() ? lit(false) : StateTables.versionIn(earlier).and(StateTables.ownDate(source, before).leq(lit(before)));
    }
}

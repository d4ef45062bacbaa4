package dk.gevinst.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.Path;

/**
 * Every version of every file ever ingested, and when it arrived. A file is read again only if it is new or
 * has changed (a new version); the old version's rows stay, for replays of the nights that saw them.
 *
 * <p>{@code knownFrom} is the first night whose evaluation may use a version: the as-of day of the run that
 * first read it, but never earlier than a night already evaluated (a replay that happens to read a new file
 * does not back-date it) and never later than today (a run with a future as-of does not hide files from the
 * real nights). "As known on D" means: for each file, its latest version with {@code knownFrom <= D}; a
 * night before the first one is a backfill and sees the first night's files (see {@link #knownOn}).
 *
 * <p>No raw file name is kept: files are named by keyed references and a masked display path. One small JSON
 * file per run, written after the data (to a temporary name, then renamed), so an interrupted run is simply
 * redone by the next one.
 */
public final class FileLedger {
    public static final String FOLDER = "ledger";
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Storage storage;
    private final Path folder;
    /** The latest record per version reference. */
    private final Map<String, Entry> byVersion = new HashMap<>();
    private final boolean legacy;

    /**
     * One version of one file, its arrival and its counts. {@code removedAt} is set once the file is gone from
     * the data root and its rows have been dropped. {@code cutOff} says why the version looks cut off during
     * export (see CutOffFiles), else null; ledgers written before it read as null. Dates and instants are ISO text.
     * {@code units}: each unit the version's accepted rows name, with the earliest own day of a row naming it
     * (see StateTables#knownUnits), so that the units known on a night are read here, not from the whole
     * state; null in ledgers written before it. {@code replacedRowsRead}: the rows read of the version this one
     * replaced, so a cut-off version names how much is missing; null for a new file and in ledgers written before it.
     * {@code unknownCandidates}: per unit, the rows quarantined as {@code unknown_candidate} (a preference answer
     * naming a candidate no valid comparison covering its unit listed when the file was read), so the comparisons covering the unit are flagged;
     * other quarantined rows keep no values; these keep their unit, counted here per file. Null in ledgers written before it.
     * {@code latestOwnDay}: the latest own day (StateTables#ownDate) of an accepted row, so that a night after
     * the version arrived knows, without reading it, whether any of its rows became known since an earlier night
     * (a version dated ahead); null when no row has one, and in ledgers written before it.
     */
    public record Entry(String source, String file, String version, String display, long size, long modified,
                        String knownFrom, String firstSeenAt, String recordedAt, String runId,
                        long rowsRead, long rowsAccepted, long rowsQuarantined, Map<String, Long> byReason,
                        Map<String, Long> cprMasked, List<String> columns, List<String> warnings, String note, String removedAt,
                        String cutOff, Map<String, String> units, Long replacedRowsRead, Map<String, Long> unknownCandidates,
                        String latestOwnDay) {
        public LocalDate knownFromDate() {
            return LocalDate.parse(knownFrom);
        }

        public boolean removed() {
            return removedAt != null;
        }

        /** The units this version's accepted rows named; empty when not recorded (an older ledger) or the source has none. */
        public java.util.Set<String> unitNames() {
            return units == null ? java.util.Set.of() : java.util.Set.copyOf(units.keySet());
        }

        Entry removedAt(Instant when) {
            return new Entry(source, file, version, display, size, modified, knownFrom, firstSeenAt, when.toString(), runId,
                rowsRead, rowsAccepted, rowsQuarantined, byReason, cprMasked, columns, warnings, note, when.toString(), cutOff, units, replacedRowsRead, unknownCandidates, latestOwnDay);
        }
    }

    private FileLedger(Storage storage, Path folder, boolean legacy) {
        this.storage = storage;
        this.folder = folder;
        this.legacy = legacy;
    }

    public static FileLedger load(Storage storage, Path stateRoot) throws IOException {
        Path folder = new Path(stateRoot, FOLDER);
        boolean legacy = false;
        List<Entry> all = new ArrayList<>();
        for (Storage.FileEntry f : storage.listFiles(folder)) {
            if (!f.path().getName().endsWith(".json")) continue;
            for (Entry e : JSON.readValue(storage.readText(f.path()), Entry[].class)) {
                if (e.version() == null || e.knownFrom() == null) legacy = true;
                else all.add(e);
            }
        }
        FileLedger ledger = new FileLedger(storage, folder, legacy);
        all.sort(Comparator.comparing(Entry::recordedAt));
        for (Entry e : all) ledger.byVersion.put(e.version(), e);
        return ledger;
    }

    /** The latest record of every file version, withdrawn ones included. */
    public List<Entry> records() {
        return List.copyOf(byVersion.values());
    }

    /** True when the ledger was written by a Gevinst that named files by their raw path (before file references). */
    public boolean legacy() {
        return legacy;
    }

    /** The version was read before and its rows are still in the state. */
    public boolean hasLive(String versionRef) {
        Entry e = byVersion.get(versionRef);
        return e != null && !e.removed();
    }

    /** Every live version of a source, all nights. */
    public List<Entry> live(String source) {
        return byVersion.values().stream().filter(e -> !e.removed() && e.source().equals(source))
            .sorted(Comparator.comparing(Entry::display).thenComparing(Entry::recordedAt)).toList();
    }

    /**
     * For each file, the version a night D could use: the latest with knownFrom on or before D. The files of
     * the first night (the earliest knownFrom) count for every earlier night too: no night before the first
     * one ran, so replaying one is a backfill, and it uses the first night's files by their rows' own dates.
     */
    public List<Entry> knownOn(LocalDate day) {
        Optional<String> firstNight = byVersion.values().stream().map(Entry::knownFrom).min(Comparator.naturalOrder());
        Map<String, Entry> latest = new HashMap<>();
        for (Entry e : byVersion.values()) {
            boolean known = !e.knownFromDate().isAfter(day) || e.knownFrom().equals(firstNight.orElse(null));
            if (e.removed() || !known) continue;
            latest.merge(e.file(), e, (a, b) -> newer(a, b) ? a : b);
        }
        return latest.values().stream().sorted(Comparator.comparing(Entry::source).thenComparing(Entry::display)).toList();
    }

    private static boolean newer(Entry a, Entry b) {
        int byDay = a.knownFrom().compareTo(b.knownFrom());
        return byDay != 0 ? byDay > 0 : a.recordedAt().compareTo(b.recordedAt()) > 0;
    }

    /** The day new versions read tonight become known from (see the class comment). */
    public LocalDate knownFromForNewFiles(LocalDate asOf, LocalDate today) {
        LocalDate day = asOf.isAfter(today) ? today : asOf;
        Optional<LocalDate> newest = byVersion.values().stream().map(Entry::knownFromDate).filter(d -> !d.isAfter(today))
            .max(Comparator.naturalOrder());
        return newest.filter(day::isBefore).orElse(day);
    }

    public void record(String runId, List<Entry> fresh) throws IOException {
        if (fresh.isEmpty()) return;
        Path tmp = new Path(folder, "." + runId + ".json.tmp");
        Path target = new Path(folder, runId + ".json");
        List<Entry> all = new ArrayList<>(fresh);
        if (storage.exists(target)) all.addAll(0, List.of(JSON.readValue(storage.readText(target), Entry[].class)));
        try {
            storage.writeText(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        if (storage.exists(target)) storage.delete(target);
        if (!storage.rename(tmp, target)) throw new IOException("could not rename " + tmp + " to " + target);
        for (Entry e : fresh) byVersion.put(e.version(), e);
    }

    /** Records that these versions were dropped because their file is gone from the data root. */
    public List<Entry> removals(List<Entry> versions, Instant when) {
        return versions.stream().map(e -> e.removedAt(when)).toList();
    }
}

package dk.gevinst.ingest;

import dk.gevinst.cells.StateTables;
import dk.gevinst.cells.TouchedCaseVersions;
import dk.gevinst.parallel.DriverCores;
import dk.gevinst.source.Source;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;

/**
 * Incremental, idempotent ingest. Only file versions not yet in the file ledger are read, each source in a
 * single pass (see SourceIngest); accepted and quarantined rows are partitioned by file version and replace
 * whatever an interrupted earlier run wrote for the same versions, and the ledger is written last. A killed
 * run therefore leaves nothing half-done that the next run does not redo.
 *
 * <p>Files gone from the data root are withdrawn: their rows are dropped from the state (see
 * docs/contract.md), unless the whole source folder is missing or empty, which looks like a mount that
 * failed rather than a withdrawal.
 */
public final class SparkIngest implements IngestStage {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SparkIngest.class);
    /** Where an older Gevinst kept quarantined rows; now they are in each source's table (see SourceIngest). */
    static final String LEGACY_QUARANTINE = "quarantine";
    /** Sources ingested side by side (see eachSource): five measured the same as two on the sample (docs/benchmarks.md). */
    private static final int THREADS = 2;

    /** The night's touched case versions, which the cell stage reads again; null: this ingest's own. */
    private final TouchedCaseVersions touched;

    /** An ingest on its own. */
    public SparkIngest() {
        this(null);
    }

    /** An ingest whose version counts read the touched case versions from {@code touched}, where the cell stage finds them. */
    public SparkIngest(TouchedCaseVersions touched) {
        this.touched = touched;
    }

    @Override
    public IngestResult ingest(SparkSession spark, IngestRequest request) {
        Storage storage = new Storage(spark.sparkContext().hadoopConfiguration());
        Map<String, String> previous = wholeFileReading(spark.conf());
        TouchedCaseVersions versions = touched != null ? touched : TouchedCaseVersions.forOneStage();
        try {
            return run(spark, storage, request, versions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (touched == null) versions.close();
            previous.forEach((k, v) -> {
                if (v == null) spark.conf().unset(k);
                else spark.conf().set(k, v);
            });
        }
    }

    private static IngestResult run(SparkSession spark, Storage storage, IngestRequest request, TouchedCaseVersions touched) throws IOException {
        FileLedger ledger = FileLedger.load(storage, request.stateRoot());
        if (ledger.legacy()) ledger = LegacyState.moveAside(storage, request.stateRoot(), request.runId());
        LocalDate today = LocalDate.ofInstant(request.now(), ZoneOffset.UTC);
        String knownFrom = ledger.knownFromForNewFiles(request.asOf(), today).toString();
        dropStaging(storage, request.stateRoot());
        List<Ingested> ingested = eachSource(spark, storage, request, ledger, knownFrom);
        Map<Source, SourceCounts> counts = new LinkedHashMap<>();
        List<FileProblem> rejected = new ArrayList<>(), skipped = new ArrayList<>(), removed = new ArrayList<>();
        Map<String, Long> masked = new HashMap<>();
        List<FileLedger.Entry> records = new ArrayList<>();
        // Merged in source order, whatever order the sources finished in: the ledger and messages stay deterministic.
        for (Ingested i : ingested) {
            counts.put(i.source(), i.counts());
            rejected.addAll(i.rejected());
            skipped.addAll(i.skipped());
            removed.addAll(i.removed());
            i.masked().forEach((k, v) -> masked.merge(k, v, Long::sum));
            records.addAll(i.records());
        }
        ledger.record(request.runId(), records);
        List<Source> read = counts.entrySet().stream().filter(e -> !e.getValue().files().isEmpty()).map(Map.Entry::getKey).toList();
        Map<Source, VersionCounts> versions = StateTables.versionCounts(spark, request.stateRoot(), read, request.asOf(), touched);
        counts.replaceAll((source, c) -> versions.containsKey(source) ? SourceCounts.of(c.files(), versions.get(source)) : c);
        List<FileLedger.Entry> known = ledger.knownOn(request.asOf());
        List<CutOffFile> cutOff = known.stream().filter(e -> e.cutOff() != null).map(CutOffFile::of).toList();
        return new IngestResult(counts, rejected, skipped, removed, masked, warnings(known), cutOff, known);
    }

    /**
     * Removes what a killed run's writes left in the state tables: Spark's dynamic partition overwrite stages each
     * write under {@code .spark-staging-<id>} and removes it only when the job ends. Readers skip hidden folders, so
     * this is only disk. Only folders untouched for longer than the longest lock timeout (a day) go: a run whose lock
     * was taken over as stale may still be alive on another host, writing into its own.
     */
    private static void dropStaging(Storage storage, Path stateRoot) throws IOException {
        List<String> tables = new ArrayList<>();
        for (Source source : Source.values()) tables.add(source.folder());
        tables.add(StateTables.FILE_RULES);
        for (String table : tables) {
            for (Storage.FileEntry f : storage.listHidden(new Path(stateRoot, table))) {
                if (!f.path().getName().startsWith(STAGING) || f.modified() > System.currentTimeMillis() - STAGING_AGE_MS) continue;
                LOG.info("Removing {}, left by a run that did not finish", f.path());
                storage.delete(f.path());
            }
        }
    }

    /** How Spark names the folder a dynamic partition overwrite stages its write in. */
    static final String STAGING = ".spark-staging-";
    /** The age after which a staging folder is surely a dead run's: the longest lock timeout (RunConfig), and an hour. */
    static final long STAGING_AGE_MS = Duration.ofHours(25).toMillis();

    /** What one source's new and withdrawn files gave: its counts, the files' problems and the ledger records. */
    private record Ingested(Source source, SourceCounts counts, List<FileProblem> rejected, List<FileProblem> skipped,
                            List<FileProblem> removed, Map<String, Long> masked, List<FileLedger.Entry> records) {}

    /**
     * Every source, on {@link #THREADS} threads. A source is a few Spark jobs, each with seconds of planning, code
     * generation and class loading on the driver while the cores wait, and a small source's jobs are little else;
     * sources ingested side by side fill those gaps with another source's tasks. The sources share nothing
     * but the whole-file rules' table, where each writes only the partitions of its own file versions. Every
     * source finishes before a failure is thrown (the first in source order), so no write outlives the run.
     */
    private static List<Ingested> eachSource(SparkSession spark, Storage storage, IngestRequest request, FileLedger ledger,
                                             String knownFrom) throws IOException {
        try {
            return DriverCores.map(List.of(Source.values()), THREADS, "gevinst-ingest", source -> {
                // Thread-local: the Spark UI and event log then name each job's source.
                spark.sparkContext().setJobDescription("ingest " + source.folder());
                try {
                    return source(spark, storage, request, ledger, knownFrom, source);
                } catch (IOException | RuntimeException e) {
                    // Two sources run at once: say which one failed, since the exception may not.
                    LOG.error("ingest of {} failed: {}", source.folder(), e.toString());
                    throw e;
                } finally {
                    spark.sparkContext().setJobDescription(null);
                }
            });
        } catch (DriverCores.Interrupted e) {
            // The ledger is not written, so the next run reads these files again.
            throw new IllegalStateException("ingest was interrupted; the next run reads tonight's new files again", e);
        }
    }

    private static Ingested source(SparkSession spark, Storage storage, IngestRequest request, FileLedger ledger, String knownFrom,
                                   Source source) throws IOException {
        List<FileProblem> rejected = new ArrayList<>(), skipped = new ArrayList<>(), removed = new ArrayList<>();
        Map<String, Long> masked = new HashMap<>();
        FileInventory inventory = FileInventory.list(storage, request.dataRoot(), source, request.pseudonymizer());
        skipped.addAll(inventory.skipped());
        List<SourceIngest.Fresh> fresh = new ArrayList<>();
        for (SourceFile f : inventory.files()) {
            if (ledger.hasLive(f.versionRef())) continue;
            HeaderCheck.Head head = HeaderCheck.read(storage, source, f.path(), f.format(), f.size());
            if (head.ok()) fresh.add(new SourceIngest.Fresh(f, head));
            else rejected.add(new FileProblem(source.folder(), f.display(), head.problem()));
        }
        List<FileLedger.Entry> records = new ArrayList<>(withdraw(storage, request, ledger, inventory, removed, skipped));
        if (fresh.isEmpty()) return new Ingested(source, SourceCounts.of(List.of()), rejected, skipped, removed, masked, records);
        List<FileCounts> files = SourceIngest.run(spark, request, source, fresh);
        Map<String, FileLedger.Entry> replaced = new HashMap<>();
        for (FileLedger.Entry e : ledger.knownOn(LocalDate.MAX)) if (e.source().equals(source.folder())) replaced.put(e.file(), e);
        for (int i = 0; i < fresh.size(); i++) {
            SourceFile f = fresh.get(i).file();
            FileCounts c = files.get(i);
            c.cprMasked().forEach((k, v) -> masked.merge(k, v, Long::sum));
            FileLedger.Entry previous = replaced.get(f.fileRef());
            String cutOff = CutOffFiles.check(storage, f, fresh.get(i).head(), c.rowsRead(), previous);
            if (cutOff != null) LOG.warn("{}: {}", f.display(), cutOff);
            records.add(new FileLedger.Entry(source.folder(), f.fileRef(), f.versionRef(), f.display(), f.size(), f.modified(),
                knownFrom, request.now().toString(), request.now().toString(), request.runId(), c.rowsRead(), c.rowsAccepted(),
                c.rowsQuarantined(), c.byReason(), c.cprMasked(), fresh.get(i).head().columns(), fresh.get(i).head().warnings(),
                c.note(), null, cutOff, c.units(), previous == null ? null : previous.rowsRead(), c.unknownCandidates(),
                c.latestOwnDay()));
        }
        return new Ingested(source, SourceCounts.of(files), rejected, skipped, removed, masked, records);
    }

    /**
     * Drops the rows of files that are gone from the data root and returns the ledger records saying so.
     * A missing or empty source folder drops nothing: that is more likely a failed mount than a withdrawal.
     */
    private static List<FileLedger.Entry> withdraw(Storage storage, IngestRequest request, FileLedger ledger, FileInventory inventory,
                                                   List<FileProblem> removed, List<FileProblem> skipped) throws IOException {
        Set<String> present = new HashSet<>();
        inventory.files().forEach(f -> present.add(f.fileRef()));
        Map<String, List<FileLedger.Entry>> gone = new LinkedHashMap<>();
        for (FileLedger.Entry e : ledger.live(inventory.source().folder())) {
            if (!present.contains(e.file())) gone.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(e);
        }
        if (gone.isEmpty()) return List.of();
        String folder = inventory.source().folder();
        if (!inventory.folderExists() || inventory.files().isEmpty()) {
            skipped.add(new FileProblem(folder, folder + "/", "the folder is " + (inventory.folderExists() ? "empty" : "missing") + "; the "
                + gone.size() + " file(s) read from it before are kept, not dropped (delete them from " + folder + "/ one by one to withdraw them)"));
            return List.of();
        }
        List<FileLedger.Entry> out = new ArrayList<>();
        for (List<FileLedger.Entry> versions : gone.values()) {
            for (FileLedger.Entry v : versions) {
                for (String table : List.of(folder, StateTables.FILE_RULES)) {
                    storage.delete(new Path(new Path(request.stateRoot(), table), dk.gevinst.source.Columns.FILE_REF + "=" + v.version()));
                }
            }
            // What a night loses is what the latest version contributed: its accepted rows (earlier versions are
            // replays' data, and quarantined rows never counted).
            FileLedger.Entry last = versions.get(versions.size() - 1);
            long rows = last.rowsAccepted();
            String earlier = versions.size() == 1 ? "" : " (and " + (versions.size() - 1) + (versions.size() == 2 ? " earlier version" : " earlier versions") + ")";
            removed.add(new FileProblem(folder, last.display(), "removed from the data root; its " + rows + (rows == 1 ? " accepted row" : " accepted rows")
                + earlier + (rows == 1 && earlier.isEmpty() ? " was" : " were")
                + " dropped from the state, so no night evaluated from now on, replays included, uses them", rows, unitsOf(versions)));
            LOG.warn("{} was removed from the data root; its {} accepted rows{} were dropped", last.display(), rows, earlier);
            out.addAll(ledger.removals(versions, request.now()));
        }
        return out;
    }

    private static List<FileProblem> warnings(List<FileLedger.Entry> known) {
        List<FileProblem> out = new ArrayList<>();
        for (FileLedger.Entry e : known) {
            if (e.warnings() != null) e.warnings().forEach(w -> out.add(new FileProblem(e.source(), e.display(), w)));
        }
        return out;
    }

    /**
     * Sets the session so that duplicate JSON keys keep the last, each file is scanned whole in one partition (see TextLines), so that writing a
     * task's rows, which all belong to one file version, needs no sort by partition (Spark keeps a writer per
     * partition value instead), and so that typing runs as compiled code. Returns what to restore.
     * Package-private for TypingBenchmark.
     */
    static Map<String, String> wholeFileReading(RuntimeConfig conf) {
        Map<String, String> settings = new HashMap<>(TextLines.WHOLE_FILES);
        settings.put("spark.sql.maxConcurrentOutputFileWriters", "8");
        // A JSON export may repeat a key once names are normalised ("Unit" and "unit"): the last wins, as in
        // any JSON reader, instead of failing the whole ingest (see RecordFields).
        settings.put("spark.sql.mapKeyDedupPolicy", "LAST_WIN");
        // Typing a record is one large projection. Generated methods above 8000 bytes are never compiled
        // by the JVM's JIT and run interpreted; at this limit Spark generates smaller, compiled ones
        // instead (measured: 30 % less CPU for typing cases).
        settings.put("spark.sql.codegen.hugeMethodLimit", "8000");
        Map<String, String> previous = new HashMap<>();
        settings.forEach((k, v) -> {
            previous.put(k, conf.getOption(k).isDefined() ? conf.get(k) : null);
            conf.set(k, v);
        });
        return previous;
    }

    /** The units any version of a file named: a withdrawal drops every version's rows, replays' included. */
    private static java.util.Set<String> unitsOf(List<FileLedger.Entry> versions) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        versions.forEach(v -> out.addAll(v.unitNames()));
        return out;
    }
}

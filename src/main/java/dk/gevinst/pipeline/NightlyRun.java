package dk.gevinst.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.business.CostLine;
import dk.gevinst.cells.CellTable;
import dk.gevinst.cells.Unobserved;
import dk.gevinst.cells.SparkCellStage;
import dk.gevinst.cells.TouchedCaseVersions;
import dk.gevinst.cells.StateTables;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.SharedTitles;
import dk.gevinst.config.SpecLoad;
import dk.gevinst.config.SpecLoader;
import dk.gevinst.dashboard.DashboardWriter;
import dk.gevinst.decision.DriftFits;
import dk.gevinst.decision.PilotEvaluation;
import dk.gevinst.decision.PilotEvaluator;
import dk.gevinst.ingest.ColumnTypos;
import dk.gevinst.ingest.FileLedger;
import dk.gevinst.ingest.IndicatorColumns;
import dk.gevinst.ingest.CandidateIds;
import dk.gevinst.ingest.IngestRequest;
import dk.gevinst.ingest.IngestResult;
import dk.gevinst.ingest.QuarantinedFile;
import dk.gevinst.ingest.SkippedFiles;
import dk.gevinst.ingest.SparkIngest;
import dk.gevinst.publish.DecisionDocument;
import dk.gevinst.publish.DecisionDocument.HistoryEntry;
import dk.gevinst.publish.Json;
import dk.gevinst.publish.PilotCells;
import dk.gevinst.publish.PublishedHistory;
import dk.gevinst.publish.PublishedTables;
import dk.gevinst.source.Columns;
import dk.gevinst.source.Source;
import dk.gevinst.parallel.DriverCores;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The nightly evaluation, end to end: checks, lock, specs, ingest, one cell scan, per-pilot evaluation on
 * the driver, tonight's documents (fresh or the last good one kept), one publication of decisions, tables
 * and dashboard, and the run manifest last.
 */
public final class NightlyRun {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NightlyRun.class);

    /**
     * One pilot as published tonight: what the summary line prints. {@code invalidSpec}: its spec did not
     * validate, so it was not evaluated; the summary counts it as an invalid spec, not as a pilot.
     */
    public record PilotSummary(String pilotId, String status, String decision, String reasonDa, String reasonEn, String keptFrom,
                               boolean staleData, boolean partialData, boolean invalidSpec) {
        public String reason(dk.gevinst.text.Language language) {
            return language == dk.gevinst.text.Language.DA ? reasonDa : reasonEn;
        }
    }

    /**
     * What a run produced: its exit code and where to look (the manifest lists every problem). {@code skipped}: the
     * names in the data root that were not read (a broken link, a folder, another file type), each "path: why".
     */
    public record Report(String runId, ExitCode exitCode, Path decisions, Path dashboardIndex, Path manifest, List<PilotSummary> published,
                         List<String> problems, List<String> skipped) {
        public Report(String runId, ExitCode exitCode, Path decisions, Path dashboardIndex, Path manifest, List<PilotSummary> published,
                      List<String> problems) {
            this(runId, exitCode, decisions, dashboardIndex, manifest, published, problems, List.of());
        }
    }

    private NightlyRun() {}

    public static Report execute(SparkSession spark, RunSettings s) throws IOException {
        return execute(spark, s, RunProgress.NONE);
    }

    /** The run, telling {@code progress} about each stage as it finishes. */
    public static Report execute(SparkSession spark, RunSettings s, RunProgress progress) throws IOException {
        return execute(spark, s, progress, false);
    }

    /**
     * The run. When the process was started for it ({@code processStartedForRun}), its first stage is "start":
     * from the JVM's start to here (the command line, Spark's session, the checks and the lock). Not in tests
     * or a notebook, where the JVM and the session were there before.
     */
    public static Report execute(SparkSession spark, RunSettings s, RunProgress progress, boolean processStartedForRun) throws IOException {
        Instant started = Instant.now();
        String runId = s.asOf() + "_" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started);
        Storage storage = new Storage(spark.sparkContext().hadoopConfiguration());
        RunChecks.arguments(storage, s, LocalDate.now());
        RunChecks.writable(storage, s.out(), runId);
        try (RunLock lock = RunLock.acquire(storage, s.out(), runId, s.lockTimeout())) {
            RunChecks.simulationFolder(storage, s);
            KeyCheck.verify(storage, s.state(), s.pseudonymizer());
            StageClock clock = new StageClock(progress);
            if (processStartedForRun) clock.lapSinceProcessStart("start", spark.sparkContext().defaultParallelism(), "cores");
            List<String> problems = new ArrayList<>();
            // A night before the one the publication shows (a backfill, an audit) is a replay: decided by the specs of
            // its own time, and published beside the latest night, never in its place (below).
            LocalDate shown = Publication.currentNight(storage, s.out()).orElse(null);
            boolean replay = shown != null && s.asOf().isBefore(shown);
            SpecSnapshots snapshots = new SpecSnapshots(storage, s.state());
            Map<String, byte[]> specFiles = replay ? Map.of() : snapshots.files(s.pilots());
            SpecLoad specs = new SpecLoader(storage).load(replay ? snapshots.forReplay(s.asOf(), s.pilots()) : s.pilots(), "");
            Map<LocalDate, Map<String, byte[]>> specHistory = snapshots.upTo(s.asOf());
            if (!replay) specHistory.put(s.asOf(), specFiles);
            Map<String, List<SpecChanges.Change>> specChanges = SpecChanges.recent(SpecChanges.of(specHistory, specs.valid()), s.asOf());
            specs.failures().forEach(f -> f.problems().forEach(p -> problems.add(p.toString())));
            LOG.info("Run {}: {} pilot specs valid, {} invalid; as of {}", runId, specs.valid().size(), specs.failures().size(), s.asOf());
            SharedTitles.warnings(specs.valid()).forEach(w -> LOG.warn("{}", w));

            clock.lap("specs", specs.valid().size() + specs.failures().size(), "pilot specs");
            IngestResult ingest;
            CellTable cells;
            // The case versions tonight's new rows touch: read from the state once, for the ingest's version counts, and kept for the cells.
            try (TouchedCaseVersions touched = TouchedCaseVersions.forPilots(specs.valid())) {
                ingest = new SparkIngest(touched).ingest(spark, new IngestRequest(s.data(), s.state(), s.bounds(), s.pseudonymizer(), runId, s.asOf(),
                    started).withCandidates(CandidateIds.of(specs.valid())));
                ingest = ingest.withColumnWarnings(IndicatorColumns.absent(IndicatorColumns.of(ingest.ledger()), specs.valid()));
                ingest.rejected().forEach(p -> problems.add(p.toString()));
                // Not a problem for the exit code (nothing was misread), but never silent: a dangling link is often an export share that did not mount.
                ingest.skipped().forEach(p -> LOG.warn("{}", SkippedFiles.warning(p, s.data().toString().replaceAll("/$", ""))));
                ingest.counts().forEach((src, c) -> {
                    if (c.rowsRead() > 0) LOG.info("Ingested {}: {} rows read, {} accepted, {} quarantined", src.folder(), c.rowsRead(), c.rowsAccepted(), c.rowsQuarantined());
                });

                clock.lap("ingest", ingest.counts().values().stream().mapToLong(c -> c.rowsRead()).sum(), "new rows read");
                cells = new SparkCellStage(s.full(), touched).compute(spark, s.state(), specs.valid(), s.asOf());
                clock.lap("cells", cells.collectedCount(), "cells");
            }
            List<CostLine> costs = costs(spark, s);
            FrozenAnalyses frozen = new FrozenAnalyses(storage, s.state());
            List<PilotEvaluation> evaluations = new ArrayList<>();
            Map<String, PilotHealth> health = new HashMap<>();
            List<ColumnTypos.InFiles> typos = ColumnTypos.ofKnownFiles(ingest.ledger());
            List<IndicatorColumns.Absent> absentColumns = IndicatorColumns.absentByPilot(IndicatorColumns.of(ingest.ledger()), specs.valid());
            List<QuarantinedFile> quarantined = QuarantinedFile.ofKnownFiles(ingest.ledger());
            Set<String> units = StateTables.knownUnits(spark, s.state(), s.asOf());
            MissingDays.Counts caseDays = MissingDays.Counts.of(specs.valid(), cells,
                s.freshness().maxAge(Source.CASES).orElse(dk.gevinst.config.Freshness.DEFAULT_CASES_DAYS));
            final IngestResult ingested = ingest;
            // Pilots are independent and their evaluation is driver arithmetic while Spark's executors wait, so they
            // share the driver's cores. Results come back in spec order, and a failure or a unit without data is
            // logged in that order afterwards (a warning from inside an evaluation is logged when it happens).
            // Each evaluation gets the drift fits the last night kept, and tonight's are kept for the next.
            KeptDriftFitsFile.Results<Evaluated> run = KeptDriftFitsFile.evaluate(storage, s.state(), s.asOf(), s.full(), specs.valid(), (spec, fits) -> {
                PilotEvaluation e = evaluateSafely(spec, cells, costs, s, frozen, fits);
                PilotHealth h = PilotHealth.of(e, s.freshness(), ingested.rejected(), typos, ingested.cutOff(), quarantined, ingested.removed()).withUnitsKnown(spec, units, s.asOf())
                    .withUnknownCandidates(spec, ingested.ledger()).withAbsentColumns(spec, absentColumns)
                    .withUnobserved(spec, unobservedUnlessFrozen(cells, spec, frozen, s.asOf())).withMissingDays(spec, caseDays, s.freshness());
                return new Evaluated(spec, e, h);
            });
            KeptDriftFitsFile.Report driftFits = run.fits();
            List<Evaluated> evaluated = run.results();
            for (Evaluated x : evaluated) {
                if (!x.evaluation().ok()) LOG.warn("Pilot {} could not be evaluated: {}", x.spec().id(), x.evaluation().error());
                x.health().missingUnits().forEach(m -> LOG.warn("{}", m.en(x.spec().id())));
                // Without any data, or without any unit in an arm, because of them, they are the night's problem (exit 2), named in its summary line.
                if (x.health().unitsWithoutDataBlock()) x.health().missingUnits().forEach(m -> problems.add(m.en(x.spec().id())));
                evaluations.add(x.evaluation());
                health.put(x.evaluation().pilotId(), x.health());
            }
            // Only the pilots evaluated count; an invalid spec was not evaluated and is named as such beside them.
            int invalid = specs.failures().size();
            clock.lap("evaluation", evaluations.size(), invalid == 0 ? "pilots" : "pilots, " + invalid + (invalid == 1 ? " invalid spec" : " invalid specs"));

            StagedPublish publish = new StagedPublish(storage, s.out(), runId);
            // A replay must not roll back what managers read: its documents and dashboard go under replayed/<night>/,
            // its table partitions are replaced as any night's, and the latest night's decisions and dashboard are
            // carried over unchanged.
            String replayed = Publication.REPLAYED + "/" + s.asOf();
            ObjectNode runQuality = DataQuality.sources(ingest.ledger(), ingest);
            Map<String, JsonNode> previous = previousDocuments(storage, publish, s.asOf(), problems);
            List<TonightsDecisions.Entry> tonight = TonightsDecisions.build(evaluations, specs.failures(), health, previous, runQuality, s.asOf(), specChanges);
            for (TonightsDecisions.Entry t : tonight) if (t.cellsTonight() != null) frozen.nameFrozenNights(t.doc(), s.asOf());
            List<DroppedPilot> dropped = DroppedPilot.of(previous, tonight);
            dropped.forEach(d -> problems.add(d.message()));
            // Earlier nights as the current publication's tables hold them, with each night's decision intervals.
            Map<String, List<HistoryEntry>> history = publish.previous(Publication.TABLES)
                .map(tables -> PublishedHistory.before(spark, tables, s.asOf())).orElse(Map.of());
            Path decisions = publish.staged(replay ? replayed + "/" + Publication.DECISIONS : Publication.DECISIONS);
            DriverCores.forEach(tonight, t -> {
                List<HistoryEntry> h = new ArrayList<>(history.getOrDefault(t.pilotId(), List.of()));
                h.add(PublishedHistory.tonight(t.doc(), t.decidedTonight()));
                t.doc().set("history", DecisionDocument.history(h));
                t.doc().set("previous", DecisionDocument.previous(previous.get(t.pilotId())));
                if (s.simulation()) t.doc().put("simulation", true);
                storage.writeText(new Path(decisions, t.pilotId() + ".json"), Json.MAPPER.writeValueAsString(t.doc()));
            });
            publish.step("decisions");
            clock.lap("decision documents", tonight.size(), "documents");
            Path tables = publish.staged(Publication.TABLES);
            String tonightsPartition = Columns.AS_OF + "=" + s.asOf();
            publish.carryForward(Publication.TABLES, rel -> rel.endsWith("/" + tonightsPartition));
            List<PilotCells> decided = tonight.stream().map(TonightsDecisions.Entry::cellsTonight).filter(java.util.Objects::nonNull).toList();
            PublishedTables.write(spark, tables, s.state(), decided, tonight.stream().map(t -> (JsonNode) t.doc()).toList(), runId, s.asOf());
            publish.step("tables");
            clock.lap("tables", tonight.size(), "documents");
            publish.carryForward(Publication.REPLAYED, rel -> replay && rel.equals(s.asOf().toString()));
            ObjectNode description = Json.MAPPER.createObjectNode().put("as_of", s.asOf().toString()).put("run_id", runId);
            if (replay) {
                publish.carryForward(Publication.DECISIONS, rel -> false);
                publish.carryForward(Publication.DASHBOARD, rel -> false);
                DashboardWriter.write(storage, decisions, publish.staged(replayed + "/" + Publication.DASHBOARD), s.language(),
                    indexForPeople(storage, s.out(), publish, replayed + "/" + Publication.DASHBOARD, false));
                description.put("as_of", shown.toString()).put("replayed", s.asOf().toString());
                LOG.warn("{} is a replay: the published decisions and dashboard stay those of {}; this night's are under {}, and its table "
                    + "partitions (as_of={}) are replaced", s.asOf(), shown, Publication.forPeopleInCurrent(storage, s.out(), replayed), s.asOf());
            } else {
                DashboardWriter.write(storage, decisions, publish.staged(Publication.DASHBOARD), s.language(),
                    indexForPeople(storage, s.out(), publish, Publication.DASHBOARD, true));
            }
            publish.step("dashboard");
            publish.publish(lock, description);
            if (!replay) snapshots.keepIfChanged(specFiles, s.asOf());
            clock.lap("dashboard and swap", tonight.size() + 1, "pages");
            LOG.info("Stage times: {}", clock);

            ExitCode exit = exitCode(ingest, specs, tonight);
            Path runs = new Path(s.out(), "runs"), manifest = new Path(runs, runId + ".json");
            ObjectNode built = RunManifest.build(runId, s.asOf(), started, ingest, cells.caseCells(), driftFits, tonight, dropped, exit, clock,
                s.simulation());
            List<FileLedger.Entry> unfinished = UnfinishedReads.notListed(storage, runs, runId, FileLedger.load(storage, s.state()).records());
            storage.writeTextAtomically(manifest, Json.MAPPER.writeValueAsString(RunManifest.withUnfinishedReads(built, unfinished)));
            Set<String> invalidSpecs = new HashSet<>();
            specs.failures().forEach(f -> invalidSpecs.add(f.pilotId()));
            List<PilotSummary> summary = tonight.stream().map(t -> new PilotSummary(t.pilotId(), t.status(), t.decision(),
                t.mainReason().path("da").asText(), t.mainReason().path("en").asText(), t.doc().path("kept_from").path("as_of").textValue(), t.health().isStale(),
                t.health().isPartial(), invalidSpecs.contains(t.pilotId()))).toList();
            Path decisionsForPeople = replay ? Publication.forPeopleInCurrent(storage, s.out(), replayed + "/" + Publication.DECISIONS)
                : Publication.forPeople(storage, s.out(), Publication.DECISIONS);
            Path dashboardForPeople = replay ? Publication.forPeopleInCurrent(storage, s.out(), replayed + "/" + Publication.DASHBOARD)
                : Publication.forPeople(storage, s.out(), Publication.DASHBOARD);
            return new Report(runId, exit, decisionsForPeople, new Path(dashboardForPeople, "index.html"), manifest, summary, problems,
                ingest.skipped().stream().map(Object::toString).toList());
        }
    }

    /**
     * Where people will open a dashboard being staged, once it is published: on a local disk through the fixed link
     * ({@code OUT/dashboard}) or the pointer ({@code OUT/current/...}), which the switch makes point at it; elsewhere
     * the new version's own folder, which becomes the current one.
     */
    private static String indexForPeople(Storage storage, Path out, StagedPublish publish, String part, boolean fixedLink) {
        Path folder = !storage.isLocal(out) ? publish.staged(part) : fixedLink ? new Path(out, part) : new Path(new Path(out, Publication.CURRENT), part);
        return new Path(folder, "index.html").toString();
    }

    /** One pilot's evaluation and its health tonight. */
    private record Evaluated(PilotSpec spec, PilotEvaluation evaluation, PilotHealth health) {}

    /**
     * The run's exit code; when several apply, the first: a rejected file (3), stale data (5), a bad spec or a
     * failed evaluation (2). A pilot without data only because units its spec names have no rows counts as a bad
     * spec, not as stale data: the fix is in the spec. The manifest lists every problem.
     */
    static ExitCode exitCode(IngestResult ingest, SpecLoad specs, List<TonightsDecisions.Entry> tonight) {
        if (!ingest.rejected().isEmpty()) return ExitCode.DATA_SOURCE_UNREADABLE;
        if (tonight.stream().anyMatch(t -> t.health().isStale() && !t.health().staleForUnitsWithoutData())) return ExitCode.STALE_DATA;
        if (!specs.failures().isEmpty() || tonight.stream().anyMatch(t -> "error".equals(t.status()) || t.health().unitsWithoutDataBlock())) {
            return ExitCode.BAD_SPEC_OR_ARGUMENTS;
        }
        return ExitCode.OK;
    }

    /**
     * The cases the pilot's custom column indicators leave out, but none for an indicator whose final analysis is
     * frozen (FrozenAnalyses, saved before this is asked): tonight's count would not describe the published numbers,
     * and a correction no longer changes them. Until it is frozen, after the end too, the indicator is recomputed
     * every night and the count stands.
     */
    private static List<Unobserved> unobservedUnlessFrozen(CellTable cells, PilotSpec spec, FrozenAnalyses frozen, LocalDate asOf) {
        List<Unobserved> all = cells.unobserved(spec.id());
        if (all.isEmpty()) return all;
        try {
            Set<String> fixed = frozen.load(spec, asOf).keySet();
            return all.stream().filter(u -> !fixed.contains(u.indicatorId())).toList();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Pilot {}: the frozen analyses cannot be read ({}); values_not_numbers counts every indicator", spec.id(), e.toString());
            return all;
        }
    }

    /**
     * Evaluates one pilot; a failure is its result. An indicator's fixed-horizon analysis is frozen only when its
     * data reach the night evaluated (FreezeReadiness): a night later than its newest data (a future as-of, stale
     * data, a lagging source) must not fix an analysis that later nights would publish instead of their own.
     */
    private static PilotEvaluation evaluateSafely(PilotSpec spec, CellTable cells, List<CostLine> costs, RunSettings s, FrozenAnalyses frozen,
                                                  DriftFits fits) {
        try {
            PilotEvaluation e = PilotEvaluator.evaluate(spec, cells, costs, s.asOf(), frozen.load(spec, s.asOf()), fits);
            // A comparison's decision is its recommendation among the candidates.
            if (spec.isComparison()) {
                e = e.withComparison(dk.gevinst.decision.comparison.ComparisonEvaluator.evaluate(spec, cells, s.asOf(), frozen.loadContrasts(spec, s.asOf()), fits));
            }
            frozen.saveIfFirst(e, FreezeReadiness::ready);
            return e;
        } catch (IOException | RuntimeException ex) {
            LOG.debug("Pilot {} could not be evaluated", spec.id(), ex);
            String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
            return PilotEvaluation.failed(spec.id(), spec.file(), spec, s.asOf(), HealthTexts.evaluationFailed(error, null), error);
        }
    }

    private static List<CostLine> costs(SparkSession spark, RunSettings s) {
        List<CostLine> out = new ArrayList<>();
        for (Row r : StateTables.latestCosts(spark, s.state(), s.asOf()).collectAsList()) {
            out.add(new CostLine(r.getAs(Columns.PILOT_ID), r.getAs(Columns.OPTION), r.getAs(Columns.CATEGORY), r.getAs(Columns.KIND), r.<Double>getAs(Columns.AMOUNT_DKK)));
        }
        return out;
    }

    /**
     * The current publication's documents, by pilot, that a night may keep: none from a later night (a replay keeps
     * nothing). A document that cannot be read is a problem of its own: its pilot is decided tonight without a
     * previous decision to keep or compare with, and every other pilot as usual.
     */
    private static Map<String, JsonNode> previousDocuments(Storage storage, StagedPublish publish, LocalDate asOf, List<String> problems)
            throws IOException {
        Map<String, JsonNode> out = new HashMap<>();
        var folder = publish.previous(Publication.DECISIONS);
        if (folder.isEmpty()) return out;
        for (DashboardWriter.Read r : DashboardWriter.readEach(storage, folder.get())) {
            if (r.problem() != null) {
                LOG.warn("{}; tonight its pilot has no previous decision to keep or compare with", r.problem());
                problems.add(r.problem());
                continue;
            }
            JsonNode d = r.doc();
            if (!LocalDate.parse(d.path("as_of").asText()).isAfter(asOf)) out.put(d.path("pilot_id").asText(), d);
        }
        return out;
    }
}

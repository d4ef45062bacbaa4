package dk.gevinst.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.business.CostLine;
import dk.gevinst.cells.CellTable;
import dk.gevinst.cells.SparkCellStage;
import dk.gevinst.cells.StateTables;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.SpecLoad;
import dk.gevinst.config.SpecLoader;
import dk.gevinst.dashboard.DashboardWriter;
import dk.gevinst.decision.PilotEvaluation;
import dk.gevinst.decision.PilotEvaluator;
import dk.gevinst.decision.ReasonTexts;
import dk.gevinst.ingest.IngestRequest;
import dk.gevinst.ingest.IngestResult;
import dk.gevinst.ingest.SparkIngest;
import dk.gevinst.publish.DecisionDocument;
import dk.gevinst.publish.DecisionDocument.HistoryEntry;
import dk.gevinst.publish.PublishedHistory;
import dk.gevinst.publish.Json;
import dk.gevinst.publish.PublishedTables;
import dk.gevinst.source.Columns;
import dk.gevinst.source.Source;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The nightly evaluation, end to end: lock, specs, ingest, one cell scan, per-pilot evaluation on the
 * driver, staged publish of tables, decisions and dashboard, and the run manifest last.
 */
public final class NightlyRun {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NightlyRun.class);

    /** What a run produced: its exit code and where to look. */
    public record Report(String runId, ExitCode exitCode, Path out, Path dashboardIndex, List<PilotEvaluation> pilots, List<String> problems) {}

    private NightlyRun() {}

    public static Report execute(SparkSession spark, RunSettings s) throws IOException {
        return execute(spark, s, RunProgress.NONE);
    }

    /** The run, telling {@code progress} about each stage as it finishes. */
    public static Report execute(SparkSession spark, RunSettings s, RunProgress progress) throws IOException {
        Instant started = Instant.now();
        String runId = s.asOf() + "_" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started);
        Storage storage = new Storage(spark.sparkContext().hadoopConfiguration());
        if (!storage.isDirectory(s.data())) {
            throw new GevinstException(ExitCode.DATA_SOURCE_UNREADABLE, "the data root " + s.data() + " does not exist or is not a folder; pass --data DIR");
        }
        if (!storage.isDirectory(s.pilots())) {
            throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, "the pilots folder " + s.pilots() + " does not exist; pass --pilots DIR");
        }
        storage.mkdirs(s.out());
        try (RunLock ignored = RunLock.acquire(storage, s.out(), runId, s.lockTtl())) {
            StageClock clock = new StageClock(progress);
            StagedPublish publish = new StagedPublish(storage, s.out(), runId);
            publish.clearLeftovers();
            List<String> problems = new ArrayList<>();
            SpecLoad specs = new SpecLoader(storage).load(s.pilots(), s.pilotsDisplay());
            specs.failures().forEach(f -> f.problems().forEach(p -> problems.add(p.toString())));
            LOG.info("Run {}: {} pilot specs valid, {} invalid; as of {}", runId, specs.valid().size(), specs.failures().size(), s.asOf());

            clock.lap("specs", specs.valid().size() + specs.failures().size(), "pilot specs");
            IngestResult ingest = new SparkIngest().ingest(spark, new IngestRequest(s.data(), s.state(), s.bounds(), s.pseudonymizer(), runId, s.asOf()));
            ingest.rejected().forEach(p -> problems.add(p.toString()));
            ingest.counts().forEach((src, c) -> {
                if (c.rowsRead() > 0) LOG.info("Ingested {}: {} rows read, {} accepted, {} quarantined", src.folder(), c.rowsRead(), c.rowsAccepted(), c.rowsQuarantined());
            });

            clock.lap("ingest", ingest.counts().values().stream().mapToLong(c -> c.rowsRead()).sum(), "new rows read");
            CellTable cells = new SparkCellStage().compute(spark, s.state(), specs.valid(), s.asOf());
            clock.lap("cells", cells.cells().size(), "cells");
            List<CostLine> costs = costs(spark, s);
            FrozenAnalyses frozen = new FrozenAnalyses(storage, s.state());
            List<PilotEvaluation> evaluations = new ArrayList<>();
            for (PilotSpec spec : specs.valid()) evaluations.add(evaluateSafely(spec, cells, costs, s, frozen));
            for (SpecLoad.Failure f : specs.failures()) {
                evaluations.add(PilotEvaluation.failed(f.pilotId(), f.file(), null, s.asOf(),
                    ReasonTexts.invalidSpec(f.problems().get(0).toString() + (f.problems().size() > 1 ? " (+" + (f.problems().size() - 1) + ")" : "")),
                    String.join("\n", f.problems().stream().map(Object::toString).toList())));
            }
            evaluations.sort(Comparator.comparing(PilotEvaluation::pilotId));
            clock.lap("evaluation", evaluations.size(), "pilots");

            ObjectNode runQuality = DataQuality.sources(ingest.ledger(), ingest);
            Map<String, List<HistoryEntry>> history = PublishedHistory.before(spark, s.tables(), s.asOf());
            Path stagedDecisions = publish.staged("decisions");
            for (PilotEvaluation e : evaluations) {
                List<HistoryEntry> h = new ArrayList<>(history.getOrDefault(e.pilotId(), List.of()));
                h.add(PublishedHistory.tonight(e));
                ObjectNode doc = DecisionDocument.build(e, DataQuality.forPilot(runQuality, e), h);
                storage.writeText(new Path(stagedDecisions, e.pilotId() + ".json"), Json.MAPPER.writeValueAsString(doc));
            }
            clock.lap("decision documents", evaluations.size(), "documents");
            PublishedTables.write(spark, s.tables(), s.state(), evaluations, runId, s.asOf());
            clock.lap("tables", evaluations.size(), "pilots");
            DashboardWriter.write(storage, stagedDecisions, publish.staged("dashboard"), s.language());
            publish.publish("decisions");
            publish.publish("dashboard");
            publish.finish();
            clock.lap("dashboard and swap", evaluations.size() + 1, "pages");
            LOG.info("Stage times: {}", clock);

            ExitCode exit = !ingest.rejected().isEmpty() ? ExitCode.DATA_SOURCE_UNREADABLE
                : !specs.failures().isEmpty() ? ExitCode.BAD_SPEC_OR_ARGUMENTS : ExitCode.OK;
            Path manifest = new Path(new Path(s.out(), "runs"), runId + ".json");
            Path tmp = new Path(new Path(s.out(), "runs"), "." + runId + ".json.tmp");
            storage.writeText(tmp, Json.MAPPER.writeValueAsString(RunManifest.build(runId, s.asOf(), started, ingest, evaluations, exit, clock.seconds())));
            storage.rename(tmp, manifest);
            return new Report(runId, exit, s.out(), new Path(s.dashboard(), "index.html"), evaluations, problems);
        }
    }

    /** Wall-clock seconds per stage, for the log and the manifest: where a night's time goes. */
    static final class StageClock {
        private final java.util.LinkedHashMap<String, Double> seconds = new java.util.LinkedHashMap<>();
        private final RunProgress progress;
        private long last = System.nanoTime();

        StageClock(RunProgress progress) {
            this.progress = progress;
        }

        void lap(String stage, long count, String what) {
            long now = System.nanoTime();
            double s = Math.round((now - last) / 1e7) / 100.0;
            seconds.put(stage, s);
            last = now;
            progress.stageDone(stage, count, what, s);
        }

        Map<String, Double> seconds() {
            return seconds;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            seconds.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(v).append(" s"));
            return b.toString();
        }
    }

    private static PilotEvaluation evaluateSafely(PilotSpec spec, CellTable cells, List<CostLine> costs, RunSettings s, FrozenAnalyses frozen) {
        try {
            PilotEvaluation e = PilotEvaluator.evaluate(spec, cells, costs, s.asOf(), frozen.load(spec, s.asOf()));
            if (!s.asOf().isBefore(spec.end())) frozen.saveIfFirst(e);
            return e;
        } catch (IOException | RuntimeException ex) {
            LOG.warn("Pilot {} could not be evaluated: {}", spec.id(), ex.toString());
            LOG.debug("Evaluation failure", ex);
            return PilotEvaluation.failed(spec.id(), spec.file(), spec, s.asOf(), ReasonTexts.evaluationFailed(ex.getClass().getSimpleName() + ": " + ex.getMessage()), ex.toString());
        }
    }

    private static List<CostLine> costs(SparkSession spark, RunSettings s) {
        List<CostLine> out = new ArrayList<>();
        for (Row r : StateTables.read(spark, s.state(), Source.COSTS).collectAsList()) {
            out.add(new CostLine(r.getAs(Columns.PILOT_ID), r.getAs(Columns.OPTION), r.getAs(Columns.CATEGORY), r.getAs(Columns.KIND), r.<Double>getAs(Columns.AMOUNT_DKK)));
        }
        return out;
    }
}

package dk.gevinst.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.ingest.CutOffFile;
import dk.gevinst.ingest.FileCounts;
import dk.gevinst.ingest.FileLedger;
import dk.gevinst.ingest.FileProblem;
import dk.gevinst.ingest.IngestResult;
import dk.gevinst.ingest.SourceCounts;
import dk.gevinst.publish.Json;
import dk.gevinst.source.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code OUT/runs/<run_id>.json}: what one run read, accepted and quarantined, per source and per file. */
final class RunManifest {
    private RunManifest() {}

    /**
     * @param caseCells how the case cells were had (KEPT, UPDATED, REBUILT, REPLAYED), or null when no pilot reads cases
     * @param driftFits how many drift fits tonight made and took from the last night's, and what became of the kept file
     */
    static ObjectNode build(String runId, LocalDate asOf, Instant started, IngestResult ingest, String caseCells, KeptDriftFitsFile.Report driftFits,
                            List<TonightsDecisions.Entry> pilots,
                            List<DroppedPilot> dropped, ExitCode exit, StageClock clock, boolean simulation) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("run_id", runId).put("as_of", asOf.toString()).put("started_at", started.toString())
            .put("finished_at", Instant.now().toString()).put("exit_code", exit.code()).put("status", exit.name().toLowerCase())
            .put("simulation", simulation);
        for (Source s : Source.values()) {
            SourceCounts c = ingest.counts().getOrDefault(s, SourceCounts.of(List.of()));
            ObjectNode o = root.putObject(s.folder());
            counts(o, c.rowsRead(), c.rowsAccepted(), c.rowsQuarantined(), c.byReason());
            if (c.versions() != null) {
                o.putObject("latest_versions").put("rows_stored", c.versions().stored()).put("current", c.versions().current())
                    .put("superseded", c.versions().superseded()).put("duplicate", c.versions().duplicate());
            }
            ObjectNode files = o.putObject("files");
            for (FileCounts f : c.files()) {
                String name = files.has(f.path()) ? f.path() + " (" + f.fileRef() + ")" : f.path();
                ObjectNode file = files.putObject(name);
                file.put("file_ref", f.fileRef());
                counts(file, f.rowsRead(), f.rowsAccepted(), f.rowsQuarantined(), f.byReason());
                if (f.note() != null) file.put("note", f.note());
            }
        }
        problems(root.putArray("rejected_files"), ingest.rejected());
        problems(root.putArray("skipped_files"), ingest.skipped());
        problems(root.putArray("removed_files"), ingest.removed());
        problems(root.putArray("column_warnings"), ingest.columnWarnings());
        ArrayNode cutOff = root.putArray("cut_off_files");
        for (CutOffFile f : ingest.cutOff()) {
            // How much is missing, without opening the ledger: this version's rows and the replaced one's.
            ObjectNode o = cutOff.addObject().put("source", f.source()).put("path", f.path()).put("message", f.message()).put("rows_read", f.rowsRead());
            if (f.replacedRowsRead() != null) o.put("replaced_rows_read", f.replacedRowsRead());
        }
        ObjectNode cpr = root.putObject("cpr_masked");
        new TreeMap<>(ingest.cprMasked()).forEach(cpr::put);
        if (caseCells != null) root.put("case_cells", caseCells);
        root.putObject("drift_fits").put("made", driftFits.made()).put("kept", driftFits.kept()).put("file", driftFits.file().key())
            .put("written", driftFits.written());
        ObjectNode times = root.putObject("stage_seconds");
        clock.seconds().forEach(times::put);
        // CPU seconds per stage: on a shared machine they show where the work is when wall seconds mostly show the load.
        ObjectNode cpu = root.putObject("stage_cpu_seconds");
        clock.cpuSeconds().forEach(cpu::put);
        ObjectNode ps = root.putObject("pilots");
        for (TonightsDecisions.Entry p : pilots) {
            ps.putObject(p.pilotId()).put("status", p.status()).put("decision", p.decision())
                .put("reason", p.mainReason().path("code").asText())
                .put("evaluated_tonight", p.doc().path("evaluated_tonight").asBoolean())
                .put("stale_data", p.health().isStale()).put("partial_data", p.health().isPartial());
        }
        ArrayNode gone = root.putArray("dropped_pilots");
        for (DroppedPilot d : dropped) gone.addObject().put("pilot_id", d.pilotId()).put("last_as_of", d.lastAsOf()).put("message", d.message());
        return root;
    }

    /** Adds the file versions read by runs that never finished (UnfinishedReads), with their counts. */
    static ObjectNode withUnfinishedReads(ObjectNode root, List<FileLedger.Entry> reads) {
        ArrayNode out = root.putArray("read_by_unfinished_runs");
        for (FileLedger.Entry e : reads) {
            ObjectNode o = out.addObject().put("source", e.source()).put("path", e.display()).put("file_ref", e.version()).put("run_id", e.runId());
            counts(o, e.rowsRead(), e.rowsAccepted(), e.rowsQuarantined(), e.byReason() == null ? Map.of() : e.byReason());
        }
        return root;
    }

    private static void problems(ArrayNode to, List<FileProblem> problems) {
        for (FileProblem p : problems) to.addObject().put("source", p.source()).put("path", p.path()).put("message", p.message());
    }

    private static void counts(ObjectNode o, long read, long accepted, long quarantined, Map<String, Long> reasons) {
        o.put("rows_read", read).put("rows_accepted", accepted).put("rows_quarantined", quarantined);
        ObjectNode by = o.putObject("by_reason");
        new TreeMap<>(reasons).forEach(by::put);
    }
}

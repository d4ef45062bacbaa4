package dk.gevinst.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.cells.CellStats;
import dk.gevinst.decision.IndicatorResult;
import dk.gevinst.decision.PilotEvaluation;
import dk.gevinst.ingest.FileLedger;
import dk.gevinst.ingest.FileProblem;
import dk.gevinst.ingest.IngestResult;
import dk.gevinst.publish.Json;
import dk.gevinst.source.Source;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data-health block of a decision: conservation counts and CPR masking per source over every file
 * ingested so far (so a rerun that reads nothing new publishes the same block), files rejected this run,
 * and how fresh each of the pilot's sources is.
 */
final class DataQuality {
    private DataQuality() {}

    static ObjectNode sources(List<FileLedger.Entry> ledger, IngestResult run) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        Map<String, Long> masked = new TreeMap<>();
        for (FileLedger.Entry e : ledger) if (e.cprMasked() != null) e.cprMasked().forEach((k, v) -> masked.merge(k, v, Long::sum));
        ObjectNode sources = root.putObject("sources");
        for (Source s : Source.values()) {
            long read = 0, accepted = 0, quarantined = 0, files = 0;
            Map<String, Long> reasons = new TreeMap<>();
            for (FileLedger.Entry e : ledger) {
                if (!e.source().equals(s.folder())) continue;
                files++;
                read += e.rowsRead();
                accepted += e.rowsAccepted();
                quarantined += e.rowsQuarantined();
                if (e.byReason() != null) e.byReason().forEach((k, v) -> reasons.merge(k, v, Long::sum));
            }
            ObjectNode o = sources.putObject(s.folder()).put("files", files).put("rows_read", read)
                .put("rows_accepted", accepted).put("rows_quarantined", quarantined);
            ObjectNode by = o.putObject("by_reason");
            reasons.forEach(by::put);
        }
        var rejected = root.putArray("rejected_files");
        for (FileProblem p : run.rejected()) rejected.addObject().put("source", p.source()).put("path", p.path()).put("message", p.message());
        ObjectNode cpr = root.putObject("cpr_masked");
        masked.forEach(cpr::put);
        return root;
    }

    /** The run-level block plus the pilot's freshness: the newest day with data, per source it uses. */
    static ObjectNode forPilot(ObjectNode runLevel, PilotEvaluation e) {
        ObjectNode o = runLevel.deepCopy();
        Map<String, LocalDate> newest = new TreeMap<>();
        for (IndicatorResult r : e.indicators()) {
            String source = r.indicator().definition().source().folder();
            for (CellStats c : e.cells()) {
                if (c.indicatorId().equals(r.id())) newest.merge(source, c.day(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        ObjectNode fresh = o.putObject("freshness");
        newest.forEach((k, v) -> fresh.put(k, v.toString()));
        return o;
    }
}

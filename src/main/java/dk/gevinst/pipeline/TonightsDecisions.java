package dk.gevinst.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.config.SpecLoad;
import dk.gevinst.config.UnitsWithoutData;
import dk.gevinst.decision.Decision;
import dk.gevinst.decision.PilotEvaluation;
import dk.gevinst.decision.Reason;
import dk.gevinst.parallel.DriverCores;
import dk.gevinst.publish.DecisionDocument;
import dk.gevinst.publish.HealthFlag;
import dk.gevinst.publish.Json;
import dk.gevinst.publish.PilotCells;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Tonight's decision document per pilot. A pilot evaluated on whole, fresh data gets tonight's decision. A
 * pilot that could not be evaluated (a broken spec, a failed evaluation) or may not be decided on tonight's
 * data (stale) keeps its last good published decision, marked as not re-evaluated, with tonight's reason
 * first; without an earlier decision it gets none. A decision made while a file it uses was rejected is
 * published, flagged as resting on partial data. Every other output (tables, manifest, summary) is made from
 * these documents, so all say the same.
 */
final class TonightsDecisions {
    /**
     * One pilot's document; when it was decided tonight, also the evaluation behind its numbers and its day cells with
     * the suppression the document published (else null), for the tables.
     */
    record Entry(String pilotId, ObjectNode doc, PilotCells cellsTonight, PilotHealth health) {
        PilotEvaluation decidedTonight() {
            return cellsTonight == null ? null : cellsTonight.evaluation();
        }

        String status() {
            return doc.path("status").asText();
        }

        String decision() {
            return doc.path("decision").textValue();
        }

        JsonNode mainReason() {
            return doc.path("reasons").path(0);
        }
    }

    private TonightsDecisions() {}

    static List<Entry> build(List<PilotEvaluation> evaluations, List<SpecLoad.Failure> failures, Map<String, PilotHealth> health,
                             Map<String, JsonNode> previous, ObjectNode runQuality, LocalDate asOf, Map<String, List<SpecChanges.Change>> specChanges) {
        // Each document is built from its own pilot's evaluation only, so they are built on the driver's cores at once.
        List<Entry> out = new ArrayList<>(DriverCores.map(evaluations,
            e -> entry(e, health.getOrDefault(e.pilotId(), PilotHealth.NOT_EVALUATED), previous, runQuality, asOf)));
        for (SpecLoad.Failure f : failures) {
            JsonNode last = lastGood(previous.get(f.pilotId()));
            Reason why = HealthTexts.invalidSpec(f.problems(), keptFrom(last));
            String error = String.join("\n", f.problems().stream().map(Object::toString).toList());
            out.add(last != null ? kept(f.pilotId(), last, why, "error", error, runQuality, PilotHealth.NOT_EVALUATED, asOf)
                : fresh(PilotEvaluation.failed(f.pilotId(), f.file(), null, asOf, why, error), runQuality, PilotHealth.NOT_EVALUATED, false));
        }
        out.sort(Comparator.comparing(Entry::pilotId));
        // A spec changed after its start is said on every night from then on, kept decisions included.
        for (Entry e : out) {
            List<SpecChanges.Change> changes = specChanges.get(e.pilotId());
            if (changes != null && e.doc().get("health") instanceof ArrayNode flags) flags.addAll(DecisionDocument.health(List.of(SpecChanges.flag(changes))));
        }
        return out;
    }

    private static Entry entry(PilotEvaluation e, PilotHealth h, Map<String, JsonNode> previous, ObjectNode runQuality, LocalDate asOf) {
        JsonNode last = lastGood(previous.get(e.pilotId()));
        if (!e.ok()) {
            Reason why = HealthTexts.evaluationFailed(e.error(), keptFrom(last));
            return last != null ? kept(e.pilotId(), last, why, "error", e.error(), runQuality, h, asOf)
                : fresh(PilotEvaluation.failed(e.pilotId(), e.file(), e.spec(), asOf, why, e.error()), runQuality, h, false);
        }
        // The spec first: units without rows explain missing data better than a stale export does.
        if (h.unitsWithoutDataBlock() && !h.staleForUnitsWithoutData()) {
            Reason why = HealthTexts.unitsWithoutData(h.missingUnits().stream().filter(UnitsWithoutData.Missing::blocks).toList(), keptFrom(last));
            ObjectNode quality = DataQuality.forPilot(runQuality, e);
            return last != null ? kept(e.pilotId(), last, why, "error", null, quality, h, asOf) : withheld(e, why, quality, h, "error");
        }
        if (h.isStale()) {
            Reason why = HealthTexts.stale(h.stale(), asOf, keptFrom(last));
            ObjectNode quality = DataQuality.forPilot(runQuality, e);
            return last != null ? kept(e.pilotId(), last, why, "stale", null, quality, h, asOf) : withheld(e, why, quality, h, "stale");
        }
        return fresh(e, DataQuality.forPilot(runQuality, e), h, true);
    }

    /** A published document whose decision can be kept: one that has a decision (the caller passes none from a later night). */
    private static JsonNode lastGood(JsonNode doc) {
        return doc != null && doc.path("decision").isTextual() ? doc : null;
    }

    private static LocalDate keptFrom(JsonNode last) {
        if (last == null) return null;
        JsonNode from = last.path("kept_from").path("as_of");
        return LocalDate.parse(from.isTextual() ? from.asText() : last.path("as_of").asText());
    }

    private static Entry fresh(PilotEvaluation e, ObjectNode quality, PilotHealth h, boolean decidedTonight) {
        PilotCells cells = PilotCells.of(e);
        ObjectNode doc = DecisionDocument.build(e, quality, List.of(), List.of(), cells);
        if (decidedTonight && h.isPartial()) reasonNode((ArrayNode) doc.path("reasons"), HealthTexts.partial(h.rejected(), h.cutOff(), h.quarantined()));
        flags(doc, decidedTonight, null, h, e.asOf(), null);
        return new Entry(e.pilotId(), doc, decidedTonight ? cells.forTables() : null, h);
    }

    /** Stale data, or spec units without data, and no earlier decision: the pilot's frame (title, period, arms) and no decision. */
    private static Entry withheld(PilotEvaluation e, Reason why, ObjectNode quality, PilotHealth h, String status) {
        PilotEvaluation none = new PilotEvaluation(e.pilotId(), e.file(), e.spec(), e.asOf(), null, new Decision(null, List.of(why), null),
            List.of(), null, List.of(), null, List.of(), null);
        ObjectNode doc = DecisionDocument.build(none, quality, List.of());
        doc.put("status", status);
        flags(doc, false, null, h, e.asOf(), null);
        return new Entry(e.pilotId(), doc, null, h);
    }

    private static Entry kept(String pilotId, JsonNode last, Reason why, String status, String error, ObjectNode quality, PilotHealth h, LocalDate asOf) {
        ObjectNode doc = last.deepCopy();
        doc.put("status", status).put("as_of", asOf.toString());
        ArrayNode reasons = doc.putArray("reasons");
        reasonNode(reasons, why);
        for (JsonNode r : last.path("reasons")) if (!HealthTexts.NIGHTLY_CODES.contains(r.path("code").asText())) reasons.add(r);
        doc.remove("error");
        if (error != null) doc.put("error", error);
        doc.set("data_quality", quality);
        // The kept decision rests on the data it was made from: its data_through stays.
        if (!last.path("data_through").isTextual()) doc.putNull("data_through");
        LocalDate from = keptFrom(last);
        flags(doc, false, Json.MAPPER.createObjectNode().put("as_of", from.toString()), h, asOf, HealthTexts.keptFlag(from, why.code()));
        return new Entry(pilotId, doc, null, h);
    }

    private static void reasonNode(ArrayNode reasons, Reason r) {
        reasons.addObject().put("code", r.code()).put("indicator", r.indicator()).put("da", r.da()).put("en", r.en());
    }

    /**
     * The fields that say how far a reader can trust tonight's document (docs/decision.schema.json): the
     * booleans, and tonight's health flags (stale data, partial data, a kept decision) ahead of the flags the
     * document already has. A kept document's flags about its own evidence stay; its earlier nights' flags go.
     */
    private static void flags(ObjectNode doc, boolean evaluatedTonight, ObjectNode keptFrom, PilotHealth h, LocalDate asOf, HealthFlag kept) {
        doc.put("evaluated_tonight", evaluatedTonight);
        if (keptFrom == null) doc.putNull("kept_from");
        else doc.set("kept_from", keptFrom);
        doc.put("stale_data", h.isStale());
        doc.put("partial_data", h.isPartial());
        List<HealthFlag> tonight = new ArrayList<>();
        if (h.isStale()) tonight.add(HealthTexts.staleFlag(h.stale(), asOf));
        if (h.isPartial()) tonight.add(HealthTexts.partialFlag(h.rejected(), h.cutOff(), h.quarantined()));
        if (!h.withdrawn().isEmpty()) tonight.add(HealthTexts.withdrawnFlag(h.withdrawn()));
        if (kept != null) tonight.add(kept);
        h.typos().forEach(t -> tonight.add(HealthTexts.columnTypoFlag(t)));
        tonight.addAll(HealthTexts.columnMissingFlags(h.absentColumns(), doc.path("indicators")));
        tonight.addAll(h.dataFlags());
        h.missingUnits().forEach(m -> tonight.add(HealthTexts.unitWithoutDataFlag(m)));
        if (h.unknownCandidates().any()) tonight.add(h.unknownCandidates().flag());
        ValuesNotNumbers.flags(h.unobserved()).forEach(tonight::add);
        if (doc.path("business_case").isObject() && !doc.path("business_case").path("costs_known").asBoolean(true)) {
            tonight.add(HealthTexts.costsUnknownFlag(doc.path("pilot_id").asText()));
        }
        ArrayNode health = DecisionDocument.health(tonight);
        for (JsonNode f : doc.path("health")) if (f.isObject() && !HealthTexts.NIGHTLY_CODES.contains(f.path("code").asText())) health.add(f);
        doc.set("health", health);
    }
}

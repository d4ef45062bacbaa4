package dk.gevinst.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.decision.Analysis;
import dk.gevinst.decision.IndicatorResult;
import dk.gevinst.decision.PilotEvaluation;
import dk.gevinst.decision.comparison.ComparisonEvaluator;
import dk.gevinst.publish.Json;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fixed-horizon analysis of an indicator is made once, on the first night its data up to the planned
 * end are complete (as_of ≥ end + the indicator's maturity), and kept, so that later nights do not look
 * again with a fixed interval (which would inflate the error rate). Indicators freeze one by one: handling
 * time at the end, first time right 30 days later. A replay of an earlier night recomputes what was not
 * frozen by then and does not overwrite what is.
 *
 * <p>State: {@code _state/final/<pilot>.json} = {version, end, indicators: {id: {frozen_on, analysis}}}. A file
 * of an older version (before unit-level inference) is set aside with a warning and its analyses made again.
 */
public final class FrozenAnalyses {
    private static final Logger LOG = LoggerFactory.getLogger(FrozenAnalyses.class);
    static final int VERSION = 2;
    private final Storage storage;
    private final Path folder;

    public FrozenAnalyses(Storage storage, Path stateRoot) {
        this.storage = storage;
        this.folder = new Path(stateRoot, "final");
    }

    public Map<String, Analysis> load(PilotSpec spec, LocalDate asOf) throws IOException {
        return load(spec.id(), spec.end(), asOf);
    }

    /**
     * A comparison's contrasts (each candidate against the control, each pair) freeze as a pilot does, each
     * in its own file named by its contrast key ({@code <comparison>.<candidate>}, {@code <comparison>.<a>.<b>}).
     */
    public Map<String, Map<String, Analysis>> loadContrasts(PilotSpec spec, LocalDate asOf) throws IOException {
        Map<String, Map<String, Analysis>> out = new HashMap<>();
        for (String key : ComparisonEvaluator.contrastKeys(spec)) out.put(key, load(key, spec.end(), asOf));
        return out;
    }

    private Map<String, Analysis> load(String key, LocalDate end, LocalDate asOf) throws IOException {
        Map<String, Analysis> out = new HashMap<>();
        JsonNode root = current(key, end);
        if (root == null) return out;
        root.path("indicators").fields().forEachRemaining(e -> {
            if (LocalDate.parse(e.getValue().path("frozen_on").asText()).isAfter(asOf)) return;
            out.put(e.getKey(), Json.MAPPER.convertValue(e.getValue().path("analysis"), Analysis.class));
        });
        return out;
    }

    /**
     * Names in a decision document the night each frozen final analysis was made (indicators[].fixed.frozen_on): a
     * reader sees that data arriving after it do not change it, and why a folder started later, which freezes on its
     * own first night, can publish other final numbers. A final analysis made tonight but not kept (data not reaching
     * tonight) gets none: a later night makes it again. The pilot and its end are the document's own.
     */
    public void nameFrozenNights(ObjectNode doc, LocalDate asOf) throws IOException {
        if (!doc.path("pilot_id").isTextual() || !doc.path("end").isTextual()) return;
        JsonNode root = current(doc.path("pilot_id").asText(), LocalDate.parse(doc.path("end").asText()));
        if (root == null) return;
        for (JsonNode i : doc.path("indicators")) {
            JsonNode kept = root.path("indicators").path(i.path("id").asText());
            if (!i.path("fixed").isObject() || !kept.path("frozen_on").isTextual()) continue;
            if (LocalDate.parse(kept.path("frozen_on").asText()).isAfter(asOf)) continue;
            ((ObjectNode) i.get("fixed")).put("frozen_on", kept.path("frozen_on").asText());
        }
    }

    /**
     * Keeps every final analysis made tonight that is not kept yet and that {@code ready} names for its evaluation (the
     * pilot's, each of a comparison's contrasts'): in a night, {@link FreezeReadiness#ready}.
     */
    public void saveIfFirst(PilotEvaluation e, Function<PilotEvaluation, Set<String>> ready) throws IOException {
        save(e.pilotId(), e, ready.apply(e));
        if (e.comparison() != null) {
            for (Map.Entry<String, PilotEvaluation> c : e.comparison().contrasts().entrySet()) save(c.getKey(), c.getValue(), ready.apply(c.getValue()));
        }
    }

    private void save(String key, PilotEvaluation e, Set<String> ready) throws IOException {
        JsonNode existing = current(key, e.spec().end());
        ObjectNode root = existing == null
            ? Json.MAPPER.createObjectNode().put("version", VERSION).put("end", e.spec().end().toString())
            : (ObjectNode) existing.deepCopy();
        ObjectNode indicators = root.has("indicators") ? (ObjectNode) root.get("indicators") : root.putObject("indicators");
        boolean added = false;
        for (IndicatorResult r : e.indicators()) {
            if (r.fixed() == null || indicators.has(r.id()) || !ready.contains(r.id())) continue;
            ObjectNode o = indicators.putObject(r.id()).put("frozen_on", e.asOf().toString());
            o.set("analysis", Json.MAPPER.valueToTree(r.fixed()));
            added = true;
        }
        if (added) storage.writeText(new Path(folder, key + ".json"), Json.MAPPER.writeValueAsString(root));
    }

    /** The kept file for this pilot and end date, or null (none, another end date, or an older version). */
    private JsonNode current(String pilotId, LocalDate end) throws IOException {
        Path f = new Path(folder, pilotId + ".json");
        if (!storage.exists(f)) return null;
        JsonNode root = Json.MAPPER.readTree(storage.readText(f));
        if (!root.path("end").asText().equals(end.toString())) return null;
        if (root.path("version").asInt() != VERSION) {
            LOG.warn("The frozen final analyses of pilot {} are of an older format and are made again from the data up to {}", pilotId, end);
            return null;
        }
        return root;
    }
}

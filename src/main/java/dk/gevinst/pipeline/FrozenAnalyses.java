package dk.gevinst.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.decision.FixedAnalysis;
import dk.gevinst.decision.IndicatorResult;
import dk.gevinst.decision.PilotEvaluation;
import dk.gevinst.publish.Json;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.fs.Path;

/**
 * The fixed-horizon analysis is made once, on the first night on or after the planned end, and kept, so
 * that later nights do not look again with a fixed interval (which would inflate the error rate).
 * A replay of an earlier night recomputes it from data known then and does not overwrite the frozen one.
 */
public final class FrozenAnalyses {
    private final Storage storage;
    private final Path folder;

    public FrozenAnalyses(Storage storage, Path stateRoot) {
        this.storage = storage;
        this.folder = new Path(stateRoot, "final");
    }

    public Map<String, FixedAnalysis> load(PilotSpec spec, LocalDate asOf) throws IOException {
        Path f = new Path(folder, spec.id() + ".json");
        Map<String, FixedAnalysis> out = new HashMap<>();
        if (!storage.exists(f)) return out;
        JsonNode root = Json.MAPPER.readTree(storage.readText(f));
        if (!root.path("end").asText().equals(spec.end().toString())) return out;
        if (LocalDate.parse(root.path("frozen_on").asText()).isAfter(asOf)) return out;
        root.path("indicators").fields().forEachRemaining(e -> out.put(e.getKey(), Json.MAPPER.convertValue(e.getValue(), FixedAnalysis.class)));
        return out;
    }

    public void saveIfFirst(PilotEvaluation e) throws IOException {
        Path f = new Path(folder, e.pilotId() + ".json");
        if (storage.exists(f)) {
            JsonNode root = Json.MAPPER.readTree(storage.readText(f));
            if (root.path("end").asText().equals(e.spec().end().toString())) return;
        }
        ObjectNode root = Json.MAPPER.createObjectNode().put("end", e.spec().end().toString()).put("frozen_on", e.asOf().toString());
        ObjectNode indicators = root.putObject("indicators");
        boolean any = false;
        for (IndicatorResult r : e.indicators()) {
            if (r.fixed() == null) continue;
            indicators.set(r.id(), Json.MAPPER.valueToTree(r.fixed()));
            any = true;
        }
        if (any) storage.writeText(f, Json.MAPPER.writeValueAsString(root));
    }
}

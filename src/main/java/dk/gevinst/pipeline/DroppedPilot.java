package dk.gevinst.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A pilot the current publication holds but tonight's pilots folder has no spec for (not even a broken one):
 * the new publication no longer has it. That may be meant (a finished pilot retired) or not (a file moved or
 * deleted by mistake), so it is never silent: one line on stderr and an entry in the run manifest.
 */
record DroppedPilot(String pilotId, String lastAsOf) {
    String message() {
        return "pilot '" + pilotId + "' (last published as of " + lastAsOf + ") has no spec in the pilots folder tonight, so it is dropped "
            + "from the publication; restore its spec file to keep publishing it";
    }

    static List<DroppedPilot> of(Map<String, JsonNode> previous, List<TonightsDecisions.Entry> tonight) {
        Set<String> kept = tonight.stream().map(TonightsDecisions.Entry::pilotId).collect(Collectors.toSet());
        return new TreeMap<>(previous).entrySet().stream().filter(e -> !kept.contains(e.getKey()))
            .map(e -> new DroppedPilot(e.getKey(), e.getValue().path("as_of").asText())).toList();
    }
}

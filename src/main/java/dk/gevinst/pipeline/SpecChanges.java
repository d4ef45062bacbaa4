package dk.gevinst.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dk.gevinst.config.InvalidSpecException;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.indicator.Catalog;
import dk.gevinst.privacy.CprScrubber;
import dk.gevinst.publish.HealthFlag;
import dk.gevinst.publish.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed in a pilot's spec after its pilot started, read from the kept snapshots ({@link SpecSnapshots}): each
 * key whose value differs between two snapshots, dated by the night the new value first ran. A margin lowered, an end
 * moved or a team added once results could be seen is what a steering group must know: a stranger changed a guardrail's
 * margin from 5 % to 1 % mid-pilot and nothing said so, while the history's intervals jumped overnight. Plain Java.
 */
final class SpecChanges {
    static final String CODE = "spec_changed";
    /** What a reader sees, not what is decided on. */
    private static final Set<String> PRESENTATION = Set.of("title", "owner");
    private static final int SHOWN = 5;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final PilotSpecParser PARSER = new PilotSpecParser(Catalog.builtIn());

    record Change(LocalDate night, String key, String before, String after) {}

    private SpecChanges() {}

    /** Per pilot of {@code specs}, its spec's changes after its start, in night order; pilots without any are left out. */
    static Map<String, List<Change>> of(Map<LocalDate, Map<String, byte[]>> snapshots, List<PilotSpec> specs) {
        Map<String, LocalDate> starts = new HashMap<>();
        specs.forEach(s -> starts.put(s.id(), s.start()));
        Map<String, Map<String, String>> last = new HashMap<>();
        Map<String, List<Change>> out = new TreeMap<>();
        // Most files are the same from one snapshot to the next (a snapshot keeps every file when any one changes): each
        // distinct text is read once, so 200 pilots over a year of snapshots cost their edits, not their count.
        Map<String, Read> read = new HashMap<>();
        for (var snapshot : snapshots.entrySet()) {
            LocalDate night = snapshot.getKey();
            for (var spec : ran(snapshot.getValue(), read).entrySet()) {
                String id = spec.getKey();
                Map<String, String> leaves = spec.getValue();
                if (!starts.containsKey(id)) continue;
                Map<String, String> before = last.put(id, leaves);
                if (before == null || !night.isAfter(starts.get(id))) continue;
                for (String key : new TreeSet<>(union(before, leaves))) {
                    if (PRESENTATION.contains(key) || Objects.equals(before.get(key), leaves.get(key))) continue;
                    out.computeIfAbsent(id, k -> new ArrayList<>()).add(new Change(night, key, before.get(key), leaves.get(key)));
                }
            }
        }
        return out;
    }

    /** How long after its latest change a pilot's changes are a warning: long enough for a monthly steering group. */
    static final int RECENT_DAYS = 28;

    /** The pilots whose latest change is at most {@value #RECENT_DAYS} days before {@code night}, with all their changes. */
    static Map<String, List<Change>> recent(Map<String, List<Change>> changes, LocalDate night) {
        Map<String, List<Change>> out = new TreeMap<>();
        changes.forEach((id, list) -> {
            if (!list.get(list.size() - 1).night().isBefore(night.minusDays(RECENT_DAYS - 1))) out.put(id, list);
        });
        return out;
    }

    /**
     * The specs a snapshot's night ran, by id: valid ones only (an invalid file was not run: its pilot kept its last
     * decision, and fixing a typo is no change), and no id that two files declare (neither was run).
     */
    private static Map<String, Map<String, String>> ran(Map<String, byte[]> files, Map<String, Read> read) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        java.util.Set<String> twice = new java.util.HashSet<>();
        for (var f : files.entrySet()) {
            Read r = read.computeIfAbsent(f.getKey() + "\u0000" + new String(f.getValue(), StandardCharsets.UTF_8), k -> Read.of(f.getKey(), f.getValue()));
            if (r.id() == null) continue;
            if (out.put(r.id(), r.leaves()) != null) twice.add(r.id());
        }
        twice.forEach(out::remove);
        return out;
    }

    /** One spec file's text read: its id and leaves, or a null id when it is no valid spec. */
    private record Read(String id, Map<String, String> leaves) {
        static Read of(String name, byte[] file) {
            try {
                return new Read(PARSER.parse(name, new String(file, StandardCharsets.UTF_8)).id(), SpecChanges.leaves(file));
            } catch (InvalidSpecException | RuntimeException invalid) {
                return new Read(null, Map.of());
            }
        }
    }

    /** The warning a pilot's changes make, with every change in its details. */
    static HealthFlag flag(List<Change> changes) {
        ObjectNode details = Json.MAPPER.createObjectNode();
        ArrayNode listed = details.putArray("changes");
        changes.forEach(c -> listed.addObject().put("night", c.night().toString()).put("key", c.key()).put("before", c.before()).put("after", c.after()));
        StringBuilder da = new StringBuilder(), en = new StringBuilder();
        for (Change c : changes.subList(0, Math.min(SHOWN, changes.size()))) {
            String sep = da.isEmpty() ? "" : "; ";
            da.append(sep).append(c.key()).append(": ").append(shown(c.before(), "intet")).append(" → ").append(shown(c.after(), "intet"))
                .append(" (fra ").append(c.night()).append(")");
            en.append(sep).append(c.key()).append(": ").append(shown(c.before(), "none")).append(" → ").append(shown(c.after(), "none"))
                .append(" (from ").append(c.night()).append(")");
        }
        int more = changes.size() - SHOWN;
        if (more > 0) {
            da.append(" og ").append(more).append(more == 1 ? " ændring mere" : " ændringer mere");
            en.append(" and ").append(more).append(more == 1 ? " more change" : " more changes");
        }
        return new HealthFlag(CODE, HealthFlag.Severity.WARNING,
            "Pilotens specifikation er ændret efter start: " + da + ". Tallene her er regnet med den nye; en mål- eller marginændring, efter at "
                + "resultaterne kunne ses, bør styregruppen kende og godkende.",
            "The pilot's spec changed after its start: " + en + ". The figures here use the new one; a target or margin changed after the "
                + "results could be seen is for the steering group to know and approve.",
            details);
    }

    private static String shown(String value, String none) {
        return value == null ? none : value;
    }

    private static Set<String> union(Map<String, String> a, Map<String, String> b) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    /** Every scalar of the spec by its dotted key; a list is one value. A file that is not YAML has none. */
    private static Map<String, String> leaves(byte[] file) {
        Map<String, String> out = new TreeMap<>();
        try {
            JsonNode root = YAML.readTree(new String(file, StandardCharsets.UTF_8));
            if (root != null && root.isObject()) flatten("", root, out);
        } catch (IOException notYaml) {
            // not reached for a file that parsed as a spec
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else {
            out.put(prefix, CprScrubber.mask(node.isValueNode() ? node.asText() : node.toString()));
        }
    }
}

package dk.gevinst.cli.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.pipeline.ExitCode;
import dk.gevinst.pipeline.GevinstException;
import dk.gevinst.pipeline.Publication;
import dk.gevinst.publish.Json;
import dk.gevinst.publish.PublishedTables;
import dk.gevinst.source.Columns;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;

/**
 * Everything explain reads about one pilot and one night, and all of it published output: the decision
 * document (kept for the latest night), the Parquet tables (every night: the decision, its main reason,
 * the indicator results) and the run manifests.
 *
 * @param doc      the night's decision: the whole document, or for an earlier night a reduced one built from the tables
 * @param complete whether {@code doc} is the whole decision document
 * @param latest   the night of the latest decision document
 * @param previous the night before, reduced to the decision and indicator results (null: none published)
 * @param manifest the run manifest of the run that published the night (null: none found)
 */
public record PublishedNight(JsonNode doc, boolean complete, Path from, LocalDate latest, JsonNode previous, JsonNode manifest) {
    private static final String REASON_PREFIX = "reason_";
    private static final List<String> DESCRIPTIVE = List.of("title", "owner", "deployment", "start", "end", "baseline_start", "arms");
    private static final String DECISION = "decision_", DECISION_RELATIVE = "decision_relative_";
    private static final List<String> DESCRIPTIVE_INDICATOR = List.of("label", "unit", "source");

    public static PublishedNight load(Storage storage, Path out, String pilot, LocalDate asOf) throws IOException {
        // The current publication, resolved once: decisions and tables of one version, on a local disk and on HDFS.
        Path published = Publication.current(storage, out).orElse(out);
        Path decisions = new Path(published, Publication.DECISIONS);
        if (!storage.isDirectory(decisions)) {
            throw bad("there are no published decisions in " + out + " (no decisions/ folder); give the --out of a run, or run 'gevinst run' first");
        }
        Path file = new Path(decisions, pilot + ".json");
        if (!storage.exists(file)) {
            List<String> known = new ArrayList<>();
            for (Storage.FileEntry f : storage.listFiles(decisions)) {
                String n = f.path().getName();
                if (n.endsWith(".json")) known.add(n.substring(0, n.length() - 5));
            }
            known.sort(null);
            throw bad("no published decision for pilot '" + pilot + "' in " + decisions + "; published pilots: " + String.join(", ", known));
        }
        JsonNode latestDoc;
        try {
            latestDoc = Json.MAPPER.readTree(storage.readAll(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("the published decision document " + file.getName() + " is not valid JSON (" + e.getOriginalMessage()
                + "); the next night writes it again, or rerun the night that wrote it", e);
        }
        if (latestDoc == null || !latestDoc.path("as_of").isTextual()) {
            throw new IOException("the published decision document " + file.getName() + " has no as_of date; the next night writes it again,"
                + " or rerun the night that wrote it");
        }
        LocalDate latest = LocalDate.parse(latestDoc.path("as_of").asText());
        LocalDate night = asOf == null ? latest : asOf;
        Path tables = new Path(published, Publication.TABLES);
        JsonNode doc;
        boolean complete = night.equals(latest);
        if (complete) {
            doc = latestDoc;
        } else {
            doc = fromTables(storage, tables, pilot, night);
            if (doc == null) {
                List<LocalDate> nights = PublishedTable.nights(storage, new Path(tables, PublishedTables.DECISIONS));
                throw bad("no published night " + night + " for pilot '" + pilot + "'; published nights: "
                    + (nights.isEmpty() ? "none" : nights.get(0) + " to " + nights.get(nights.size() - 1) + " (" + nights.size() + " in all)")
                    + ". Replay that night with gevinst run --as-of " + night + " --out ANOTHER_FOLDER");
            }
        }
        JsonNode previous = previous(storage, tables, pilot, night, doc);
        describe(doc, latestDoc);
        if (previous != null) describe(previous, latestDoc);
        return new PublishedNight(doc, complete, complete ? file : tables, latest, previous, manifest(storage, new Path(out, "runs"), night));
    }

    /**
     * A night from the tables carries results only; what describes the pilot and its indicators (title,
     * dates, labels, units) comes from the spec, and the latest document holds it.
     */
    private static void describe(JsonNode reduced, JsonNode latestDoc) {
        if (reduced == latestDoc || !(reduced instanceof ObjectNode r)) return;
        for (String field : DESCRIPTIVE) if (!r.has(field) && latestDoc.has(field)) r.set(field, latestDoc.get(field));
        Map<String, JsonNode> known = new TreeMap<>();
        for (JsonNode i : latestDoc.path("indicators")) known.put(i.path("id").asText(), i);
        for (JsonNode i : r.path("indicators")) {
            JsonNode k = known.get(i.path("id").asText());
            if (k == null) continue;
            for (String field : DESCRIPTIVE_INDICATOR) if (!i.has(field) && k.has(field)) ((ObjectNode) i).set(field, k.get(field));
        }
    }

    /** The last night before {@code night} with a published decision for the pilot, reduced; or null. */
    private static JsonNode previous(Storage storage, Path tables, String pilot, LocalDate night, JsonNode doc) throws IOException {
        List<LocalDate> nights = PublishedTable.nights(storage, new Path(tables, PublishedTables.DECISIONS));
        for (int i = nights.size() - 1; i >= 0; i--) {
            if (!nights.get(i).isBefore(night)) continue;
            JsonNode reduced = fromTables(storage, tables, pilot, nights.get(i));
            if (reduced != null) return reduced;
        }
        // No tables (a copied decisions folder): the document's own history still names the previous decision.
        JsonNode last = null;
        for (JsonNode h : doc.path("history")) if (LocalDate.parse(h.path("as_of").asText()).isBefore(night)) last = h;
        if (last == null) return null;
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("as_of", last.path("as_of").asText());
        o.set("decision", last.path("decision"));
        o.putArray("reasons").addObject().put("code", last.path("reason").asText());
        return o;
    }

    /** A night's decision and indicator results from the Parquet tables, shaped like the decision document; null if absent. */
    static ObjectNode fromTables(Storage storage, Path tables, String pilot, LocalDate night) throws IOException {
        List<ObjectNode> decision = PublishedTable.rows(storage, new Path(tables, PublishedTables.DECISIONS), night, pilot);
        if (decision.isEmpty()) return null;
        ObjectNode doc = JsonNodeFactory.instance.objectNode().put("pilot_id", pilot).put("as_of", night.toString());
        ObjectNode reason = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = decision.get(0).fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().equals(PublishedTables.REASON_CODE)) reason.set("code", e.getValue());
            else if (e.getKey().startsWith(REASON_PREFIX)) reason.set(e.getKey().substring(REASON_PREFIX.length()), e.getValue());
            else if (!e.getKey().equals(Columns.PILOT_ID) && !e.getKey().equals(Columns.AS_OF)) doc.set(e.getKey(), e.getValue());
        }
        doc.putArray("reasons").add(reason);
        ArrayNode indicators = doc.putArray("indicators");
        for (ObjectNode row : PublishedTable.rows(storage, new Path(tables, PublishedTables.INDICATOR_RESULTS), night, pilot)) {
            indicators.add(indicator(row));
        }
        return doc;
    }

    /**
     * An indicator_results row as the document's indicator: sequential_ci_low becomes sequential.ci_low, and the
     * night's decision interval (decision_ci_low, decision_alpha, decision_relative_ci_low ...) becomes
     * decision_interval and relative_interval, so an earlier night shows the interval it decided on, as the
     * latest does, not the table's column names.
     */
    private static ObjectNode indicator(ObjectNode row) {
        ObjectNode i = JsonNodeFactory.instance.objectNode();
        Map<String, ObjectNode> nested = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
            var e = it.next();
            String k = e.getKey();
            if (k.equals(Columns.INDICATOR)) i.set("id", e.getValue());
            else if (k.equals(Columns.PILOT_ID) || k.equals(Columns.AS_OF)) continue;
            else if (k.startsWith(DECISION_RELATIVE)) {
                nested.computeIfAbsent("relative_interval", x -> JsonNodeFactory.instance.objectNode()).set(k.substring(DECISION_RELATIVE.length()), e.getValue());
            } else if (k.startsWith(DECISION)) {
                nested.computeIfAbsent("decision_interval", x -> JsonNodeFactory.instance.objectNode()).set(k.substring(DECISION.length()), e.getValue());
            } else if (k.startsWith("sequential_") || k.startsWith("fixed_")) {
                int u = k.indexOf('_');
                nested.computeIfAbsent(k.substring(0, u), x -> JsonNodeFactory.instance.objectNode()).set(k.substring(u + 1), e.getValue());
            } else {
                i.set(k, e.getValue());
            }
        }
        nested.forEach((k, v) -> i.set(k, v.path("ci_low").isNull() && v.path("ci_high").isNull() ? JsonNodeFactory.instance.nullNode() : v));
        return i;
    }

    /** The manifest of the last run that published this night. */
    private static JsonNode manifest(Storage storage, Path runs, LocalDate night) throws IOException {
        JsonNode found = null;
        String foundName = "";
        if (!storage.isDirectory(runs)) return null;
        for (Storage.FileEntry f : storage.listFiles(runs)) {
            String name = f.path().getName();
            if (!name.startsWith(night + "_") || !name.endsWith(".json") || name.compareTo(foundName) <= 0) continue;
            found = Json.MAPPER.readTree(storage.readAll(f.path()));
            foundName = name;
        }
        return found;
    }

    private static GevinstException bad(String message) {
        return new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, message);
    }
}

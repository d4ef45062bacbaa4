package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.e2e.SampleRun;
import dk.gevinst.publish.Json;
import dk.gevinst.storage.Storage;
import dk.gevinst.text.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;

/**
 * A dashboard built from published decision documents, copied from a sample run and edited as a test
 * needs (a hostile value, a health flag), then rendered exactly as {@code gevinst dashboard} renders it:
 * the dashboard reads nothing else.
 */
final class DashboardFixture {
    /** Every free-text field of a document gets one of these, so each rendering context is tried. */
    static final String HOSTILE = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>&amp;</script><!--";

    private final Path root;

    private DashboardFixture(Path root) {
        this.root = root;
    }

    /** A copy of the decisions of a finished run. */
    static DashboardFixture copyOf(Path runOut, Path root) {
        try {
            Path decisions = Files.createDirectories(root.resolve("decisions"));
            for (Path f : SampleRun.files(runOut.resolve("decisions"))) Files.copy(f, decisions.resolve(f.getFileName()));
            return new DashboardFixture(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    Path page(String name) {
        return root.resolve("dashboard").resolve(name);
    }

    String read(String name) {
        try {
            return Files.readString(page(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Edits one pilot's published document in place. */
    DashboardFixture edit(String pilot, Consumer<ObjectNode> change) {
        try {
            Path f = root.resolve("decisions").resolve(pilot + ".json");
            ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(f.toFile());
            change.accept(doc);
            Files.writeString(f, Json.MAPPER.writeValueAsString(doc));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a published document (e.g. a comparison the sample does not hold). */
    DashboardFixture add(ObjectNode doc) {
        try {
            Files.writeString(root.resolve("decisions").resolve(doc.path("pilot_id").asText() + ".json"), Json.MAPPER.writeValueAsString(doc));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DashboardFixture render(Language language) {
        try {
            Storage storage = new Storage(new Configuration());
            DashboardWriter.write(storage, Storage.resolve(root.resolve("decisions").toString()), Storage.resolve(root.resolve("dashboard").toString()), language);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode healthFlag(String code, String severity, String da, String en) {
        return Json.MAPPER.createObjectNode().put("code", code).put("severity", severity).put("text_da", da).put("text_en", en);
    }

    /** Puts the hostile text into every free-text field a page, the CSV or the digest shows. */
    static void makeHostile(ObjectNode doc) {
        doc.put("title", "Pilot " + HOSTILE).put("owner", "Ejer " + HOSTILE).put("deployment", HOSTILE);
        ((ArrayNode) doc.path("arms").path("pilot")).add("Enhed " + HOSTILE);
        for (JsonNode r : doc.path("reasons")) ((ObjectNode) r).put("da", "Grund " + HOSTILE).put("en", "Reason " + HOSTILE).put("code", HOSTILE);
        for (JsonNode i : doc.path("indicators")) {
            ((ObjectNode) i.path("label")).put("da", "Indikator " + HOSTILE).put("en", "Indicator " + HOSTILE);
            ((ObjectNode) i).put("id", "x" + HOSTILE);
        }
        if (doc.path("business_case").isObject()) {
            for (JsonNode o : doc.path("business_case").path("options")) ((ObjectNode) o).put("option", "Leverandør " + HOSTILE);
            ((ObjectNode) doc.path("business_case")).put("best_option", "Leverandør " + HOSTILE);
        }
        ((ObjectNode) doc.path("data_quality")).putArray("rejected_files").addObject().put("source", "cases").put("path", "cases/" + HOSTILE + ".csv")
            .put("message", "Besked " + HOSTILE);
        ((ObjectNode) doc.path("data_quality").path("sources").path("cases").path("by_reason")).put("bad_value:" + HOSTILE, 7);
        doc.putArray("health").add(healthFlag(HOSTILE, "error", "Sundhed " + HOSTILE, "Health " + HOSTILE));
        doc.put("error", "Fejl " + HOSTILE);
    }
}

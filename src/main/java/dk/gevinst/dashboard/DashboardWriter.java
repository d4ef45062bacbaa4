package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.parallel.DriverCores;
import dk.gevinst.publish.Json;
import dk.gevinst.storage.Storage;
import dk.gevinst.text.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;

/**
 * Writes the static dashboard from published decision documents only: index.html, one page per pilot
 * (a comparison of candidate systems gets its own page shape),
 * decisions.csv, the steering group's digest (Markdown and plain text, Danish and English), and the
 * assets (ECharts from its webjar, our script and stylesheet) once, referenced relatively, so the folder
 * opens from a file share with no network.
 */
public final class DashboardWriter {
    static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    private DashboardWriter() {}

    /** Every decision document of a folder, by pilot; the first that cannot be read is an error naming it. */
    public static List<JsonNode> readDecisions(Storage storage, Path decisionsDir) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        for (Read r : readEach(storage, decisionsDir)) {
            if (r.problem() != null) throw new IOException(r.problem());
            docs.add(r.doc());
        }
        docs.sort(Comparator.comparing(Docs::id));
        return docs;
    }

    /** One decision document, or why it cannot be read (then doc is null). */
    public record Read(String file, JsonNode doc, String problem) {}

    /** Each decision document of a folder as read, in file name order: a night keeps going past a broken earlier one. */
    public static List<Read> readEach(Storage storage, Path decisionsDir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Storage.FileEntry f : storage.listFiles(decisionsDir)) {
            String name = f.path().getName();
            if (name.endsWith(".json") && !name.startsWith(".")) files.add(f.path());
        }
        files.sort(Comparator.comparing(Path::getName));
        return DriverCores.map(files, f -> read(storage, f));
    }

    private static Read read(Storage storage, Path file) {
        String name = file.getName(), fix = "; remove it, and the next night writes that pilot's document again";
        try {
            // From the bytes, as explain reads them too (PublishedNight): Jackson decodes them itself, faster than from
            // a string decoded first (it takes UTF-8, or UTF-16 or UTF-32 by their byte order marks or shape).
            JsonNode d = Json.MAPPER.readTree(storage.readAll(file));
            if (d == null || !d.isObject() || !d.path("pilot_id").isTextual() || !isDate(d.path("as_of"))) {
                return new Read(name, null, "the decision document " + name + " has no pilot_id or as_of date" + fix);
            }
            return new Read(name, d, null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Read(name, null, "the decision document " + name + " is not valid JSON (" + e.getOriginalMessage() + ")" + fix);
        } catch (IOException e) {
            return new Read(name, null, "the decision document " + name + " cannot be read (" + e.getMessage() + ")" + fix);
        }
    }

    private static boolean isDate(JsonNode n) {
        try {
            java.time.LocalDate.parse(n.asText());
            return n.isTextual();
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    public static void write(Storage storage, Path decisionsDir, Path target, Language language) throws IOException {
        write(storage, decisionsDir, target, language, null);
    }

    /** @param where the index page as people reach it once published, for the digest's link; null for a relative one */
    public static void write(Storage storage, Path decisionsDir, Path target, Language language, String where) throws IOException {
        Texts t = new Texts(language);
        List<JsonNode> docs = readDecisions(storage, decisionsDir);
        Path assets = new Path(target, "assets");
        storage.writeBytes(new Path(assets, "echarts.min.js"), resource(ECHARTS));
        storage.writeBytes(new Path(assets, "gevinst.js"), resource("/dk/gevinst/dashboard/gevinst.js"));
        storage.writeBytes(new Path(assets, "gevinst.css"), resource("/dk/gevinst/dashboard/gevinst.css"));
        storage.writeText(new Path(target, "index.html"), portfolio(t, docs));
        storage.writeText(new Path(target, "decisions.csv"), PortfolioCsv.render(docs, t));
        for (JsonNode d : docs) storage.writeText(new Path(target, Docs.id(d) + ".html"), pilot(t, d));
        for (Language l : Language.values()) {
            Digest digest = Digest.of(new Texts(l), docs, where);
            storage.writeText(new Path(target, "digest." + l.code() + ".md"), digest.markdown());
            storage.writeText(new Path(target, "digest." + l.code() + ".txt"), digest.plainText());
            if (l == language) {
                storage.writeText(new Path(target, "digest.md"), digest.markdown());
                storage.writeText(new Path(target, "digest.txt"), digest.plainText());
            }
        }
    }

    static String portfolio(Texts t, List<JsonNode> docs) {
        String asOf = docs.stream().map(d -> d.path("as_of").asText()).max(String::compareTo).orElse("");
        ObjectNode data = Json.MAPPER.createObjectNode().put("page", "portfolio").put("lang", t.language().code());
        PageFrame frame = new PageFrame(t.language().code(), t.get("portfolio.title"), false,
            t.format("footer.generated", t.date(asOf)), new ScriptJson(data));
        return Templates.render("portfolio", Map.of("t", t, "frame", frame, "view", PortfolioView.of(t, docs), "oneTeam", HealthCounts.oneTeam(t, docs)));
    }

    static String pilot(Texts t, JsonNode doc) {
        if (doc.path("comparison").isObject()) return comparison(t, doc);
        ObjectNode charts = PilotCharts.of(t, doc);
        PageFrame frame = new PageFrame(t.language().code(), Docs.title(doc), true,
            t.format("footer.generated", t.date(doc.path("as_of").asText())), new ScriptJson(charts));
        PilotView view = PilotView.of(t, doc, charts.path("narrowing").size() > 0);
        return Templates.render("pilot", Map.of("t", t, "frame", frame, "view", view, "certainty", CertaintyView.of(t, doc)));
    }

    /** A comparison of candidate systems: the recommendation on top, the candidates side by side. */
    static String comparison(Texts t, JsonNode doc) {
        PageFrame frame = new PageFrame(t.language().code(), Docs.title(doc), true,
            t.format("footer.generated", t.date(doc.path("as_of").asText())), new ScriptJson(ComparisonView.charts(t, doc)));
        return Templates.render("comparison", Map.of("t", t, "frame", frame, "view", ComparisonView.of(t, doc)));
    }

    private static byte[] resource(String name) {
        try (InputStream in = DashboardWriter.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

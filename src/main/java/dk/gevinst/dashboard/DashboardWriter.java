package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.publish.Json;
import dk.gevinst.storage.Storage;
import dk.gevinst.text.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * Writes the static dashboard from published decision documents only: index.html, one page per pilot,
 * and the assets (ECharts from its webjar, our script and stylesheet) once, referenced relatively, so the
 * folder opens from a file share with no network.
 */
public final class DashboardWriter {
    static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    private DashboardWriter() {}

    public static List<JsonNode> readDecisions(Storage storage, Path decisionsDir) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        for (Storage.FileEntry f : storage.listFiles(decisionsDir)) {
            if (f.path().getName().endsWith(".json")) docs.add(Json.MAPPER.readTree(storage.readText(f.path())));
        }
        docs.sort(Comparator.comparing(d -> d.path("pilot_id").asText()));
        return docs;
    }

    public static void write(Storage storage, Path decisionsDir, Path target, Language language) throws IOException {
        Texts t = new Texts(language);
        List<JsonNode> docs = readDecisions(storage, decisionsDir);
        Path assets = new Path(target, "assets");
        storage.writeBytes(new Path(assets, "echarts.min.js"), resource(ECHARTS));
        storage.writeBytes(new Path(assets, "gevinst.js"), resource("/dk/gevinst/dashboard/gevinst.js"));
        storage.writeBytes(new Path(assets, "gevinst.css"), resource("/dk/gevinst/dashboard/gevinst.css"));
        storage.writeText(new Path(target, "index.html"), PortfolioPage.render(t, docs));
        storage.writeText(new Path(target, "decisions.csv"), PortfolioCsv.render(docs, t));
        for (JsonNode d : docs) storage.writeText(new Path(target, d.path("pilot_id").asText() + ".html"), PilotPage.render(t, d));
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

package dk.gevinst.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.gevinst.cli.Main;
import dk.gevinst.testing.Repo;
import dk.gevinst.testing.TestSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The committed sample, run once per test JVM through the CLI exactly as the README's first command runs it. */
public final class SampleRun {
    public static final String AS_OF = "2026-11-27";
    private static Path out;
    private static int exit;

    private SampleRun() {}

    public static synchronized Path out() {
        if (out == null) {
            try {
                TestSpark.session();
                out = Files.createTempDirectory("gevinst-sample-");
                exit = run(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    public static int exitCode() {
        out();
        return exit;
    }

    public static int run(Path target) {
        return run(target, AS_OF);
    }

    /** The README's first command for one night. */
    public static int run(Path target, String asOf) {
        Path repo = Repo.root();
        return Main.execute("run", "--pilots", repo.resolve("jobs/pilots").toString(), "--data", repo.resolve("data-samples").toString(),
            "--out", target.toString(), "--as-of", asOf, "--demo-key");
    }

    public static JsonNode decision(String pilot) {
        return json(out().resolve("decisions/" + pilot + ".json"));
    }

    public static JsonNode json(Path p) {
        try {
            return new ObjectMapper().readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document's health flag with this code; fails the test when there is none. */
    /** The manifest of the latest run written under {@code out/runs}. */
    public static JsonNode lastManifest(Path out) throws java.io.IOException {
        try (var s = java.nio.file.Files.list(out.resolve("runs"))) {
            return json(s.filter(p -> p.toString().endsWith(".json")).sorted().reduce((a, b) -> b).orElseThrow());
        }
    }

    public static JsonNode healthFlag(JsonNode doc, String code) {
        for (JsonNode f : doc.path("health")) if (code.equals(f.path("code").asText())) return f;
        throw new AssertionError("no health flag '" + code + "' in " + doc.path("health"));
    }

    public static List<Path> files(Path root) {
        // Following links: OUT/decisions, OUT/dashboard and OUT/tables are links to the current publication.
        try (Stream<Path> s = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            return s.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

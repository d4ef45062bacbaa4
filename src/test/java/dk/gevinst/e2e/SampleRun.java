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
        Path repo = Repo.root();
        return Main.execute("run", "--pilots", repo.resolve("jobs/pilots").toString(), "--data", repo.resolve("data-samples").toString(),
            "--out", target.toString(), "--as-of", AS_OF, "--demo-key");
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

    public static List<Path> files(Path root) {
        // Following links: OUT/decisions, OUT/dashboard and OUT/tables are links to the current publication.
        try (Stream<Path> s = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            return s.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

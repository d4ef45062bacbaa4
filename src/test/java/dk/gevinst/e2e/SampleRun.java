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

/** The committed sample, run once per build through the CLI exactly as the README's first command runs it. */
public final class SampleRun {
    public static final String AS_OF = "2026-11-27";
    private static Path out;
    private static int exit;

    private SampleRun() {}

    public static synchronized Path out() {
        if (out == null) {
            try {
                out = kept();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /**
     * The run lives in target/sample-run, stamped with a digest of what decides it (the compiled classes and test
     * classes, the pom with its dependencies, the pilot specs, the sample data). The unit tests always run it afresh: some check what their own JVM saw
     * being published. The integration tests of the same {@code mvn verify} (Failsafe sets
     * gevinst.sampleRun.reuse) compare with that run instead of running the sample a second time in their own
     * JVM; anything changed, or no stamp, and they run it afresh too.
     */
    private static Path kept() throws IOException {
        Path root = Repo.root();
        Path folder = root.resolve("target/sample-run");
        Path stamp = root.resolve("target/sample-run.stamp");
        String digest = digestOf(List.of(root.resolve("target/classes"), root.resolve("target/test-classes"), root.resolve("pom.xml"),
            root.resolve("jobs/pilots"), root.resolve("data-samples")));
        if (Boolean.getBoolean("gevinst.sampleRun.reuse") && Files.isRegularFile(stamp)) {
            String[] said = Files.readString(stamp).trim().split(" ");
            if (said.length == 2 && said[0].equals(digest) && Files.isDirectory(folder)) {
                exit = Integer.parseInt(said[1]);
                return folder;
            }
        }
        Files.deleteIfExists(stamp);
        if (Files.exists(folder)) {
            try (Stream<Path> s = Files.walk(folder)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        TestSpark.session();
        exit = run(folder);
        Files.writeString(stamp, digest + " " + exit + "\n");
        return folder;
    }

    private static Path root(Path r) {
        return r.getParent() == null ? r : r.getParent();
    }

    private static String digestOf(List<Path> roots) throws IOException {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (Path r : roots) {
                List<Path> files;
                try (Stream<Path> s = Files.walk(r)) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    sha.update(root(r).relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha.update(Files.readAllBytes(f));
                }
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

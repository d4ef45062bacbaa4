package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.ingest.FileInventory;
import dk.gevinst.ingest.FileLedger;
import dk.gevinst.ingest.SourceFile;
import dk.gevinst.privacy.Pseudonymizer;
import dk.gevinst.source.Source;
import dk.gevinst.storage.Storage;
import dk.gevinst.testing.Repo;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TinyRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/gevinst as a person or a scheduler meets it: no JVM warning before the help, no colour codes in a log. */
class LauncherIT {
    private record Result(int exit, String stdout, String stderr) {}

    private static Result run(Path launcher, Path tmp, String path, String... args) throws Exception {
        return run(launcher, tmp, path, Map.of(), args);
    }

    private static Result run(Path launcher, Path tmp, String path, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("stdout");
        Path err = tmp.resolve("stderr");
        ProcessBuilder b = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (path != null) b.environment().put("PATH", path);
        // The caller's own choices must not leak into what a test asserts about the launcher's.
        b.environment().keySet().removeIf(k -> k.startsWith("GEVINST_"));
        b.environment().putAll(env);
        Process p = b.start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void helpPrintsUsageAndNothingOnStderr(@TempDir Path tmp) throws Exception {
        Result help = run(Repo.root().resolve("bin/gevinst"), tmp, null, "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.stdout()).contains("Usage: gevinst", "explain", "Exit codes:");
        assertThat(help.stderr()).as("stderr of bin/gevinst --help").isEmpty();
        Result explain = run(Repo.root().resolve("bin/gevinst"), tmp, null, "explain", "--help");
        assertThat(explain.stderr()).isEmpty();
    }

    /**
     * A first build from cron or CI: bin/gevinst runs Maven, whose Debian build writes colour resets even
     * with -B. A stand-in mvn runs the real Maven on an empty project, so the codes are Maven's own.
     */
    @Test
    void aFirstBuildWhoseOutputIsNotATerminalHasNoColourCodes(@TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("bin"));
        Files.copy(Repo.root().resolve("bin/gevinst"), home.resolve("bin/gevinst"));
        TempDirs.write(tmp, "empty/pom.xml", "<project><modelVersion>4.0.0</modelVersion><groupId>x</groupId>"
            + "<artifactId>empty</artifactId><version>1</version><packaging>pom</packaging></project>");
        String realMvn = which("mvn");
        Path fake = TempDirs.write(tmp, "path/mvn", "#!/bin/sh\nprintf '%s\\n' \"$*\" > " + tmp.resolve("mvn-args") + "\n"
            + "exec " + realMvn + " -B -q -f " + tmp.resolve("empty/pom.xml") + " validate\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(home.resolve("bin/gevinst"), PosixFilePermissions.fromString("rwxr-xr-x"));

        // A copy of the cluster release, as a stranger made one for cron: nothing to run and nothing to build from.
        Result release = run(home.resolve("bin/gevinst"), tmp, fake.getParent() + ":" + System.getenv("PATH"), "--help");
        assertThat(tmp.resolve("mvn-args")).as("no build without a pom.xml").doesNotExist();
        assertThat(release.exit()).isEqualTo(1);
        assertThat(release.stderr().strip().lines().reduce((a, b) -> b).orElse("")).startsWith("gevinst: exit 1 (not a built checkout): ")
            .contains("clone the repository there and run 'mvn -B -DskipTests package'");

        TempDirs.write(home, "pom.xml", "<project/>");
        Result first = run(home.resolve("bin/gevinst"), tmp, fake.getParent() + ":" + System.getenv("PATH"), "--help");
        assertThat(Files.readString(tmp.resolve("mvn-args"))).as("the launcher ran Maven").contains("package");
        assertThat(first.stderr()).contains("gevinst: building").contains("the build did not produce")
            .doesNotContain("\u001b");
        assertThat(first.stderr().strip().lines().reduce((a, b) -> b).orElse("")).as("the summary line a schedule mails")
            .startsWith("gevinst: exit 1 (the build failed): ");
        assertThat(first.exit()).isEqualTo(1);

        // Maven itself fails: the last line is still the summary, not Maven's last word.
        TempDirs.write(tmp, "path/mvn", "#!/bin/sh\necho '[ERROR] [Help 1] http://cwiki.apache.org/'\nexit 1\n");
        Result failed = run(home.resolve("bin/gevinst"), tmp, fake.getParent() + ":" + System.getenv("PATH"), "--help");
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.stderr()).contains("[ERROR] [Help 1]");
        assertThat(failed.stderr().strip().lines().reduce((a, b) -> b).orElse("")).isEqualTo(
            "gevinst: exit 1 (the build failed): run 'mvn -B package' in " + home.toRealPath() + " to see why");
    }

    /**
     * A run's classes come from a class-data-sharing archive that the first run after a build writes
     * (docs/benchmarks.md, P4): the run writes it without a word on stdout or stderr about it, and a
     * command's help writes none (an archive of the help's few classes would serve every later run badly).
     */
    @Test
    void theFirstRunWritesTheClassArchiveQuietlyAndHelpDoesNot(@TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("target"));
        Files.copy(Repo.root().resolve("bin/gevinst"), home.resolve("bin/gevinst"));
        Files.setPosixFilePermissions(home.resolve("bin/gevinst"), PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String built : List.of("gevinst.jar", "lib", "jvm-options")) {
            Files.createSymbolicLink(home.resolve("target").resolve(built), Repo.root().resolve("target").resolve(built));
        }
        Path jsa = home.resolve("target/gevinst.jsa");
        Result help = run(home.resolve("bin/gevinst"), tmp, null, "run", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.stderr()).isEmpty();
        assertThat(jsa).doesNotExist();
        // A run that stops early (here: no --pilots, exit 2) loaded too few classes to serve later runs.
        Result stopped = run(home.resolve("bin/gevinst"), tmp, null, "run", "--data", tmp.resolve("nowhere").toString());
        assertThat(stopped.exit()).isEqualTo(2);
        assertThat(jsa).as("no archive from a run that stopped early").doesNotExist();

        // A bad spec beside a good one: the night runs and publishes, then exits 2 (README, exit codes). Its classes
        // are a whole night's, so its archive is kept.
        Path pilots = TempDirs.write(tmp, "pilots/small.yaml", TinyRuns.GOOD_SPEC).getParent();
        TempDirs.write(tmp, "pilots/broken.yaml", "id: broken\nname: [unclosed\n");
        Result night = run(home.resolve("bin/gevinst"), tmp, null, "run", "--pilots", pilots.toString(),
            "--data", TinyRuns.data(tmp.resolve("data")).toString(), "--out", tmp.resolve("out").toString(),
            "--as-of", TinyRuns.NEWEST, "--demo-key", "--quiet");
        assertThat(night.exit()).as(night.stderr()).isEqualTo(2);
        assertThat(night.stdout()).isEmpty();
        assertThat(night.stderr()).contains("gevinst: exit 2 (bad pilot spec or arguments)", "published 1 pilots");
        assertThat(tmp.resolve("out/decisions/small.json")).as("the good pilot was published").isRegularFile();
        assertThat(jsa).as("the archive of a night that published and exited 2").isRegularFile();
        assertThat(Files.size(jsa)).as("an archive of a run's classes").isGreaterThan(10_000_000L);
        try (var left = Files.list(home.resolve("target"))) {
            assertThat(left.filter(p -> p.getFileName().toString().endsWith(".tmp"))).as("no half-written archive").isEmpty();
        }
        for (String built : List.of("gevinst.jar", "lib", "jvm-options")) Files.delete(home.resolve("target").resolve(built));
    }

    /**
     * The JIT a run gets (docs/benchmarks.md, P4): C1 only over a small local data root, named by --data or by
     * the config's data: key relative to the config; C2 too over a large one, a remote one, or when asked.
     * Seen in the JVM's own list of its flags, printed before `run --help` (which starts no Spark).
     */
    @Test
    void aRunOverASmallLocalDataRootCompilesWithC1Only(@TempDir Path tmp) throws Exception {
        Path launcher = Repo.root().resolve("bin/gevinst");
        Path data = TinyRuns.data(tmp.resolve("data"));
        TempDirs.write(tmp, "jobs/nightly.yaml", "pilots: pilots\ndata: '../data'   # relative to this file\nout: ../out\n");
        String c1 = "-XX:TieredStopAtLevel=1";

        // With C1 alone the JVM would reserve 48 MB for compiled code, which a night fills (a task then fails with
        // "Out of space in CodeCache for adapters"); the launcher asks for the 240 MB both compilers get.
        assertThat(flags(launcher, tmp, Map.of(), "run", "--help", "--data", data.toString())).contains(c1)
            .contains("-XX:ReservedCodeCacheSize=251658240");
        assertThat(flags(launcher, tmp, Map.of(), "run", "--help", "--data=" + data)).contains(c1);
        assertThat(flags(launcher, tmp, Map.of(), "run", "--help", "--config", tmp.resolve("jobs/nightly.yaml").toString()))
            .as("data: in the config, quoted, relative to it").contains(c1);
        assertThat(flags(launcher, tmp, Map.of("GEVINST_SMALL_MB", "0"), "run", "--help", "--data", data.toString()))
            .as("a data root above GEVINST_SMALL_MB").doesNotContain(c1);
        // The tiny data root takes 1 MB by du's rounding, so at a limit of 1 it is not small; through a link
        // measured as the link itself (0 MB) it would be.
        Path link = Files.createSymbolicLink(tmp.resolve("linked-data"), data);
        assertThat(flags(launcher, tmp, Map.of("GEVINST_SMALL_MB", "1"), "run", "--help", "--data", link.toString()))
            .as("a data root that is a symbolic link, measured by what it points to").doesNotContain(c1);
        assertThat(flags(launcher, tmp, Map.of(), "run", "--help", "--data", "s3a://bucket/data"))
            .as("a remote data root is not measured").doesNotContain(c1);
        assertThat(flags(launcher, tmp, Map.of("GEVINST_JIT", "c2"), "run", "--help", "--data", data.toString())).doesNotContain(c1);
        assertThat(flags(launcher, tmp, Map.of("GEVINST_JIT", "c1"), "validate", "--help", "--data", data.toString()))
            .as("only run chooses").doesNotContain(c1);

        Result wrong = run(launcher, tmp, null, Map.of("GEVINST_SMALL_MB", "32MB"), "run", "--help");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.stderr()).contains("GEVINST_SMALL_MB is '32MB'", "whole number of megabytes");
    }

    /**
     * What decides is what the night will read, not the data root: exports whose size and modification time a version
     * in the state's file ledger has are not new. The ledger here is written by the ingest's own classes, so a change
     * in what it records (or how it prints it) fails this test rather than silently moving every night back to C2.
     */
    @Test
    void aNightWhoseNewExportsAreSmallCompilesWithC1OnlyOverALargeDataRoot(@TempDir Path tmp) throws Exception {
        Path launcher = Repo.root().resolve("bin/gevinst");
        Path data = TinyRuns.data(tmp.resolve("data"));
        Path out = tmp.resolve("out");
        String c1 = "-XX:TieredStopAtLevel=1";
        // The tiny data root takes 1 MB by du's rounding: at a limit of 1 MB it is large, and so is any new export.
        Map<String, String> limit = Map.of("GEVINST_SMALL_MB", "1");
        String[] night = {"run", "--help", "--data", data.toString(), "--out", out.toString()};

        assertThat(flags(launcher, tmp, limit, night)).as("a first night reads the whole data root").doesNotContain(c1);
        // Milliseconds are cut, not rounded, on both sides: a time just short of the next millisecond pins it.
        Path cases = data.resolve("cases/cases.csv");
        Files.setLastModifiedTime(cases, java.nio.file.attribute.FileTime.from(java.time.Instant.ofEpochSecond(1_780_000_000L, 999_999_999)));
        recordEveryExport(data, out);
        assertThat(flags(launcher, tmp, limit, night)).as("every export already ingested").contains(c1);
        assertThat(flags(launcher, tmp, limit, "run", "--help", "--data=" + data, "--out=file:" + out)).contains(c1);
        TempDirs.write(tmp, "jobs/nightly.yaml", "pilots: pilots\ndata: ../data\nout: '../out'   # relative to this file\n");
        assertThat(flags(launcher, tmp, limit, "run", "--help", "--config", tmp.resolve("jobs/nightly.yaml").toString()))
            .as("data: and out: in the config").contains(c1);
        TempDirs.write(tmp, "jobs/url.yaml", "pilots: pilots\ndata: ../data\nout: file:" + out + "\n");
        assertThat(flags(launcher, tmp, limit, "run", "--help", "--config", tmp.resolve("jobs/url.yaml").toString()))
            .as("an out: with a scheme is not relative to the config").contains(c1);
        // What the ingest does not list is not new: hidden files and folders, files in a subfolder, other types.
        TempDirs.write(data, "cases/.partial.csv", "x".repeat(2 << 20));
        TempDirs.write(data, "cases/_tmp.csv", "x".repeat(2 << 20));
        TempDirs.write(data, "cases/archive/2025.csv", "x".repeat(2 << 20));
        TempDirs.write(data, "cases/notes.txt", "x".repeat(2 << 20));
        TempDirs.write(data, ".cache/cases.csv", "x".repeat(2 << 20));
        assertThat(flags(launcher, tmp, limit, night)).as("files the ingest does not read").contains(c1);
        assertThat(flags(launcher, tmp, limit, "run", "--help", "--data", data.toString(), "--out", out.toString(), "--full"))
            .as("a --full rebuild reads the whole state").doesNotContain(c1);
        assertThat(flags(launcher, tmp, limit, "run", "--help", "--data", data.toString(), "--out", "s3a://bucket/out"))
            .as("a remote output is not read: the whole data root counts").doesNotContain(c1);

        Files.setLastModifiedTime(cases, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(cases).toMillis() + 60_000));
        assertThat(flags(launcher, tmp, limit, night)).as("a known export delivered again with a new time is a new version").doesNotContain(c1);
        recordEveryExport(data, out);
        assertThat(flags(launcher, tmp, limit, night)).contains(c1);
        TempDirs.write(data, "usage/usage-2026-03.CSV", "x\n");
        assertThat(flags(launcher, tmp, limit, night)).as("a new export of two bytes (its extension in capitals) counts as a megabyte").doesNotContain(c1);
        Files.delete(data.resolve("usage/usage-2026-03.CSV"));
        assertThat(flags(launcher, tmp, limit, night)).contains(c1);

        // A version withdrawn since (its file was gone for a night) is read again when it comes back.
        FileLedger ledger = ledger(out);
        ledger.record("r" + System.nanoTime(), ledger.removals(ledger.live(Source.CASES.folder()), java.time.Instant.now()));
        assertThat(flags(launcher, tmp, limit, night)).as("a withdrawn version is not known").doesNotContain(c1);
        recordEveryExport(data, out);
        assertThat(flags(launcher, tmp, limit, night)).as("read again after its withdrawal").contains(c1);

        // A ledger with one entry of an older Gevinst (no version reference) beside today's: the ingest moves the state
        // aside and reads every file again.
        Path legacy = tmp.resolve("legacy-out");
        try (var files = Files.list(out.resolve("_state/ledger"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                TempDirs.write(legacy, "_state/ledger/" + f.getFileName(), Files.readString(f));
            }
        }
        TempDirs.write(legacy, "_state/ledger/0-old.json", Files.readString(newestLedgerFile(out.resolve("_state/ledger")))
            .replaceAll("(?m)^  \"version\" : .*\n", ""));
        assertThat(flags(launcher, tmp, limit, "run", "--help", "--data", data.toString(), "--out", legacy.toString()))
            .as("an older ledger's entry").doesNotContain(c1);
        TempDirs.write(tmp, "jobs/colon.yaml", "pilots: pilots\ndata: ../data\nout: outs/2026:q1\n");
        Files.createDirectories(tmp.resolve("jobs/outs"));
        Files.move(out, tmp.resolve("jobs/outs/2026:q1"));
        assertThat(flags(launcher, tmp, limit, "run", "--help", "--config", tmp.resolve("jobs/colon.yaml").toString()))
            .as("a relative out: with a colon after a slash has no scheme (as RunConfig reads it)").contains(c1);
        Files.move(tmp.resolve("jobs/outs/2026:q1"), out);

        // A link loop in the last source folder listed makes find complain and exit 1; the estimate stands all the same.
        for (Source source : Source.values()) Files.createDirectories(data.resolve(source.folder()));
        assertThat(flags(launcher, tmp, limit, night)).contains(c1);
        Files.createSymbolicLink(data.resolve("tech_metrics/loop"), data.resolve("tech_metrics"));
        assertThat(flags(launcher, tmp, limit, night)).as("find's complaints do not discard the estimate").contains(c1);
    }

    /** The ledger file of the latest run (run ids here sort by time); recordEveryExport's last call put every version in it. */
    private static Path newestLedgerFile(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).max(java.util.Comparator.comparing(Path::toString)).orElseThrow();
        }
    }

    /** The launcher lists the export files of each source folder the ingest reads: the same folders as Source's. */
    @Test
    void theLauncherListsTheSourceFoldersOfTheContract() throws Exception {
        String launcher = Files.readString(Repo.root().resolve("bin/gevinst"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("for source in ([a-z_ ]+); do").matcher(launcher);
        assertThat(m.find()).as("the launcher's list of source folders").isTrue();
        assertThat(List.of(m.group(1).trim().split(" +")))
            .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(Source.values()).map(Source::folder).toList());
    }

    /** The file ledger of a night that ingested every case export in the data root, as the ingest writes it. */
    private static void recordEveryExport(Path data, Path out) throws IOException {
        Storage storage = new Storage(new org.apache.hadoop.conf.Configuration());
        FileLedger ledger = ledger(out);
        List<FileLedger.Entry> entries = new java.util.ArrayList<>();
        String now = java.time.Instant.now().toString();
        for (SourceFile f : FileInventory.list(storage, new org.apache.hadoop.fs.Path(data.toUri()), Source.CASES, Pseudonymizer.demo()).files()) {
            entries.add(new FileLedger.Entry(Source.CASES.folder(), f.fileRef(), f.versionRef(), f.display(), f.size(), f.modified(),
                "2026-03-28", now, now, "r" + System.nanoTime(), 48, 48, 0, Map.of("size", 1L), Map.of("cases.modified", 1L), List.of(),
                List.of(), null, null, null, Map.of("removedAt", "2026-03-01", "version", "2026-03-02"), null, Map.of("size", 7L), null));
        }
        assertThat(entries).isNotEmpty();
        ledger.record("r" + System.nanoTime(), entries);
    }

    /** The file ledger of the state under {@code out}, as the ingest loads it. */
    private static FileLedger ledger(Path out) throws IOException {
        return FileLedger.load(new Storage(new org.apache.hadoop.conf.Configuration()), new org.apache.hadoop.fs.Path(out.resolve("_state").toUri()));
    }

    /** The flags the JVM was started with, as it prints them itself (before the command's own output). */
    private static String flags(Path launcher, Path tmp, Map<String, String> env, String... args) throws Exception {
        Map<String, String> all = new HashMap<>(env);
        all.put("GEVINST_JAVA_OPTS", "-XX:+PrintCommandLineFlags");
        Result r = run(launcher, tmp, null, all, args);
        assertThat(r.exit()).as(r.stderr()).isZero();
        String first = r.stdout().lines().findFirst().orElse("");
        assertThat(first).as("the JVM's flag list").contains("-XX:InitialHeapSize");
        return first;
    }

    private static String which(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", "command -v " + command).start();
        p.waitFor(10, TimeUnit.SECONDS);
        String path = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(path).as(command + " on PATH").isNotEmpty();
        return path;
    }
}

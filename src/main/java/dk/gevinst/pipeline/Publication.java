package dk.gevinst.pipeline;

import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;

/**
 * Where readers find the current publication: the decisions, the dashboard and the tables that one run
 * published together. Each run writes a complete version to {@code OUT/published/<version>/} and then
 * switches one pointer, {@code OUT/current}, to it; that switch is the only write a reader can observe.
 *
 * <p>On a local disk the pointer is a symbolic link, replaced by rename(2), and {@code OUT/decisions},
 * {@code OUT/dashboard} and {@code OUT/tables} are fixed links through it, so bookmarks and scripts keep
 * their paths and switch in the same instant. Elsewhere (HDFS) the pointer is a small file holding the
 * version's name, replaced by an atomic rename; readers resolve it once with {@link #current}.
 * See docs/operations.md, "Publishing".
 */
public final class Publication {
    public static final String CURRENT = "current";
    public static final String VERSIONS = "published";
    public static final String DECISIONS = "decisions";
    public static final String DASHBOARD = "dashboard";
    public static final String TABLES = "tables";
    /**
     * Replays of nights before the one the publication shows: {@code replayed/<night>/decisions} and
     * {@code .../dashboard}. Not one of the fixed links: a replay never replaces what managers read.
     */
    public static final String REPLAYED = "replayed";
    /** What a publication holds; every version has all three, so the fixed links never dangle. */
    static final List<String> PARTS = List.of(DECISIONS, DASHBOARD, TABLES);
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private Publication() {}

    /**
     * The folder holding the current publication's parts, resolved once so that a reader reads one version
     * throughout; empty before the first publication. An output folder from before versions existed, with
     * real {@code decisions/} and {@code tables/} folders, is read where it is.
     */
    public static Optional<Path> current(Storage storage, Path out) throws IOException {
        String version = currentVersion(storage, out);
        if (version != null) return Optional.of(version(out, version));
        Path legacy = new Path(out, DECISIONS);
        if (storage.isDirectory(legacy) && !isLink(storage, legacy)) return Optional.of(out);
        return Optional.empty();
    }

    /** A part of the current publication, resolved once; empty before the first publication. */
    public static Optional<Path> current(Storage storage, Path out, String part) throws IOException {
        return current(storage, out).map(root -> new Path(root, part));
    }

    /**
     * The path to give people for a part: {@code OUT/<part>} where links keep it stable (a local disk),
     * else the current version's folder, which changes with every publication.
     */
    public static Path forPeople(Storage storage, Path out, String part) throws IOException {
        Path stable = new Path(out, part);
        if (isLink(storage, stable)) return stable;
        return current(storage, out, part).orElse(stable);
    }

    /**
     * The path to give people for a folder inside the current publication: through {@code OUT/current} where it is
     * a link (a local disk), else the current version's folder.
     */
    public static Path forPeopleInCurrent(Storage storage, Path out, String relative) throws IOException {
        Path through = new Path(new Path(out, CURRENT), relative);
        if (isLink(storage, new Path(out, CURRENT))) return through;
        return current(storage, out, relative).orElse(through);
    }

    /**
     * The night the current publication's decisions and dashboard are of, from its description; empty before the
     * first publication, or for a version written before descriptions named it.
     */
    public static Optional<java.time.LocalDate> currentNight(Storage storage, Path out) throws IOException {
        Optional<Path> root = current(storage, out);
        if (root.isEmpty()) return Optional.empty();
        Path d = new Path(root.get(), StagedPublish.DESCRIPTION);
        if (!storage.exists(d)) return Optional.empty();
        String night = dk.gevinst.publish.Json.MAPPER.readTree(storage.readText(d)).path("as_of").asText("");
        return night.isEmpty() ? Optional.empty() : Optional.of(java.time.LocalDate.parse(night));
    }

    static Path version(Path out, String version) {
        return new Path(new Path(out, VERSIONS), version);
    }

    static String currentVersion(Storage storage, Path out) throws IOException {
        Path pointer = new Path(out, CURRENT);
        if (storage.isLocal(out)) {
            java.nio.file.Path p = storage.local(pointer);
            if (Files.isSymbolicLink(p)) return checked(Files.readSymbolicLink(p).getFileName().toString(), p.toString());
            if (!Files.isRegularFile(p)) return null;
        } else if (!storage.exists(pointer)) {
            return null;
        }
        return checked(storage.readText(pointer).trim(), pointer.toString());
    }

    static boolean isLink(Storage storage, Path p) {
        return storage.isLocal(p) && Files.isSymbolicLink(storage.local(p));
    }

    private static String checked(String version, String where) throws IOException {
        if (!VERSION.matcher(version).matches()) throw new IOException("the publication pointer " + where + " names '" + version + "', not a version");
        return version;
    }
}

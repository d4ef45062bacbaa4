package dk.gevinst.pipeline;

import static dk.gevinst.pipeline.Publication.CURRENT;
import static dk.gevinst.pipeline.Publication.PARTS;
import static dk.gevinst.pipeline.Publication.VERSIONS;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.publish.Json;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.function.Predicate;
import org.apache.hadoop.fs.Path;

/**
 * Builds one publication and switches readers to it (the protocol is in docs/operations.md, "Publishing"):
 * <ol>
 *   <li>write the new version, {@code OUT/published/<version>/}: decisions, dashboard and tables, the
 *       table partitions of earlier nights carried over from the current version as hard links (copies
 *       where links do not exist);</li>
 *   <li>describe it ({@code _publication.json}), check that this run still holds the lock;</li>
 *   <li>switch {@code OUT/current} to it in one atomic rename: the only step a reader can see;</li>
 *   <li>on a local disk, make sure the fixed links {@code OUT/decisions}, {@code OUT/dashboard} and
 *       {@code OUT/tables} exist (once; an output folder from before versions is converted here);</li>
 *   <li>only then delete what no reader can reach any more: versions other than the new and the previous
 *       one (a reader who resolved the previous pointer a moment ago can finish), and leftovers of killed runs.</li>
 * </ol>
 * A kill before step 3 leaves the previous publication current and whole; a kill after it leaves the new one.
 */
public final class StagedPublish {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StagedPublish.class);
    static final String DESCRIPTION = "_publication.json";

    /** Called at every named step; tests use it to stop or kill a run between two steps. */
    @FunctionalInterface
    public interface Hook {
        void at(String step, Path version) throws IOException;
    }

    private static volatile Hook hook = (step, version) -> { };

    private final Storage storage;
    private final Path out;
    private final String version;
    private final Path root;
    private final Path previous;

    public StagedPublish(Storage storage, Path out, String version) throws IOException {
        this.storage = storage;
        this.out = out;
        this.version = version;
        this.root = Publication.version(out, version);
        this.previous = Publication.current(storage, out).orElse(null);
        if (root.equals(previous)) throw new IllegalStateException("version " + version + " is already the current publication");
        if (storage.exists(root)) storage.delete(root);
        storage.mkdirs(root);
    }

    /** For tests only: replaces the hook (pass null to remove it). */
    public static void setHook(Hook h) {
        hook = h == null ? (step, v) -> { } : h;
    }

    public static Hook hook() {
        return hook;
    }

    /** Where this version's part is written. */
    public Path staged(String part) {
        return new Path(root, part);
    }

    /** The current publication's part that this version replaces, if there is one. */
    public java.util.Optional<Path> previous(String part) throws IOException {
        if (previous == null) return java.util.Optional.empty();
        Path p = new Path(previous, part);
        return storage.exists(p) ? java.util.Optional.of(p) : java.util.Optional.empty();
    }

    /** Carries a part of the current publication into this version, leaving out what {@code skip} names (relative paths). */
    public void carryForward(String part, Predicate<String> skip) throws IOException {
        var from = previous(part);
        if (from.isPresent()) storage.linkOrCopyTree(from.get(), staged(part), skip);
    }

    /** A named point of the build, for the hook. */
    public void step(String name) throws IOException {
        hook.at(name, root);
    }

    /** Steps 2 to 5: describe, verify the lock, switch, link, clean. */
    public void publish(RunLock lock, ObjectNode description) throws IOException {
        for (String part : PARTS) storage.mkdirs(staged(part));
        step("built");
        ObjectNode d = description.deepCopy().put("version", version).put("created_at", Instant.now().toString());
        d.put("previous", previous == null || previous.equals(out) ? null : previous.getName());
        storage.writeText(new Path(root, DESCRIPTION), Json.MAPPER.writeValueAsString(d));
        step("described");
        lock.verifyHeld();
        switchPointer();
        LOG.info("Published version {}", version);
        step("switched");
        if (storage.isLocal(out) && Files.isSymbolicLink(storage.local(new Path(out, CURRENT)))) fixedLinks();
        step("linked");
        clean();
        step("cleaned");
    }

    private void switchPointer() throws IOException {
        Path pointer = new Path(out, CURRENT);
        if (storage.isLocal(out)) {
            java.nio.file.Path link = storage.local(new Path(out, ".current-" + version));
            try {
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, java.nio.file.Path.of(VERSIONS, version));
                Files.move(link, storage.local(pointer), StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (UnsupportedOperationException | IOException noLinks) {
                LOG.warn("No symbolic links in {} ({}); the publication pointer is a file, and readers follow {}", out, noLinks.getMessage(), pointer);
                Files.deleteIfExists(link);
            }
        }
        Path tmp = new Path(out, ".current-" + version);
        storage.writeText(tmp, version + "\n");
        storage.replaceAtomically(tmp, pointer);
    }

    /**
     * {@code OUT/<part>} → {@code current/<part>}, made once. A real folder there is an output from before
     * versions: it is moved into the versions folder (deleted by the next cleaning) and replaced by the link.
     */
    private void fixedLinks() throws IOException {
        for (String part : PARTS) {
            java.nio.file.Path stable = storage.local(new Path(out, part));
            java.nio.file.Path target = java.nio.file.Path.of(CURRENT, part);
            if (Files.isSymbolicLink(stable) && Files.readSymbolicLink(stable).equals(target)) continue;
            if (Files.isSymbolicLink(stable)) {
                Files.delete(stable);
            } else if (Files.exists(stable)) {
                java.nio.file.Path aside = storage.local(new Path(new Path(out, VERSIONS), "before-versions-" + version));
                Files.createDirectories(aside);
                Files.move(stable, aside.resolve(part), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.createSymbolicLink(stable, target);
        }
    }

    /** Deletes every version but the new and the previous one, and what killed runs left. */
    private void clean() throws IOException {
        String keep = previous == null || previous.equals(out) ? null : previous.getName();
        for (Path v : storage.listDirectories(new Path(out, VERSIONS))) {
            if (!v.getName().equals(version) && !v.getName().equals(keep)) storage.delete(v);
        }
        for (Storage.FileEntry f : storage.listHidden(out)) {
            if (f.path().getName().startsWith(".current-")) storage.delete(f.path());
        }
        storage.delete(new Path(out, ".staging"));
    }
}

package dk.gevinst.pipeline;

import dk.gevinst.config.InvalidSpecException;
import dk.gevinst.config.SpecText;
import dk.gevinst.privacy.CprScrubber;
import dk.gevinst.storage.Storage;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;

/**
 * The pilot spec files as the nights ran them, in {@code _state/specs/<night>/}: a snapshot is kept on the first night
 * that runs a set of files differing from the last one kept, so each snapshot holds from its night until the next.
 * A replay of an earlier night is decided by the specs of its own time (a stranger's replay of 22 November had used a
 * margin edited on the 23rd), and {@link SpecChanges} reads in them what changed after a pilot started.
 */
final class SpecSnapshots {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SpecSnapshots.class);
    static final String FOLDER = "specs";
    /** No spec is larger (YamlReader's limit); a larger file is not a spec and is not kept. */
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    private final Storage storage;
    private final Path root;

    SpecSnapshots(Storage storage, Path state) {
        this.storage = storage;
        this.root = new Path(state, FOLDER);
    }

    /** The nights with a snapshot, in order. */
    List<LocalDate> nights() throws IOException {
        List<LocalDate> out = new ArrayList<>();
        // A rerun killed between moving a night's snapshot aside and putting the new one in place: the old one holds.
        for (Path p : storage.listDirectories(root)) {
            String name = p.getName();
            if (name.startsWith(".old-") && !storage.exists(new Path(root, name.substring(5)))) storage.rename(p, new Path(root, name.substring(5)));
        }
        for (Path p : storage.listDirectories(root)) {
            try {
                out.add(LocalDate.parse(p.getName()));
            } catch (DateTimeParseException notASnapshot) {
                // a folder a killed run left while writing (".tmp-…"), or one somebody put there
            }
        }
        return out;
    }

    /** The snapshot that holds on {@code night}: the last one kept on or before it. */
    private static Optional<LocalDate> inForce(List<LocalDate> nights, LocalDate night) {
        return nights.stream().filter(n -> !n.isAfter(night)).reduce((a, b) -> b);
    }

    Path folder(LocalDate night) {
        return new Path(root, night.toString());
    }

    /** The spec files of each snapshot up to and including {@code night}, by night, each by file name. */
    Map<LocalDate, Map<String, byte[]>> upTo(LocalDate night) throws IOException {
        Map<LocalDate, Map<String, byte[]>> out = new TreeMap<>();
        for (LocalDate n : nights()) if (!n.isAfter(night)) out.put(n, files(folder(n)));
        return out;
    }

    /**
     * The folder a replay of {@code night} reads its specs from: the snapshot in force that night, else the earliest
     * one (the night is before the first this output ran), else the specs as they are today (an output folder from
     * before snapshots were kept).
     */
    Path forReplay(LocalDate night, Path today) throws IOException {
        List<LocalDate> nights = nights();
        Optional<LocalDate> inForce = inForce(nights, night);
        if (inForce.isPresent()) {
            LOG.info("A replay of {}: the pilot specs are those kept on {} ({}), as that night ran them", night, inForce.get(), folder(inForce.get()));
            return folder(inForce.get());
        }
        if (!nights.isEmpty()) {
            LOG.warn("A replay of {}, before the first night this output ran: the pilot specs are those of its first night, {} ({})", night,
                nights.get(0), folder(nights.get(0)));
            return folder(nights.get(0));
        }
        LOG.warn("A replay of {}: no night of this output kept its pilot specs, so today's ({}) are used", night, today);
        return today;
    }

    /**
     * Keeps tonight's spec files (as read when the night began) when they differ from the snapshot in force tonight;
     * called once the night is published, so a killed night keeps nothing. Written beside and renamed into place; a
     * rerun of the night moves its old snapshot aside first and back if it is killed in between (see {@link #nights}).
     */
    void keepIfChanged(Map<String, byte[]> tonight, LocalDate night) throws IOException {
        List<LocalDate> nights = nights();
        Optional<LocalDate> inForce = inForce(nights, night);
        if (inForce.isPresent() && same(files(folder(inForce.get())), tonight)) return;
        Path tmp = new Path(root, ".tmp-" + night);
        if (storage.exists(tmp)) storage.delete(tmp);
        storage.mkdirs(tmp);
        for (var f : tonight.entrySet()) storage.writeBytes(new Path(tmp, f.getKey()), f.getValue());
        Path target = folder(night), aside = new Path(root, ".old-" + night);
        if (storage.exists(aside)) storage.delete(aside);
        if (storage.exists(target) && !storage.rename(target, aside)) throw new IOException("could not rename " + target + " to " + aside);
        if (!storage.rename(tmp, target)) throw new IOException("could not rename " + tmp + " to " + target);
        if (storage.exists(aside)) storage.delete(aside);
    }

    /**
     * The spec files in a folder, by name, CPR numbers masked: what a snapshot keeps, since a spec may name a team or
     * a title with a number in it and the state must hold none. Masked alike on both sides, tonight's files and a kept
     * snapshot compare as they are; a file that is not UTF-8 is kept as it is (it is no spec that ran).
     */
    Map<String, byte[]> files(Path folder) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        for (Storage.FileEntry f : storage.listFiles(folder)) {
            String name = f.path().getName();
            if (!(name.endsWith(".yaml") || name.endsWith(".yml")) || f.size() > MAX_BYTES) continue;
            byte[] raw = storage.readAll(f.path());
            try {
                out.put(name, CprScrubber.mask(SpecText.decode(name, raw)).getBytes(StandardCharsets.UTF_8));
            } catch (InvalidSpecException notUtf8) {
                out.put(name, raw);
            }
        }
        return out;
    }

    private static boolean same(Map<String, byte[]> a, Map<String, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) return false;
        for (var e : a.entrySet()) if (!Arrays.equals(e.getValue(), b.get(e.getKey()))) return false;
        return true;
    }
}

package dk.gevinst.config;

import dk.gevinst.indicator.Catalog;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;

/**
 * Reads every {@code *.yaml} and {@code *.yml} in a pilots folder. A bad spec fails that pilot only. Two
 * files that declare the same pilot id fail that pilot with an error naming both: the run cannot know which
 * one is meant, and publishing either would make the outputs disagree.
 */
public final class SpecLoader {
    private final Storage storage;
    private final PilotSpecParser parser = new PilotSpecParser(Catalog.builtIn());

    public SpecLoader(Storage storage) {
        this.storage = storage;
    }

    /** One file's outcome: a spec, or its problems; either way the pilot id it stands for. */
    private record FileOutcome(String pilotId, String file, PilotSpec spec, List<Problem> problems) {}

    /** @param displayPrefix how file names are shown in messages: "" for names relative to the pilots folder */
    public SpecLoad load(Path folder, String displayPrefix) throws IOException {
        Map<String, List<FileOutcome>> byId = new LinkedHashMap<>();
        for (Storage.FileEntry f : storage.listFiles(folder)) {
            String name = f.path().getName();
            if (!name.endsWith(".yaml") && !name.endsWith(".yml")) continue;
            FileOutcome o = read(f, displayPrefix + name, idFromFileName(name));
            byId.computeIfAbsent(o.pilotId(), k -> new ArrayList<>()).add(o);
        }
        List<PilotSpec> valid = new ArrayList<>();
        List<SpecLoad.Failure> failures = new ArrayList<>();
        for (var e : byId.entrySet()) {
            List<FileOutcome> files = e.getValue();
            if (files.size() == 1 && files.get(0).spec() != null) {
                valid.add(files.get(0).spec());
            } else if (files.size() == 1) {
                failures.add(new SpecLoad.Failure(e.getKey(), files.get(0).file(), files.get(0).problems()));
            } else {
                failures.add(duplicate(e.getKey(), files));
            }
        }
        return new SpecLoad(valid, failures);
    }

    private FileOutcome read(Storage.FileEntry f, String display, String guess) throws IOException {
        if (f.size() > YamlReader.MAX_CHARS) {
            return new FileOutcome(guess, display, null, List.of(new Problem(display, 1, 1,
                "file is " + f.size() + " bytes; a pilot spec may be at most " + YamlReader.MAX_CHARS,
                "filen er " + f.size() + " byte; en pilotspecifikation må højst være " + YamlReader.MAX_CHARS)));
        }
        try {
            PilotSpec spec = parser.parse(display, SpecText.decode(display, storage.readBytes(f.path(), YamlReader.MAX_CHARS * 4)));
            return new FileOutcome(spec.id(), display, spec, List.of());
        } catch (InvalidSpecException ex) {
            return new FileOutcome(ex.pilotId() != null ? ex.pilotId() : guess, display, null, ex.problems());
        }
    }

    private static SpecLoad.Failure duplicate(String id, List<FileOutcome> files) {
        List<String> names = files.stream().map(FileOutcome::file).toList();
        List<Problem> problems = new ArrayList<>();
        for (FileOutcome o : files) {
            List<String> others = names.stream().filter(n -> !n.equals(o.file())).toList();
            problems.add(new Problem(o.file(), 1, 1, "pilot id '" + id + "' is also declared by " + String.join(", ", others)
                + "; keep one file per pilot (neither is evaluated until then)", "pilot-id '" + id + "' erklæres også af "
                + String.join(", ", others) + "; behold én fil pr. pilot (ingen af dem evalueres indtil da)"));
        }
        for (FileOutcome o : files) problems.addAll(o.problems());
        return new SpecLoad.Failure(id, String.join(", ", names), problems);
    }

    /** The id a file presumably stands for when its own id cannot be read: its name, made a valid id. */
    static String idFromFileName(String name) {
        String id = name.replaceFirst("\\.ya?ml$", "").toLowerCase().replaceAll("[^a-z0-9-]", "-");
        return id.isEmpty() ? "unnamed" : id;
    }
}

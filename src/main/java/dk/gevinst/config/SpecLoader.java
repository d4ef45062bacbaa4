package dk.gevinst.config;

import dk.gevinst.indicator.Catalog;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;

/** Reads every {@code *.yaml} in a pilots folder. A bad spec fails that pilot only. */
public final class SpecLoader {
    private final Storage storage;
    private final PilotSpecParser parser = new PilotSpecParser(Catalog.builtIn());

    public SpecLoader(Storage storage) {
        this.storage = storage;
    }

    /** @param displayPrefix how file names are shown in messages, e.g. "jobs/pilots/" */
    public SpecLoad load(Path folder, String displayPrefix) throws IOException {
        List<PilotSpec> valid = new ArrayList<>();
        List<SpecLoad.Failure> failures = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Storage.FileEntry f : storage.listFiles(folder)) {
            String name = f.path().getName();
            if (!name.endsWith(".yaml") && !name.endsWith(".yml")) continue;
            String display = displayPrefix + name;
            String guess = name.replaceFirst("\\.ya?ml$", "").toLowerCase().replaceAll("[^a-z0-9-]", "-");
            if (f.size() > YamlReader.MAX_CHARS) {
                failures.add(new SpecLoad.Failure(guess, display, List.of(new Problem(display, 1, 1,
                    "file is " + f.size() + " bytes; a pilot spec may be at most " + YamlReader.MAX_CHARS))));
                continue;
            }
            try {
                PilotSpec spec = parser.parse(display, storage.readText(f.path()));
                String earlier = seen.putIfAbsent(spec.id(), display);
                if (earlier != null) {
                    failures.add(new SpecLoad.Failure(spec.id() + "-duplicate", display, List.of(new Problem(display, 1, 1,
                        "id '" + spec.id() + "' is already used by " + earlier + "; pilot ids must be unique"))));
                } else {
                    valid.add(spec);
                }
            } catch (InvalidSpecException e) {
                failures.add(new SpecLoad.Failure(guess, display, e.problems()));
            }
        }
        return new SpecLoad(valid, failures);
    }
}

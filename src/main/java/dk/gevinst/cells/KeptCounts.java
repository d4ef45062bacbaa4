package dk.gevinst.cells;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.gevinst.ingest.VersionCounts;
import dk.gevinst.source.Source;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;

/**
 * One source's version counts as kept between nights, in {@code <state>/version_counts/<source>.json}: the
 * night they are for, the file versions known on that night, and the counts of their rows known then. The file
 * describes itself, so a stale one (a run killed before writing tonight's) is still a correct base for an
 * increment (KnownIncrement) or is rejected by it; an unreadable one is ignored and the counts are recounted.
 */
record KeptCounts(String source, String night, Map<String, String> versions, long stored, long current, long superseded, long duplicate) {
    static final String FOLDER = "version_counts";
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    KeptCounts {
        versions = versions == null ? null : new TreeMap<>(versions);
    }

    /** {@code versions}: each version known on the night, with the run that read it (KnownIncrement#reads). */
    static KeptCounts of(Source source, LocalDate night, Map<String, String> versions, VersionCounts counts) {
        return new KeptCounts(source.folder(), night.toString(), versions, counts.stored(), counts.current(),
            counts.superseded(), counts.duplicate());
    }

    LocalDate nightDate() {
        return LocalDate.parse(night);
    }

    VersionCounts counts() {
        return new VersionCounts(stored, current, superseded, duplicate);
    }

    static Path file(Path stateRoot, Source source) {
        return new Path(new Path(stateRoot, FOLDER), source.folder() + ".json");
    }

    /**
     * The kept counts of a source, or empty when there are none; a file that cannot be read or does not add
     * up throws, and the caller recounts.
     */
    static Optional<KeptCounts> read(Storage storage, Path stateRoot, Source source) throws IOException {
        Path file = file(stateRoot, source);
        if (!storage.exists(file)) return Optional.empty();
        KeptCounts kept = JSON.readValue(storage.readText(file), KeptCounts.class);
        if (!source.folder().equals(kept.source()) || kept.night() == null || kept.versions() == null) throw new IOException(file + " holds no counts of " + source.folder());
        kept.nightDate();
        kept.counts();
        return Optional.of(kept);
    }

    /** Replaces the kept file in one step: a reader sees the old counts or the new. */
    void write(Storage storage, Path stateRoot) throws IOException {
        storage.writeTextAtomically(file(stateRoot, Source.byFolder(source).orElseThrow()), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
    }
}

package dk.gevinst.pipeline;

import dk.gevinst.ingest.PlausibilityBounds;
import dk.gevinst.privacy.Pseudonymizer;
import dk.gevinst.text.Language;
import java.time.Duration;
import java.time.LocalDate;
import org.apache.hadoop.fs.Path;

/** The resolved settings of one run, after the config file and the flags. */
public record RunSettings(Path pilots, String pilotsDisplay, Path data, Path out, LocalDate asOf, Language language,
                          Pseudonymizer pseudonymizer, PlausibilityBounds bounds, Duration lockTtl) {

    public Path state() {
        return new Path(out, "_state");
    }

    public Path tables() {
        return new Path(out, "tables");
    }

    public Path decisions() {
        return new Path(out, "decisions");
    }

    public Path dashboard() {
        return new Path(out, "dashboard");
    }
}

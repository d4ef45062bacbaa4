package dk.gevinst.pipeline;

import dk.gevinst.config.Freshness;
import dk.gevinst.ingest.PlausibilityBounds;
import dk.gevinst.privacy.Pseudonymizer;
import dk.gevinst.text.Language;
import java.time.Duration;
import java.time.LocalDate;
import org.apache.hadoop.fs.Path;

/**
 * The resolved settings of one run, after the config file and the flags.
 *
 * @param lockTimeout how old a lock's heartbeat may be before another host's run takes it over
 * @param freshness how old each source's newest data may be before a pilot's data counts as stale
 * @param simulation a run of a night that has not happened yet, allowed only into an output folder of its own
 * @param full {@code run --full}: the case cells from every case version instead of those kept from an earlier night, and
 *             every drift fit made again instead of taken from the last night's
 */
public record RunSettings(Path pilots, Path data, Path out, LocalDate asOf, Language language, Pseudonymizer pseudonymizer,
                          PlausibilityBounds bounds, Duration lockTimeout, Freshness freshness, boolean simulation,
                          boolean full) {

    public Path state() {
        return new Path(out, "_state");
    }
}

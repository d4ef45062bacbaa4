package dk.gevinst.pipeline;

import dk.gevinst.decision.DriftFits;
import dk.gevinst.decision.KeptDriftFits;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code _state/drift_fits.bin}: the drift fits the last night used, for the next ({@link KeptDriftFits}). It is
 * a cache: a fit is found only under its exact inputs, so a file from a night that was never published, a
 * replay or a killed run can cost time but never change a number. A file that cannot be read is logged and made
 * again, and one that cannot be written is logged; neither stops the night. It is replaced in one step, and only
 * when tonight used other fits than it holds, so on most nights it is read and left alone.
 */
final class KeptDriftFitsFile {
    private static final Logger LOG = LoggerFactory.getLogger(KeptDriftFitsFile.class);
    static final String NAME = "drift_fits.bin";

    private KeptDriftFitsFile() {}

    /** The kept fits, or none: on a --full night (everything is made again), without a file, or when it cannot be used. */
    static KeptDriftFits load(Storage storage, Path stateRoot, boolean full) {
        if (full) return KeptDriftFits.NONE;
        Path file = new Path(stateRoot, NAME);
        try {
            if (!storage.exists(file)) return KeptDriftFits.NONE;
            return KeptDriftFits.fromBytes(storage.readBytes(file, Integer.MAX_VALUE - 8));
        } catch (KeptDriftFits.Stale e) {
            LOG.info("The kept drift fits (_state/{}) were made by another version of Gevinst; tonight makes them again", NAME);
        } catch (IOException | RuntimeException e) {
            LOG.warn("The kept drift fits (_state/{}) cannot be read ({}); tonight makes them again and replaces the file", NAME, e.getMessage());
        }
        return KeptDriftFits.NONE;
    }

    /** How many drift fits tonight's evaluations made, and how many they took from the last night's (the run manifest's {@code drift_fits}). */
    record Counts(int made, int kept) {}

    /** Keeps the fits tonight's evaluations used for the next night, unless they are the ones already kept. */
    static Counts keep(Storage storage, Path stateRoot, KeptDriftFits loaded, List<DriftFits> evaluations) {
        KeptDriftFits tonight = KeptDriftFits.of(evaluations);
        Counts counts = new Counts(evaluations.stream().mapToInt(DriftFits::made).sum(), evaluations.stream().mapToInt(DriftFits::taken).sum());
        LOG.info("Drift fits: {} made tonight, {} kept from the last night", counts.made(), counts.kept());
        if (!tonight.sameFitsAs(loaded)) {
            try {
                storage.writeBytesAtomically(new Path(stateRoot, NAME), tonight.toBytes());
            } catch (IOException | RuntimeException e) {
                LOG.warn("The drift fits could not be kept in _state/{} ({}); the next night makes them again", NAME, e.getMessage());
            }
        }
        return counts;
    }
}

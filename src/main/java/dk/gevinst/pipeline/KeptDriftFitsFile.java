package dk.gevinst.pipeline;

import dk.gevinst.decision.DriftFits;
import dk.gevinst.decision.KeptDriftFits;
import dk.gevinst.parallel.DriverCores;
import dk.gevinst.storage.Storage;
import java.io.EOFException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code _state/drift_fits.bin}: the drift fits the last night used, for the next ({@link KeptDriftFits}). It is
 * a cache: a fit is found only under its exact inputs, and the file carries a checksum against damage (not
 * against a deliberate edit: whoever can edit the state can change anything in it), so a file from a night that
 * was never published or a killed run can cost time but never change a number. A file that cannot be read
 * is logged and made again, and one that cannot be written is logged; neither stops the night. It is replaced in
 * one step, and only when tonight used other fits than it holds, so on most nights it is read and left alone.
 */
final class KeptDriftFitsFile {
    private static final Logger LOG = LoggerFactory.getLogger(KeptDriftFitsFile.class);
    static final String NAME = "drift_fits.bin";
    /** Far above the fits of thousands of pilots (200 pilots: 4 MB); a larger file is not read into the driver. */
    static final long MAX_BYTES = 256L << 20;

    private KeptDriftFitsFile() {}

    /** What became of the kept file tonight (the manifest's {@code drift_fits.file}). */
    enum Kept {
        /** There was none. */
        NONE,
        /** Read, and its fits offered to tonight's evaluations. */
        READ,
        /** Made by another version of Gevinst: not read. */
        STALE,
        /** Not a whole file of kept fits: not read. */
        UNREADABLE,
        /** A --full night makes every fit again: not read. */
        NOT_READ_FULL;

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * How many drift fits tonight's evaluations made and took from the last night's, what became of the kept
     * file, and whether tonight's fits replaced it (the run manifest's {@code drift_fits}).
     */
    record Report(int made, int kept, Kept file, boolean written) {}

    /** Each spec's result, in spec order, and what happened to the fits. */
    record Results<T>(List<T> results, Report fits) {}

    /**
     * Evaluates every spec on the driver's cores, each with its own {@link DriftFits} seeded from the kept ones, and
     * keeps tonight's fits for the next night. The kept ones, and every fit no result refers to (a projection keeps
     * its own), are let go when this returns: for many pilots they are tens of megabytes the rest of the night does
     * not need.
     */
    static <S, T> Results<T> evaluate(Storage storage, Path stateRoot, LocalDate asOf, boolean full, List<S> specs,
                                      BiFunction<S, DriftFits, T> evaluation) {
        boolean usable = fingerprintComputes();
        Loaded loaded = usable ? load(storage, stateRoot, full) : new Loaded(KeptDriftFits.NONE, Kept.UNREADABLE, null);
        List<DriftFits> fits = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            fits.add(loaded.fits().forEvaluation());
            index.add(i);
        }
        List<T> results = DriverCores.map(index, i -> evaluation.apply(specs.get(i), fits.get(i)));
        int made = fits.stream().mapToInt(DriftFits::made).sum(), kept = fits.stream().mapToInt(DriftFits::kept).sum();
        LOG.info("Drift fits: {} made tonight, {} kept from the last night", made, kept);
        boolean written = usable && keep(storage, stateRoot, loaded, KeptDriftFits.of(asOf, fits));
        return new Results<>(results, new Report(made, kept, loaded.how(), written));
    }

    /**
     * Whether this JVM can tell its arithmetic apart (KeptDriftFits#fingerprint fits fixed series). If it cannot,
     * no fit is read or kept tonight: every fit is made, as before fits were kept.
     */
    private static boolean fingerprintComputes() {
        try {
            KeptDriftFits.fingerprint();
            return true;
        } catch (RuntimeException e) {
            LOG.warn("The drift fits' fingerprint could not be computed ({}); tonight makes every fit and keeps none. Run with --verbose"
                + " and report it", e.toString());
            LOG.debug("The fingerprint's failure", e);
            return false;
        }
    }

    /**
     * The kept fits (none when they cannot be used), what became of the file, and the night that wrote it (null when
     * unknown); on a --full night the file is read for that night alone, so that a replay still leaves it.
     */
    record Loaded(KeptDriftFits fits, Kept how, LocalDate night) {}

    static Loaded load(Storage storage, Path stateRoot, boolean full) {
        Path file = new Path(stateRoot, NAME);
        try {
            if (!storage.exists(file)) return new Loaded(KeptDriftFits.NONE, Kept.NONE, null);
            long size = storage.fs(file).getFileStatus(file).getLen();
            long limit = maxBytes();
            if (size > limit) throw new IOException("it is " + size + " bytes, more than the " + limit + " this driver reads for kept fits");
            byte[] bytes = new byte[(int) size];
            try (var in = storage.fs(file).open(file)) {
                in.readFully(bytes);
            }
            KeptDriftFits kept = KeptDriftFits.fromBytes(bytes);
            return full ? new Loaded(KeptDriftFits.NONE, Kept.NOT_READ_FULL, kept.night()) : new Loaded(kept, Kept.READ, kept.night());
        } catch (KeptDriftFits.Stale e) {
            LOG.info("The kept drift fits (_state/{}) were made by another version of Gevinst; tonight makes them again", NAME);
            return new Loaded(KeptDriftFits.NONE, Kept.STALE, null);
        } catch (IOException | RuntimeException e) {
            String reason = e instanceof EOFException ? "the file ends early" : why(e);
            LOG.warn("The kept drift fits (_state/{}) cannot be read ({}); tonight makes them again and replaces the file", NAME, reason);
            return new Loaded(KeptDriftFits.NONE, Kept.UNREADABLE, null);
        }
    }

    /** A file of kept fits is read whole into the driver: never more than a sixteenth of its heap, nor {@link #MAX_BYTES}. */
    static long maxBytes() {
        return Math.min(MAX_BYTES, Runtime.getRuntime().maxMemory() / 16);
    }

    /**
     * Keeps tonight's fits for the next night, unless they are the ones kept, tonight used none (a night without
     * valid specs must not throw the fits away), or tonight replays a night before the one that wrote the file
     * (whose fits the next regular night needs). Whether the file was written.
     */
    static boolean keep(Storage storage, Path stateRoot, Loaded loaded, KeptDriftFits tonight) {
        if (tonight.size() == 0 || tonight.sameFitsAs(loaded.fits())) return false;
        if (loaded.night() != null && tonight.night().isBefore(loaded.night())) {
            LOG.info("Drift fits: a replay of {} leaves the fits kept from {} as they are", tonight.night(), loaded.night());
            return false;
        }
        try {
            storage.writeBytesAtomically(new Path(stateRoot, NAME), tonight.toBytes());
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("The drift fits could not be kept in _state/{} ({}): check that it is a file, not a folder, and that the state folder is"
                + " writable and has free space. Until then each night makes the fits the file does not hold; the results are the same", NAME,
                why(e));
            return false;
        }
    }

    /** An exception's message, or its class where it has none. */
    private static String why(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}

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
 * a cache: a fit is found only under its exact inputs, and the file carries a checksum, so a file from a night
 * that was never published or a killed run can cost time but never change a number. A file that cannot be read
 * is logged and made again, and one that cannot be written is logged; neither stops the night. It is replaced in
 * one step, and only when tonight used other fits than it holds, so on most nights it is read and left alone.
 */
final class KeptDriftFitsFile {
    private static final Logger LOG = LoggerFactory.getLogger(KeptDriftFitsFile.class);
    static final String NAME = "drift_fits.bin";
    /** Far above the fits of thousands of pilots (200 pilots: 4 MB); a larger file is not read into the driver. */
    static final long MAX_BYTES = 1L << 30;

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
            return name().toLowerCase();
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
     * keeps tonight's fits for the next night. The fits are let go when this returns: for many pilots they are
     * tens of megabytes the rest of the night does not need.
     */
    static <S, T> Results<T> evaluate(Storage storage, Path stateRoot, LocalDate asOf, boolean full, List<S> specs,
                                        BiFunction<S, DriftFits, T> evaluation) {
        Loaded loaded = load(storage, stateRoot, full);
        List<DriftFits> fits = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            fits.add(loaded.fits().forEvaluation());
            index.add(i);
        }
        List<T> results = DriverCores.map(index, i -> evaluation.apply(specs.get(i), fits.get(i)));
        int made = fits.stream().mapToInt(DriftFits::made).sum(), kept = fits.stream().mapToInt(DriftFits::kept).sum();
        LOG.info("Drift fits: {} made tonight, {} kept from the last night", made, kept);
        boolean written = keep(storage, stateRoot, loaded.fits(), KeptDriftFits.of(asOf, fits));
        return new Results<>(results, new Report(made, kept, loaded.how(), written));
    }

    /** The kept fits (none when they cannot be used) and what became of the file. */
    record Loaded(KeptDriftFits fits, Kept how) {}

    static Loaded load(Storage storage, Path stateRoot, boolean full) {
        Path file = new Path(stateRoot, NAME);
        try {
            if (!storage.exists(file)) return new Loaded(KeptDriftFits.NONE, Kept.NONE);
            if (full) return new Loaded(KeptDriftFits.NONE, Kept.NOT_READ_FULL);
            long size = storage.fs(file).getFileStatus(file).getLen();
            if (size > MAX_BYTES) throw new IOException("it is " + size + " bytes, more than the " + MAX_BYTES + " a file of kept fits may be");
            return new Loaded(KeptDriftFits.fromBytes(storage.readBytes(file, (int) size + 1)), Kept.READ);
        } catch (KeptDriftFits.Stale e) {
            LOG.info("The kept drift fits (_state/{}) were made by another version of Gevinst; tonight makes them again", NAME);
            return new Loaded(KeptDriftFits.NONE, Kept.STALE);
        } catch (IOException | RuntimeException e) {
            String why = e instanceof EOFException || e.getMessage() == null ? "the file ends early" : e.getMessage();
            LOG.warn("The kept drift fits (_state/{}) cannot be read ({}); tonight makes them again and replaces the file", NAME, why);
            return new Loaded(KeptDriftFits.NONE, Kept.UNREADABLE);
        }
    }

    /**
     * Keeps tonight's fits for the next night, unless they are the ones kept, or tonight replays a night before the
     * kept one (whose fits the next regular night needs). Whether the file was written.
     */
    static boolean keep(Storage storage, Path stateRoot, KeptDriftFits loaded, KeptDriftFits tonight) {
        if (tonight.sameFitsAs(loaded)) return false;
        if (loaded.night() != null && tonight.night().isBefore(loaded.night())) {
            LOG.info("Drift fits: a replay of {} leaves the fits kept from {} as they are", tonight.night(), loaded.night());
            return false;
        }
        try {
            storage.writeBytesAtomically(new Path(stateRoot, NAME), tonight.toBytes());
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("The drift fits could not be kept in _state/{} ({}): check that the state folder is writable and has free space."
                + " Until then every night makes its fits again; the results are the same", NAME, e.getMessage());
            return false;
        }
    }
}

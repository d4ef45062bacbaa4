package dk.gevinst.decision;

import dk.gevinst.stats.DriftPosterior;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Drift fits kept from one night for the next. A fit is a pure function of the complete weeks it was made
 * from, and those change only when a week completes or late data reach a past week, so on most nights every
 * fit is found here instead of integrating the likelihood again (about 40 % of an evaluation's arithmetic).
 * A fit is found only under its exact inputs, so a fit kept from another night, another spec or a replay is
 * never used for anything else.
 *
 * <p>The bytes begin with {@link #FORMAT} and a fingerprint of {@link DriftPosterior}'s arithmetic (fits of
 * fixed series, see {@link #fingerprint}): fits written by a Gevinst that integrates differently are not
 * read, so an upgrade makes them again rather than publish what the old arithmetic gave.
 */
public final class KeptDriftFits {
    /** Raise when the layout below changes. */
    static final int FORMAT = 1;
    private static final int MAGIC = 0x47564446; // "GVDF"
    public static final KeptDriftFits NONE = new KeptDriftFits(Map.of());

    private final Map<DriftFits.Key, DriftPosterior> fits;

    private KeptDriftFits(Map<DriftFits.Key, DriftPosterior> fits) {
        this.fits = fits;
    }

    /** The fits the given evaluations used, each once (equal inputs give equal fits), in the order given. */
    public static KeptDriftFits of(Collection<DriftFits> evaluations) {
        Map<DriftFits.Key, DriftPosterior> all = new LinkedHashMap<>();
        for (DriftFits f : evaluations) f.used().forEach(all::putIfAbsent);
        return new KeptDriftFits(all);
    }

    /** A fresh evaluation's fits, starting from these. */
    public DriftFits forEvaluation() {
        return new DriftFits(fits);
    }

    public int size() {
        return fits.size();
    }

    /** Whether both hold fits for exactly the same inputs (and so the same fits). */
    public boolean sameFitsAs(KeptDriftFits other) {
        return fits.size() == other.fits.size() && fits.keySet().containsAll(other.fits.keySet());
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeLong(Fingerprint.VALUE);
            out.writeInt(fits.size());
            for (Map.Entry<DriftFits.Key, DriftPosterior> e : fits.entrySet()) {
                DriftFits.Key k = e.getKey();
                int weeks = k.y().length, columns = weeks == 0 ? 0 : k.x()[0].length;
                out.writeInt(weeks);
                out.writeInt(columns);
                for (int i = 0; i < weeks; i++) {
                    out.writeDouble(k.y()[i]);
                    out.writeDouble(k.t()[i]);
                    out.writeDouble(k.noise()[i]);
                    for (int c = 0; c < columns; c++) out.writeDouble(k.x()[i][c]);
                }
                e.getValue().writeTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The fits in bytes written by {@link #toBytes}. {@link Stale} when they were written by another format or
     * another arithmetic; an IOException when they are not such bytes at all (truncated, another file).
     */
    public static KeptDriftFits fromBytes(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (bytes.length < 20 || in.readInt() != MAGIC) throw new IOException("not a file of kept drift fits");
        int format = in.readInt();
        long fingerprint = in.readLong();
        if (format != FORMAT || fingerprint != Fingerprint.VALUE) throw new Stale();
        int n = in.readInt();
        if (n < 0) throw new IOException("a negative count of fits: " + n);
        Map<DriftFits.Key, DriftPosterior> fits = new LinkedHashMap<>();
        for (int f = 0; f < n; f++) {
            int weeks = in.readInt(), columns = in.readInt();
            if (weeks < 0 || weeks > bytes.length / 8 || columns < 1 || columns > 2) throw new IOException("fit " + f + ": " + weeks + " weeks, " + columns + " columns");
            double[] y = new double[weeks], t = new double[weeks], noise = new double[weeks];
            double[][] x = new double[weeks][columns];
            for (int i = 0; i < weeks; i++) {
                y[i] = in.readDouble();
                t[i] = in.readDouble();
                noise[i] = in.readDouble();
                for (int c = 0; c < columns; c++) x[i][c] = in.readDouble();
            }
            fits.put(new DriftFits.Key(y, t, noise, x), DriftPosterior.readFrom(in));
        }
        if (in.available() > 0) throw new IOException(in.available() + " bytes after the last fit");
        return new KeptDriftFits(fits);
    }

    /** Fits written by another format or by arithmetic that integrates differently: made again, not read. */
    public static final class Stale extends IOException {
        private static final long serialVersionUID = 1L;

        Stale() {
            super("the kept drift fits were made by another version of Gevinst");
        }
    }

    /**
     * What {@link DriftPosterior} gives on fixed series: one column and two, consecutive weeks and a gap, weak
     * drift and strong. Any change to its arithmetic that changes a fit changes this, and kept fits are then
     * made again, without anyone having to remember to raise a version.
     */
    static long fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int variant = 0; variant < 4; variant++) {
                int weeks = 26;
                double[] y = new double[weeks], t = new double[weeks], noise = new double[weeks];
                double[][] x = new double[weeks][];
                double drift = 0;
                for (int i = 0; i < weeks; i++) {
                    // A fixed wobble (StrictMath: the same inputs on every JVM). The fits themselves use Math, so a JVM
                    // whose Math gives other bits gets another fingerprint and makes its own fits.
                    drift = (variant % 2 == 0 ? 0.3 : 0.9) * drift + StrictMath.sin(1.7 * i + variant);
                    t[i] = i < 10 || variant < 2 ? i : i + 3;
                    y[i] = (variant >= 2 && i >= weeks / 2 ? 1.5 : 0) + drift + 0.5 * StrictMath.cos(2.3 * i);
                    noise[i] = 0.2 + 0.05 * (i % 4);
                    x[i] = variant < 2 ? new double[] {1} : new double[] {1, i >= weeks / 2 ? 1 : 0};
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    DriftPosterior.of(y, x, t, noise).writeTo(out);
                }
                sha.update(bytes.toByteArray());
            }
            byte[] d = sha.digest();
            long v = 0;
            for (int i = 0; i < 8; i++) v = (v << 8) | (d[i] & 0xff);
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Computed once, when fits are first written or read. */
    private static final class Fingerprint {
        static final long VALUE = fingerprint();
    }
}

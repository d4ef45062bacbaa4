package dk.gevinst.decision;

import dk.gevinst.stats.DriftLikelihood;
import dk.gevinst.stats.DriftPosterior;
import dk.gevinst.stats.LeastSquares;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Drift fits kept from one night for the next. A fit is a pure function of the complete weeks it was made
 * from, and those change only when a week completes or late data reach a past week, so on most nights every
 * fit is found here instead of integrating the likelihood again (the larger part of an evaluation's
 * arithmetic; docs/benchmarks.md). A fit is found only under its exact inputs, so a fit kept from another
 * night, another spec or a replay is never used for anything else.
 *
 * <p>The bytes begin with {@link #FORMAT} and a {@link #fingerprint} of the arithmetic, and end with a CRC-32 of
 * everything before it: fits made by other arithmetic are not read (an upgrade makes them again), and a file
 * changed or damaged after it was written is not read either.
 */
public final class KeptDriftFits {
    /** Raise when the layout below changes. */
    static final int FORMAT = 2;
    private static final int MAGIC = 0x47564446; // "GVDF"
    /** Magic, format, fingerprint, night, count; and the CRC-32 at the end. */
    static final int HEADER_BYTES = 4 + 4 + 8 + 8 + 4, TRAILER_BYTES = 8;
    public static final KeptDriftFits NONE = new KeptDriftFits(null, Map.of());

    private final LocalDate night;
    private final Map<DriftFits.Key, DriftPosterior> fits;

    private KeptDriftFits(LocalDate night, Map<DriftFits.Key, DriftPosterior> fits) {
        this.night = night;
        this.fits = fits;
    }

    /** The fits the given evaluations of one night used, each once (equal inputs give equal fits), in the order given. */
    public static KeptDriftFits of(LocalDate night, Collection<DriftFits> evaluations) {
        Map<DriftFits.Key, DriftPosterior> all = new LinkedHashMap<>();
        for (DriftFits f : evaluations) f.used().forEach(all::putIfAbsent);
        return new KeptDriftFits(night, all);
    }

    /** A fresh evaluation's fits, starting from these. */
    public DriftFits forEvaluation() {
        return new DriftFits(fits);
    }

    /** The night whose evaluations used these fits; null for none. */
    public LocalDate night() {
        return night;
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
            out.writeLong(fingerprint());
            out.writeLong(night == null ? Long.MIN_VALUE : night.toEpochDay());
            out.writeInt(fits.size());
            for (Map.Entry<DriftFits.Key, DriftPosterior> e : fits.entrySet()) {
                DriftFits.Key k = e.getKey();
                out.writeInt(k.weeks());
                out.writeInt(k.columns());
                for (int i = 0; i < k.weeks(); i++) {
                    out.writeDouble(k.y(i));
                    out.writeDouble(k.t(i));
                    out.writeDouble(k.noise(i));
                    for (int c = 0; c < k.columns(); c++) out.writeDouble(k.x(i, c));
                }
                e.getValue().writeTo(out);
            }
            out.flush();
            out.writeLong(crc(bytes.toByteArray(), bytes.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The fits in bytes written by {@link #toBytes}. {@link Stale} when they were written by another format or
     * another arithmetic; an IOException saying what is wrong when they are not such bytes at all (cut off,
     * changed, another file).
     */
    public static KeptDriftFits fromBytes(byte[] bytes) throws IOException {
        if (bytes.length < HEADER_BYTES + TRAILER_BYTES || ByteBuffer.wrap(bytes).getInt() != MAGIC) throw new IOException("not a file of kept drift fits");
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - TRAILER_BYTES));
        in.readInt();
        if (in.readInt() != FORMAT) throw new Stale();
        if (ByteBuffer.wrap(bytes, bytes.length - TRAILER_BYTES, TRAILER_BYTES).getLong() != crc(bytes, bytes.length - TRAILER_BYTES)) {
            throw new IOException("its checksum does not match: the file was cut off, changed or damaged after it was written");
        }
        if (in.readLong() != fingerprint()) throw new Stale();
        long day = in.readLong();
        int n = in.readInt();
        if (n < 0) throw new IOException("a negative count of fits: " + n);
        Map<DriftFits.Key, DriftPosterior> fits = new LinkedHashMap<>();
        try {
            for (int f = 0; f < n; f++) {
                int weeks = in.readInt(), columns = in.readInt();
                if (columns < 1 || columns > 2 || weeks < 0 || (long) weeks * (3 + columns) * Double.BYTES > in.available()) {
                    throw new IOException("fit " + f + " says " + weeks + " weeks of " + columns + " columns, more than the file holds");
                }
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
        } catch (EOFException e) {
            throw new IOException("it ends before its last fit", e);
        }
        if (in.available() > 0) throw new IOException(in.available() + " bytes after the last fit");
        return new KeptDriftFits(day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day), fits);
    }

    private static long crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    /** Fits written by another format or by arithmetic that integrates differently: made again, not read. */
    public static final class Stale extends IOException {
        private static final long serialVersionUID = 1L;

        Stale() {
            super("the kept drift fits were made by another version of Gevinst");
        }
    }

    /** How a fit is made: {@link DriftPosterior#of}, or another arithmetic in a test. */
    @FunctionalInterface
    interface Fitter {
        DriftPosterior fit(double[] y, double[][] x, double[] time, double[] noise);
    }

    private static long computed;

    /** The fingerprint of this JVM's arithmetic, computed once (a RuntimeException if a fixed series cannot be fitted). */
    public static synchronized long fingerprint() {
        if (computed == 0) computed = fingerprint(DriftPosterior::of);
        return computed;
    }

    /**
     * A hash of what a fit's bits depend on: {@link DriftPosterior#ARITHMETIC}, the bytes of the classes that
     * make a fit, the libraries they call, the JVM and the processor, and the fits of fixed series. Those series
     * reach the branches a change could hide in: one column and two, consecutive weeks and gaps, weak drift and
     * strong, a series the design fits exactly, and a long one with little noise. Any of these that changes makes
     * every kept fit be made again, without relying on anyone to raise a version alone.
     */
    static long fingerprint(Fitter fitter) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("arithmetic " + DriftPosterior.ARITHMETIC + " java " + Runtime.version() + " " + System.getProperty("os.arch"))
                .getBytes(StandardCharsets.UTF_8));
            for (Class<?> c : List.of(DriftPosterior.class, DriftLikelihood.class, LeastSquares.class)) sha.update(classBytes(c));
            for (Class<?> c : List.of(org.apache.commons.math3.special.Erf.class, org.apache.commons.numbers.gamma.Erfc.class)) {
                CodeSource source = c.getProtectionDomain().getCodeSource();
                String where = source == null || source.getLocation() == null ? c.getName() : source.getLocation().getPath();
                sha.update(where.substring(where.lastIndexOf('/') + 1).getBytes(StandardCharsets.UTF_8));
            }
            for (int variant = 0; variant < 6; variant++) sha.update(fixedFit(fitter, variant));
            byte[] d = sha.digest();
            long v = ByteBuffer.wrap(d).getLong();
            return v == 0 ? 1 : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] classBytes(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            return in == null ? c.getName().getBytes(StandardCharsets.UTF_8) : in.readAllBytes();
        }
    }

    private static byte[] fixedFit(Fitter fitter, int variant) throws IOException {
        int weeks = variant == 5 ? 200 : 26;
        double[] y = new double[weeks], t = new double[weeks], noise = new double[weeks];
        double[][] x = new double[weeks][];
        double drift = 0;
        for (int i = 0; i < weeks; i++) {
            boolean post = i >= weeks / 2;
            // A fixed wobble (StrictMath: the same inputs on every JVM).
            drift = (variant % 2 == 0 ? 0.3 : 0.9) * drift + StrictMath.sin(1.7 * i + variant);
            t[i] = i < 10 || variant < 2 ? i : i + 3;
            x[i] = variant < 2 || variant == 4 ? new double[] {1} : new double[] {1, post ? 1 : 0};
            noise[i] = variant == 5 ? 1e-4 : 0.2 + 0.05 * (i % 4);
            // Variant 4: all zero, which its intercept fits exactly (residual variance 0, not merely tiny: the fallback).
            y[i] = variant == 4 ? 0 : (variant >= 2 && post ? 1.5 : 0) + drift + 0.5 * StrictMath.cos(2.3 * i);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            fitter.fit(y, x, t, noise).writeTo(out);
        }
        return bytes.toByteArray();
    }
}

package dk.gevinst.privacy;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms (HMAC-SHA256), as the EDPB's 2025 guidelines ask for: a plain hash of a CPR number
 * can be reversed by trying all of them, a keyed MAC cannot without the key.
 */
public final class Pseudonymizer implements Serializable {
    private static final long serialVersionUID = 1L;
    /** A fixed key for the committed samples and tests only; the CLI warns whenever it is used. */
    public static final String DEMO_KEY = "gevinst-demo-key-not-for-real-data";

    private final byte[] key;
    private transient Mac mac;

    public Pseudonymizer(byte[] key) {
        if (key.length < 16) throw new IllegalArgumentException("a pseudonym key needs at least 16 bytes; it has " + key.length);
        this.key = key.clone();
    }

    public static Pseudonymizer demo() {
        return new Pseudonymizer(DEMO_KEY.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A stable pseudonym for a person identifier; blank stays null (there is nobody to name). The 128 bits
     * are written with the letters a to p, one per four bits: hex digits would now and then form a ten-digit
     * run shaped like a CPR number, which scanners and data-loss-prevention tools rightly flag.
     */
    public String pseudonym(String raw) {
        if (raw == null || raw.isBlank()) return null;
        return letters("p_", digest(raw.trim().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A keyed token for a CPR number inside an identifier (a case id built from the citizen's number): distinct
     * numbers stay distinct, so cases never merge under one mask, and the number is not recoverable without the key.
     * Separators are dropped first, so 010190-1234 and 0101901234 are one token. Its own prefix keeps it apart from
     * person pseudonyms and file references.
     */
    public String cprToken(String cpr) {
        return letters("c_", digest(("cpr:" + cpr.replaceAll("[- ]", "")).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A stable reference to a file (its path under the data root, or one version of it), used where a raw
     * file name must not go: state folder names, quarantine rows. Keyed like a pseudonym, because file names
     * can hold a CPR number, and separated from person pseudonyms by a prefix so the two never coincide.
     */
    public String fileReference(String pathAndVersion) {
        return letters("f_", digest(("file:" + pathAndVersion).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * What an output folder's state remembers of the key it was written with: a keyed digest of a fixed text, which
     * tells two keys apart and says nothing of either.
     */
    public String keyCheck() {
        return letters("k_", digest("gevinst key check".getBytes(StandardCharsets.UTF_8)));
    }

    private static String letters(String prefix, byte[] digest) {
        StringBuilder b = new StringBuilder(prefix.length() + 32).append(prefix);
        for (int i = 0; i < 16; i++) {
            b.append((char) ('a' + ((digest[i] >> 4) & 0xF))).append((char) ('a' + (digest[i] & 0xF)));
        }
        return b.toString();
    }

    /**
     * One digest at a time: a Mac is not thread-safe, and the driver names several sources' files at once
     * (SparkIngest). Tasks each hold their own copy, so they never wait here for another task.
     */
    private synchronized byte[] digest(byte[] input) {
        return mac().doFinal(input);
    }

    private Mac mac() {
        if (mac == null) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
            }
        }
        return mac;
    }
}

package dk.gevinst.ingest;

import static org.apache.spark.sql.functions.udf;

import com.ibm.icu.lang.UCharacter;
import dk.gevinst.privacy.CprScrubber;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * A JSON key as the contract spells it: byte order marks removed, spaces trimmed, lower case, CPR-shaped text
 * masked. The same few keys come back on every record of an export, so each task normalises a key once and
 * remembers it, instead of running the lower-casing and two regular expressions on every key of every record
 * (6 % of a first night's samples in the profile, docs/benchmarks.md).
 *
 * <p>Trimmed as CSV headers are (Java's {@code trim}: spaces, tabs, line ends and other control characters), and
 * lower-cased as Spark's {@code lower} does, which is ICU's case mapping (called here directly, not Java's
 * {@code toLowerCase}, which differs from it for some letters). JsonKeysTest compares the result with those
 * Spark expressions on awkward keys.
 */
final class JsonKeys implements UDF1<String, String> {
    private static final long serialVersionUID = 1L;
    /** Keys a task remembers; a file whose records invent new keys all the time still works, uncached. */
    private static final int CACHE_SIZE = 10_000;

    private transient Map<String, String> cache;

    private JsonKeys() {}

    /** The expression normalising one key column (used inside {@code transform_keys}). */
    static Column normalised(Column key) {
        return udf(new JsonKeys(), DataTypes.StringType).asNonNullable().apply(key);
    }

    /**
     * One key normalised, without the cache. Lower-cased as Spark's {@code lower} does while
     * {@code spark.sql.icu.caseMappings.enabled} keeps its default, true (JsonKeysTest compares the two, so a Spark
     * upgrade that changes {@code lower} shows there).
     */
    static String normalise(String key) {
        // Trimmed as a CSV header is (FileDialect.normaliseName): tabs and line ends too, not only spaces. A key
        // "reopened<tab>" would otherwise name no column, and its value would be lost without a word.
        UTF8String trimmed = UTF8String.fromString(key.replace("\uFEFF", "").trim());
        // Spark's lower does exactly this (CollationAwareUTF8String.toLowerCase), but its class builds a table of every
        // code point's title case when first used (1.4 s of a task's CPU, docs/benchmarks.md), which lower-casing
        // never reads: so the same two steps here, ASCII first.
        String lower = trimmed.isFullAscii() ? trimmed.toLowerCaseAscii().toString() : UCharacter.toLowerCase(trimmed.toValidString());
        return CprScrubber.mask(lower);
    }

    @Override
    public String call(String key) {
        if (key == null) return null;
        if (cache == null) cache = new HashMap<>();
        String known = cache.get(key);
        if (known != null) return known;
        String normalised = normalise(key);
        if (cache.size() < CACHE_SIZE) cache.put(key, normalised);
        return normalised;
    }
}

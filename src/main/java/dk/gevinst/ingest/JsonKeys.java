package dk.gevinst.ingest;

import static org.apache.spark.sql.functions.udf;

import dk.gevinst.privacy.CprScrubber;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.catalyst.util.CollationSupport;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * A JSON key as the contract spells it: byte order marks removed, spaces trimmed, lower case, CPR-shaped text
 * masked. The same few keys come back on every record of an export, so each task normalises a key once and
 * remembers it, instead of running the lower-casing and two regular expressions on every key of every record
 * (6 % of a first night's samples in the profile, docs/benchmarks.md).
 *
 * <p>The result is the one the Spark expression {@code mask(lower(btrim(regexp_replace(k, "\uFEFF", ""))))}
 * gave before: Spark's {@code btrim} removes only spaces, and Spark's {@code lower} is its ICU case mapping
 * (called here directly, not Java's {@code toLowerCase}, which differs from it for some letters).
 * JsonKeysTest compares the two on awkward keys.
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
     * One key normalised, without the cache. Spark's own ICU lower-casing (an internal class, so a Spark
     * upgrade may need this line changed; JsonKeysTest compares it with Spark's {@code lower}), which is
     * what {@code lower} does while {@code spark.sql.icu.caseMappings.enabled} keeps its default, true.
     */
    static String normalise(String key) {
        UTF8String trimmed = UTF8String.fromString(key.replace("\uFEFF", "")).trim();
        // An ASCII key takes ASCII lower-casing, as Spark's ICU path itself does, but without loading that path:
        // its class builds a table of every code point on first use (1.4 s of a task's CPU, docs/benchmarks.md).
        UTF8String lower = trimmed.isFullAscii() ? trimmed.toLowerCaseAscii() : CollationSupport.Lower.execBinaryICU(trimmed);
        return CprScrubber.mask(lower.toString());
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

package dk.gevinst.privacy;

import static org.apache.spark.sql.functions.udf;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Keyed pseudonyms as a Spark column, as a Java function on purpose (the ingest's other one, JsonKeys, carries no
 * key): an HMAC written with Spark's sha2 would put the key (XOR a constant) into the query plan, and plans end up in
 * event logs and the Spark UI. Here the key travels only inside the serialised function. Person ids repeat
 * (a caseworker has thousands of cases), so each task keeps a small cache of the pseudonyms it made.
 */
public final class PseudonymColumn implements UDF1<String, String> {
    private static final long serialVersionUID = 1L;
    private static final int CACHE_SIZE = 50_000;

    private final Pseudonymizer pseudonymizer;
    private transient Map<String, String> cache;

    private PseudonymColumn(Pseudonymizer pseudonymizer) {
        this.pseudonymizer = pseudonymizer;
    }

    /** The expression giving the pseudonym of a text column; blank stays null. */
    public static Column of(Pseudonymizer pseudonymizer, Column raw) {
        UserDefinedFunction f = udf(new PseudonymColumn(pseudonymizer), DataTypes.StringType);
        return f.apply(raw);
    }

    @Override
    public String call(String raw) {
        if (raw == null) return null;
        if (cache == null) {
            cache = new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > CACHE_SIZE;
                }
            };
        }
        return cache.computeIfAbsent(raw, pseudonymizer::pseudonym);
    }
}

package dk.gevinst.privacy;

import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * Key columns (a case id, a response id) with every CPR number replaced by its keyed token
 * ({@link Pseudonymizer#cprToken}), not by the one mask free text gets: older case systems build case numbers from
 * the citizen's number, and under one mask 'S-010190-1111' and 'S-020290-2222' became one case, the second a
 * superseded version of the first, with nothing said. A Java function for the reason {@link PseudonymColumn} is one:
 * the key must not enter the query plan. Only rows whose value holds a CPR number call it.
 */
public final class CprTokens implements UDF1<String, String> {
    private static final long serialVersionUID = 1L;
    private static final Pattern PATTERN = Pattern.compile(CprScrubber.REGEX);

    private final Pseudonymizer pseudonymizer;

    private CprTokens(Pseudonymizer pseudonymizer) {
        this.pseudonymizer = pseudonymizer;
    }

    public static Column of(Pseudonymizer pseudonymizer, Column raw) {
        return when(raw.rlike(CprScrubber.REGEX), udf(new CprTokens(pseudonymizer), DataTypes.StringType).apply(raw)).otherwise(raw);
    }

    @Override
    public String call(String raw) {
        return raw == null ? null : PATTERN.matcher(raw).replaceAll(m -> pseudonymizer.cprToken(m.group()));
    }
}

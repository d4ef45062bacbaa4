package dk.gevinst.source;

import static org.apache.spark.sql.functions.btrim;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.translate;
import static org.apache.spark.sql.functions.when;

import dk.gevinst.privacy.CprScrubber;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * Contract values parsed as Spark expressions, the way exports write them. Each returns null for "cannot
 * be read", which the ingest turns into {@code bad_value:<column>}. A value must match its whole shape:
 * trailing text after a date is not ignored, and a number is never guessed.
 *
 * <p>Every shape is checked with an anchored regular expression first and only then cast, because Spark's
 * casts are lenient in ways the contract is not ({@code 2026} as a timestamp, {@code 12d} as a number).
 */
public final class ValueColumns {
    /** Plain decimal-point numbers, with an optional exponent. */
    private static final String POINT_NUMBER = "^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$";
    /** Decimal-comma numbers: {@code 12,5}, {@code 1234}, or with points grouping thousands, {@code 1.234,5}. */
    private static final String COMMA_NUMBER = "^[+-]?([0-9]+|[0-9]{1,3}(\\.[0-9]{3})+)(,[0-9]+)?$";
    /** ISO date or date-time, T or a space between; seconds and fraction optional; a zone only after a time. */
    private static final String ISO_LOCAL = "^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?)?$";
    private static final String ISO_ZONED = "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})$";
    private static final String ZONE = "(Z|[+-][0-9]{2}:[0-9]{2})$";
    /** Danish dd-MM-yyyy or dd.MM.yyyy (one separator), optionally with HH:mm[:ss]. */
    private static final String DANISH = "^([0-9]{2})([-.])([0-9]{2})\\2([0-9]{4})( [0-9]{2}:[0-9]{2}(:[0-9]{2})?)?$";
    private static final String SLASHED_DATE = "^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$";
    /**
     * Ended by {@code \z}, not {@code $}, which also matches before a final line end that the trim leaves (U+2028,
     * U+0085). The Kelvin sign is the one non-ASCII letter that lower-cases to an ASCII letter the words hold (k), so
     * {@code falsk} takes it by name: {@code lower} read {@code FALS\u212A} as false. (Under a Turkish default
     * locale a dotted capital I lower-cases to i, which no word holds.)
     */
    private static final String TRUE_WORDS = "(?i)^(true|1|ja|j|yes|y|sand)\\z";
    private static final String FALSE_WORDS = "(?i)^(false|0|nej|n|no|fals[k\u212A])\\z";
    /** What Java's String.trim removes that matters in exports: spaces, tabs, line ends, form feeds. */
    private static final String BLANKS = " \t\r\n\f\u000B";

    private ValueColumns() {}

    /** The raw text trimmed, or null when it is empty: an empty field is a missing value. */
    public static Column present(Column raw) {
        return nullif(btrim(raw, lit(BLANKS)), lit(""));
    }

    public static Column number(Column text, boolean decimalComma) {
        Column parsed = decimalComma
            ? when(text.rlike(COMMA_NUMBER), translate(regexp_replace(text, "\\.", ""), ",", ".").try_cast(DataTypes.DoubleType))
            : when(text.rlike(POINT_NUMBER), text.try_cast(DataTypes.DoubleType));
        double max = Double.MAX_VALUE;
        // NaN and the infinities (1e400) are not numbers anyone exported on purpose.
        return when(parsed.between(-max, max), parsed);
    }

    /** A whole number within the int range; {@code 3.0} counts, {@code 3.5} does not. */
    public static Column integer(Column text, boolean decimalComma) {
        Column n = number(text, decimalComma);
        return when(n.equalTo(org.apache.spark.sql.functions.floor(n)).and(n.between(Integer.MIN_VALUE, Integer.MAX_VALUE)),
            n.cast(DataTypes.IntegerType));
    }

    /** A date-time without zone; with an offset, the wall-clock time is kept. Danish day-first forms are accepted. */
    public static Column timestamp(Column text) {
        Column danish = regexp_replace(text, DANISH, "$4-$3-$1$5");
        Column slashed = regexp_replace(text, SLASHED_DATE, "$3-$2-$1");
        return when(text.rlike(ISO_LOCAL), text.try_cast(DataTypes.TimestampNTZType))
            .when(text.rlike(ISO_ZONED), regexp_replace(text, ZONE, "").try_cast(DataTypes.TimestampNTZType))
            .when(text.rlike(DANISH), danish.try_cast(DataTypes.TimestampNTZType))
            .when(text.rlike(SLASHED_DATE), slashed.try_cast(DataTypes.TimestampNTZType));
    }

    /** A date, written as a date or as a full date-time (whose day is taken). */
    public static Column date(Column text) {
        return to_date(timestamp(text));
    }

    /**
     * Yes and no in either language, in any case. Matched case-insensitively rather than through Spark's
     * {@code lower}, which read the same values: its ICU case mapping builds a table of every code point the first
     * time a JVM calls it (1.4 s of one task's CPU, 1.8 s with C1 only, docs/benchmarks.md).
     */
    public static Column bool(Column text) {
        return when(text.rlike(TRUE_WORDS), lit(true)).when(text.rlike(FALSE_WORDS), lit(false));
    }

    /** The typed value of a contract column from its trimmed text (person ids are handled by the ingest). */
    public static Column parse(ColumnType type, Column text, boolean decimalComma) {
        return switch (type) {
            case TEXT, PERSON -> text;
            case TIMESTAMP -> timestamp(text);
            case DATE -> date(text);
            case NUMBER -> number(text, decimalComma);
            case INTEGER -> integer(text, decimalComma);
            case BOOLEAN -> bool(text);
        };
    }

    /** What an extra column's value that is no number is stored as: that a value was there, not what it said. */
    public static final String NOT_A_NUMBER = "<text>";

    /**
     * An extra column's value as the state keeps it: a number (a decimal comma rewritten with a point), or
     * {@link #NOT_A_NUMBER}. Extra columns are read only by custom indicators, as numbers, and the rest is what
     * exports carry beside the contract: a caseworker's name, a free-text note, a raw id, none of it pseudonymised.
     * Keeping only that a value was there still lets values_not_numbers count the cases an indicator leaves out. A
     * CPR number written as ten digits is a number too: it is masked first, so it is never kept (nor as 1.01901234E8).
     */
    public static Column extraValue(Column text, boolean decimalComma) {
        Column normalised = normaliseNumberText(CprScrubber.mask(text), decimalComma);
        return when(text.isNull(), lit(null).cast(DataTypes.StringType))
            .when(number(normalised, false).isNotNull(), normalised).otherwise(lit(NOT_A_NUMBER));
    }

    /** A decimal-comma number rewritten with a point ({@code 12,5} to {@code 12.5}), other text unchanged. */
    public static Column normaliseNumberText(Column text, boolean decimalComma) {
        if (!decimalComma) return text;
        Column n = number(text, true);
        return when(n.isNotNull(), n.cast(DataTypes.StringType)).otherwise(text);
    }
}

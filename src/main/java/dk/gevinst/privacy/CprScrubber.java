package dk.gevinst.privacy;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;

import java.util.regex.Pattern;
import org.apache.spark.sql.Column;

/**
 * Finds Danish CPR numbers (DDMMYY-SSSS, DDMMYYSSSS or DDMMYY SSSS with a real calendar date) in free text
 * and masks them. The modulus-11 check is not required: numbers issued since 2007 need not satisfy it.
 *
 * <p>The calendar check is written into the regular expression itself, so the same expression masks text on
 * the driver ({@link #mask}) and in Spark ({@link #mask(Column)}), and the two cannot drift apart. Use
 * {@link #mask(String)} for any name or label that comes from outside (headers, file names, JSON keys, unit
 * names in specs) before it is written anywhere.
 */
public final class CprScrubber {
    public static final String MASK = "######-####";
    /** Day and month of a real date; 29 February only in years divisible by four (the century comes from the serial). */
    private static final String DAY_MONTH_YEAR = "(?:"
        + "(?:0[1-9]|1[0-9]|2[0-8])(?:0[1-9]|1[0-2])[0-9]{2}"
        + "|(?:29|30)(?:0[13-9]|1[0-2])[0-9]{2}"
        + "|31(?:0[13578]|1[02])[0-9]{2}"
        + "|2902(?:[02468][048]|[13579][26]))";
    /** A CPR number not glued to other digits, as a Java regular expression (Spark's regexp functions use the same engine). */
    public static final String REGEX = "(?<![0-9])" + DAY_MONTH_YEAR + "[- ]?[0-9]{4}(?![0-9])";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private CprScrubber() {}

    public static boolean containsCpr(String text) {
        return text != null && PATTERN.matcher(text).find();
    }

    /** The text with every CPR number replaced by {@link #MASK}; the same instance when there is none. */
    public static String mask(String text) {
        if (text == null || !containsCpr(text)) return text;
        return PATTERN.matcher(text).replaceAll(MASK);
    }

    /** The Spark expression that masks every CPR number in a text column. */
    public static Column mask(Column text) {
        return regexp_replace(text, lit(REGEX), lit(MASK));
    }
}

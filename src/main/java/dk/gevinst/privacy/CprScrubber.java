package dk.gevinst.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Danish CPR numbers (DDMMYY-SSSS or DDMMYYSSSS with a real calendar date) in free text and masks
 * them. The modulus-11 check is not required: numbers issued since 2007 need not satisfy it.
 */
public final class CprScrubber {
    public static final String MASK = "######-####";
    private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9])([0-3][0-9])([01][0-9])([0-9]{2})[- ]?([0-9]{4})(?![0-9])");

    private CprScrubber() {}

    public static boolean containsCpr(String text) {
        if (text == null) return false;
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) if (validDate(m)) return true;
        return false;
    }

    /** The text with every CPR number replaced by {@link #MASK}; the same instance when there is none. */
    public static String mask(String text) {
        if (text == null) return null;
        Matcher m = CANDIDATE.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            if (!validDate(m)) continue;
            if (out == null) out = new StringBuilder(text.length());
            out.append(text, last, m.start()).append(MASK);
            last = m.end();
        }
        if (out == null) return text;
        return out.append(text, last, text.length()).toString();
    }

    private static boolean validDate(Matcher m) {
        int day = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int year = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12 || day < 1) return false;
        // The century comes from the sequence digit, so any year 00-99 can be real; 29 February needs a
        // year divisible by four (00 included, as 2000 was a leap year).
        int[] days = {31, year % 4 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        return day <= days[month - 1];
    }
}

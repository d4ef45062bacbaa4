package dk.gevinst.text;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The two languages readers get, with their number conventions: 1.234,5 and "kr." in Danish. A number
 * and its unit are joined by a no-break space, so a line never breaks between them, and negative numbers
 * carry the one minus sign (U+2212).
 */
public enum Language {
    DA(Locale.forLanguageTag("da-DK")), EN(Locale.forLanguageTag("en-GB"));

    /** Joins a number to its unit: a line may not break here. */
    public static final String NBSP = "\u00a0";

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public static Language parse(String code) {
        for (Language l : values()) if (l.code().equalsIgnoreCase(code)) return l;
        throw new IllegalArgumentException("unknown locale '" + code + "'; use da or en");
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return locale;
    }

    /** Items as a sentence lists them: "A", "A og B", "A, B og C" (in English "and"). */
    public String list(List<String> items) {
        if (items.size() <= 1) return String.join("", items);
        return String.join(", ", items.subList(0, items.size() - 1)) + (this == DA ? " og " : " and ") + items.get(items.size() - 1);
    }

    public String number(double value, int decimals) {
        if (Double.isNaN(value)) return "–";
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), DecimalFormatSymbols.getInstance(locale));
        String s = f.format(value);
        if (s.startsWith("-") && s.substring(1).chars().allMatch(c -> c == '0' || c == ',' || c == '.')) return s.substring(1);
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    /** A share as a percentage: "13 %" in Danish, "13%" in English. */
    public String percent(double fraction, int decimals) {
        return number(fraction * 100, decimals) + (this == DA ? NBSP + "%" : "%");
    }

    public String dkk(double amount) {
        return this == DA ? number(amount, 0) + NBSP + "kr." : "DKK" + NBSP + number(amount, 0);
    }

    /** A confidence level such as 98.75 for a = 0.0125, without trailing zeros. */
    public String level(double alpha) {
        double pct = (1 - alpha) * 100;
        int decimals = Math.abs(pct - Math.rint(pct)) < 1e-9 ? 0 : Math.abs(pct * 10 - Math.rint(pct * 10)) < 1e-9 ? 1 : 2;
        return number(pct, decimals) + (this == DA ? NBSP + "%" : "%");
    }

    /** A range in words, which reads better than a dash between signed numbers: "8 til 18". */
    public String range(String low, String high) {
        return low + (this == DA ? " til " : " to ") + high;
    }

    /** "6. november 2026" or "6 November 2026", unbreakable: a day as a sentence says it, not as a file name does. */
    public String date(LocalDate day) {
        String pattern = this == DA ? "d. MMMM yyyy" : "d MMMM yyyy";
        return DateTimeFormatter.ofPattern(pattern, locale).format(day).replace(" ", NBSP);
    }

    public String pick(String da, String en) {
        return this == DA ? da : en;
    }
}

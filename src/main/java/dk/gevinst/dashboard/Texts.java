package dk.gevinst.dashboard;

import dk.gevinst.text.DeploymentOptions;
import dk.gevinst.text.Language;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;

/**
 * The dashboard's and the digest's words, from texts_da / texts_en beside this class, and the way numbers,
 * units and dates are written for a reader: a number never breaks from its unit, and a code (a source
 * folder, a deployment option, a quarantine reason) is shown by its name in the reader's language.
 */
public final class Texts {
    private final ResourceBundle bundle;
    private final Language language;

    public Texts(Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle("dk.gevinst.dashboard.texts", language.locale());
    }

    public Language language() {
        return language;
    }

    public String get(String key) {
        return bundle.containsKey(key) ? bundle.getString(key) : key;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** A text with its arguments filled in; arguments are formatted by the caller, so MessageFormat never re-formats a number. */
    public String format(String key, Object... args) {
        return new MessageFormat(get(key).replace("'", "''"), language.locale()).format(args);
    }

    /** The reader's name for a code, e.g. {@code term("source", "cases")}; an unknown code is shown as it is. */
    public String term(String kind, String code) {
        String key = kind + "." + code;
        return has(key) ? get(key) : code;
    }

    /** A deployment option as a label on its own: "Hostet hos leverandør". */
    public String option(String code) {
        String name = DeploymentOptions.name(code, language);
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** A quarantine reason in words: "bad_value:handling_minutes" becomes "Ugyldig værdi i handling_minutes". */
    public String quarantineReason(String code) {
        int colon = code.indexOf(':');
        String kind = colon < 0 ? code : code.substring(0, colon);
        String key = "reason." + kind;
        if (!has(key)) return format("reason.unknown", code);
        return colon < 0 ? get(key) : format(key, code.substring(colon + 1));
    }

    /** What to do about a quarantine reason, or null where there is nothing to do (a duplicate) or it is said already. */
    public String quarantineFix(String code) {
        int colon = code.indexOf(':');
        String key = "fix." + (colon < 0 ? code : code.substring(0, colon));
        return has(key) ? get(key) : null;
    }

    public String number(double value, int decimals) {
        return language.number(value, decimals);
    }

    public String count(long n) {
        return language.number(n, 0);
    }

    /** "52,9 min", "14 %" (Danish) or "14%" (English), "4,4 procentpoint": joined so that no line breaks between them. */
    public String withUnit(String number, String unit) {
        if (unit == null || unit.isEmpty()) return number;
        if ("%".equals(unit) && language == Language.EN) return number + unit;
        return number + Language.NBSP + unit;
    }

    public String percent(double fraction, int decimals) {
        return language.percent(fraction, decimals);
    }

    public String dkk(double amount) {
        return language.dkk(amount);
    }

    /** "4. maj 2026" or "4 May 2026", unbreakable. */
    public String date(LocalDate day) {
        return day == null ? "–" : language.date(day);
    }

    public String date(String isoDay) {
        return isoDay == null || isoDay.isEmpty() ? "–" : date(LocalDate.parse(isoDay));
    }

    /** "30. okt. 2026" or "30 Oct 2026", for table columns. */
    public String shortDate(String isoDay) {
        if (isoDay == null || isoDay.isEmpty()) return "–";
        String pattern = language == Language.DA ? "d. MMM yyyy" : "d MMM yyyy";
        return DateTimeFormatter.ofPattern(pattern, language.locale()).format(LocalDate.parse(isoDay)).replace(" ", Language.NBSP);
    }

    /** "4 til 18 %": a range in words, which reads better than a dash between signed numbers. */
    public String range(String low, String high) {
        return format("range", low, high);
    }
}

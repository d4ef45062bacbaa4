package dk.gevinst.source;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parses contract values the way exports write them. Each method returns null for "cannot parse". */
public final class ValueParser {
    private static final Pattern DECIMAL_COMMA = Pattern.compile("-?[0-9]{1,3}(\\.[0-9]{3})*(,[0-9]+)?|-?[0-9]+(,[0-9]+)?");
    private static final List<DateTimeFormatter> DANISH_DATES = List.of(
        DateTimeFormatter.ofPattern("dd-MM-yyyy"), DateTimeFormatter.ofPattern("dd.MM.yyyy"),
        DateTimeFormatter.ofPattern("d/M/yyyy"));
    private static final List<DateTimeFormatter> DANISH_TIMES = List.of(
        DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm[:ss]"), DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm[:ss]"));

    private ValueParser() {}

    public static Double number(String s, boolean decimalComma) {
        String t = s.trim();
        if (decimalComma && t.indexOf(',') >= 0) {
            if (!DECIMAL_COMMA.matcher(t).matches()) return null;
            t = t.replace(".", "").replace(',', '.');
        }
        try {
            double v = Double.parseDouble(t);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static Integer integer(String s) {
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            Double d = number(s, false);
            return d != null && d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE ? d.intValue() : null;
        }
    }

    public static Boolean bool(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "ja", "j", "yes", "y", "sand" -> Boolean.TRUE;
            case "false", "0", "nej", "n", "no", "falsk" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** ISO dates and timestamps (a zone is dropped, keeping the wall-clock time), or Danish dd-MM-yyyy. */
    public static LocalDateTime timestamp(String s) {
        String t = s.trim();
        if (t.length() == 10 && t.charAt(4) == '-') {
            LocalDate d = date(t);
            return d == null ? null : d.atStartOfDay();
        }
        String iso = t.length() > 10 && t.charAt(10) == ' ' && t.charAt(4) == '-' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
        try {
            return LocalDateTime.parse(iso);
        } catch (DateTimeParseException ignored) {
            // try the other forms
        }
        try {
            return OffsetDateTime.parse(iso).toLocalDateTime();
        } catch (DateTimeParseException ignored) {
            // try the other forms
        }
        for (DateTimeFormatter f : DANISH_TIMES) {
            try {
                return LocalDateTime.parse(t, f);
            } catch (DateTimeParseException ignored) {
                // next
            }
        }
        LocalDate d = date(t);
        return d == null ? null : d.atStartOfDay();
    }

    public static LocalDate date(String s) {
        String t = s.trim();
        try {
            return LocalDate.parse(t.length() > 10 && t.charAt(4) == '-' ? t.substring(0, 10) : t);
        } catch (DateTimeParseException ignored) {
            // try the Danish forms
        }
        for (DateTimeFormatter f : DANISH_DATES) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeParseException ignored) {
                // next
            }
        }
        return null;
    }
}

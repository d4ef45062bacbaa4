package dk.gevinst.dashboard;

import java.util.Locale;

/** A decision badge: a word and a symbol, never colour alone. ERROR stands for a pilot that was not assessed. */
public record Badge(String code, String symbol, String text, boolean large) {
    public static Badge of(Texts t, String decision, boolean large) {
        String d = decision == null || decision.isEmpty() || "null".equals(decision) ? "ERROR" : decision;
        String symbol = switch (d) {
            case "GO" -> "✔";
            case "EXTEND" -> "↻";
            case "STOP" -> "✖";
            default -> "!";
        };
        return new Badge(d, symbol, large ? t.get("decision." + d + ".long") : t.get("decision." + d), large);
    }

    public String css() {
        return "badge badge-" + code.toLowerCase(Locale.ROOT) + (large ? " badge-large" : "");
    }
}

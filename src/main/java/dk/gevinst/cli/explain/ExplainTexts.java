package dk.gevinst.cli.explain;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.text.Language;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The explanation's words (texts_da / texts_en beside this class) and its way of writing numbers. */
final class ExplainTexts {
    private final ResourceBundle bundle;
    private final Language language;

    ExplainTexts(Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle("dk.gevinst.cli.explain.texts", language.locale());
    }

    Language language() {
        return language;
    }

    /** The text for a key; an unknown key (a verdict or role added later) shows as itself rather than failing. */
    String get(String key) {
        return bundle.containsKey(key) ? bundle.getString(key) : key.substring(key.lastIndexOf('.') + 1);
    }

    /** A deployment option in words ("hostet hos leverandør"), not its code ("hosted"). */
    String option(String code) {
        return dk.gevinst.text.DeploymentOptions.name(code, language);
    }

    String format(String key, Object... args) {
        // Texts are written with plain apostrophes; MessageFormat would read one as the start of a quote.
        return new MessageFormat(get(key).replace("'", "''"), language.locale()).format(args);
    }

    /** A number with as many decimals as its size deserves: 1.936.150, 61,6, 0,46. */
    String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "–";
        double a = Math.abs(v);
        return language.number(v, a >= 100 ? 0 : a >= 10 ? 1 : 2);
    }

    /** A published number that may be null. */
    String number(JsonNode n) {
        return n == null || !n.isNumber() ? "–" : number(n.asDouble());
    }

    /** A value in the indicator's unit; shares are fractions and read as percentage points. */
    String inUnit(JsonNode n, String unit) {
        String u = unitName(unit);
        return value(n, unit) + (u.isEmpty() ? "" : "\u00a0" + u);
    }

    /** A level, not a difference: a share reads as a percentage (87.7 %), anything else in its unit. */
    String level(JsonNode n, String unit) {
        if ("share".equals(unit) && n != null && n.isNumber()) return language.percent(n.asDouble(), 1);
        return inUnit(n, unit);
    }

    String interval(JsonNode low, JsonNode high, String unit) {
        String u = unitName(unit);
        return language.range(value(low, unit), value(high, unit)) + (u.isEmpty() ? "" : "\u00a0" + u);
    }

    private String value(JsonNode n, String unit) {
        if (n == null || !n.isNumber()) return "–";
        return number("share".equals(unit) ? n.asDouble() * 100 : n.asDouble());
    }

    private String unitName(String unit) {
        if (unit == null) return "";
        return bundle.containsKey("unit." + unit) ? get("unit." + unit) : unit;
    }

    String dkk(JsonNode n) {
        return n == null || !n.isNumber() ? "–" : language.dkk(n.asDouble());
    }

    String percent(JsonNode fraction) {
        return fraction == null || !fraction.isNumber() ? "–" : language.percent(fraction.asDouble(), 0);
    }

    String confidence(JsonNode alpha) {
        return alpha == null || !alpha.isNumber() ? "" : language.level(alpha.asDouble());
    }
}

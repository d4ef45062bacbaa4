package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one indicator's change is written and drawn, the same way in the table, the chart and the history:
 * <ul>
 * <li>shares (rates) in percentage points, their levels as percentages (7 %, not 0,07);</li>
 * <li>guardrails in their own unit, so the allowed margin is read on the same absolute scale (a rare
 *     event's relative change, −113 % to 112 %, says nothing);</li>
 * <li>other indicators relative to the level without the pilot (−14 %), as the reasons say it: the
 *     published {@code relative_effect} and {@code relative_interval}, never the absolute interval divided
 *     by the level (that is a different interval from the one the reasons print and the verdict used).</li>
 * </ul>
 * A change is always signed: minus is a fall, whichever way is better. Only the published numbers are
 * rescaled; nothing is estimated here.
 */
record ChangeScale(Kind kind, double divisor, String levelUnit, String changeUnit) {
    enum Kind { RELATIVE, POINTS, NATIVE }

    static ChangeScale of(Texts t, JsonNode ind) {
        double counterfactual = ind.path("counterfactual").asDouble(Double.NaN);
        String unit = ind.path("unit").asText("");
        String own = unit.isEmpty() ? "" : t.term("unit", unit);
        if ("share".equals(unit)) return new ChangeScale(Kind.POINTS, 0.01, t.get("unit.percent"), t.get("unit.percentage_points"));
        double cf = Math.abs(counterfactual);
        if ("guardrail".equals(ind.path("role").asText()) || !(cf > 1e-9) || !readsRelative(ind)) return new ChangeScale(Kind.NATIVE, 1, own, own);
        return new ChangeScale(Kind.RELATIVE, cf / 100, own, t.get("unit.percent"));
    }

    /**
     * The published estimate and interval of the change as shown, {estimate, low, high}; null when there is
     * none. On the relative scale these are the published relative ones, in percent.
     */
    static double[] shown(Texts t, JsonNode ind) {
        JsonNode d = ind.path("decision_interval");
        if (!d.path("ci_low").isNumber() || !d.path("ci_high").isNumber() || !ind.path("effect").isNumber()) return null;
        ChangeScale scale = of(t, ind);
        if (scale.kind == Kind.RELATIVE) {
            JsonNode r = ind.path("relative_interval");
            return new double[] {ind.path("relative_effect").asDouble() * 100, r.path("ci_low").asDouble() * 100, r.path("ci_high").asDouble() * 100};
        }
        return new double[] {scale.show(ind.path("effect").asDouble()), scale.show(d.path("ci_low").asDouble()), scale.show(d.path("ci_high").asDouble())};
    }

    /** The indicator is read relatively when it says so and the relative estimate and interval are published. */
    private static boolean readsRelative(JsonNode ind) {
        JsonNode r = ind.path("relative_interval");
        return !"absolute".equals(ind.path("reads").asText()) && ind.path("relative_effect").isNumber()
            && r.path("ci_low").isNumber() && r.path("ci_high").isNumber();
    }

    /** A change in the indicator's own units, as shown. */
    double show(double change) {
        return change / divisor;
    }

    /** Decimals that keep an interval of this size readable: "−19 til −10 %", "−1,14 til 0,12 dage". */
    int decimals(double magnitude) {
        double m = Math.abs(magnitude);
        return switch (kind) {
            case RELATIVE -> m >= 10 ? 0 : 1;
            case POINTS -> 1;
            case NATIVE -> m >= 100 ? 0 : m >= 1 ? 1 : 2;
        };
    }

    /** "−14 %", "+4,4 procentpoint", "−0,53 dage": signed, with its unit. */
    String change(Texts t, double shown, int decimals) {
        String n = t.number(shown, decimals);
        boolean positive = shown > 0 && !n.matches("[0,.]+");
        return t.withUnit(positive ? "+" + n : n, changeUnit);
    }

    /** "61,6 min", "87,7 %": a level in the unit people know. */
    String level(Texts t, double value) {
        if (kind == Kind.POINTS) return t.percent(value, 1);
        double m = Math.abs(value);
        return t.withUnit(t.number(value, m >= 100 ? 0 : m >= 10 ? 1 : 2), levelUnit);
    }

    /** A level value as drawn on a trend chart: shares as percentages. */
    double levelForChart(double value) {
        return kind == Kind.POINTS ? value * 100 : value;
    }
}

package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The scale of an indicator's weekly gap, its placebo estimates and its pre-trend check: the indicator's own
 * unit (minutes, days), shares in percentage points. Unlike the effects table these are never put relative
 * to a level without the pilot: a placebo team's change has no such level of its own, and a week's gap is
 * a difference of levels. For a pilot without controls (prepost) the weekly series is the pilot's own
 * level, so it is drawn as a level (shares as percentages). Only published numbers are rescaled.
 */
record GapScale(ChangeScale scale, boolean level, String unit) {

    static GapScale of(Texts t, JsonNode ind) {
        ChangeScale own = ChangeScale.of(t, ind);
        if (own.kind() != ChangeScale.Kind.POINTS) {
            String u = ind.path("unit").asText("");
            String name = u.isEmpty() ? "" : t.term("unit", u);
            own = new ChangeScale(ChangeScale.Kind.NATIVE, 1, name, name);
        }
        boolean level = "prepost".equals(ind.path("design").asText());
        return new GapScale(own, level, level ? own.levelUnit() : own.changeUnit());
    }

    /** A published value (a gap, a placebo estimate, an interval end) as drawn and written. */
    double show(double value) {
        return scale.show(value);
    }

    int decimals(double magnitude) {
        return scale.decimals(magnitude);
    }

    /** "−1,3 min", "+0,8 procentpoint": a signed change with its unit. */
    String change(Texts t, double value, int decimals) {
        return scale.change(t, show(value), decimals);
    }

    /** "−10,5 til 8,0 min". */
    String range(Texts t, double low, double high, int decimals) {
        return t.range(t.number(show(low), decimals), t.withUnit(t.number(show(high), decimals), unit));
    }
}

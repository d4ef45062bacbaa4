package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The business case per deployment option, with each option named in the reader's language.
 *
 * @param costsUnknown the note that the costs source has no row for the pilot, so every option costs 0 kr. (a copied spec
 *                     under a new id showed a positive NPV for nothing); null when its costs are known
 */
public record BusinessView(String hours, String best, List<OptionRow> options, String costsUnknown) {
    public record OptionRow(String name, String oneOff, String yearly, String npv, String range, String payback) {}

    /** Null when the spec has no business case. */
    static BusinessView of(Texts t, JsonNode doc) {
        JsonNode bc = doc.path("business_case");
        if (!bc.isObject()) return null;
        List<OptionRow> rows = new ArrayList<>();
        for (JsonNode o : bc.path("options")) {
            JsonNode payback = o.path("payback_years");
            rows.add(new OptionRow(t.option(o.path("option").asText()), dkk(t, o.path("one_off_dkk")), dkk(t, o.path("yearly_dkk")),
                dkk(t, o.path("npv_dkk")), t.range(dkk(t, o.path("npv_low_dkk")), dkk(t, o.path("npv_high_dkk"))),
                payback.isNumber() ? t.format("payback.years", t.number(payback.asDouble(), 1)) : t.get("payback.never")));
        }
        String hours = t.format("business.hours", t.count(Math.round(bc.path("hours_saved_per_year").asDouble(0))));
        String unknown = bc.path("costs_known").asBoolean(true) ? null : t.get("business.costs_unknown");
        return new BusinessView(hours, t.option(bc.path("best_option").asText()), rows, unknown);
    }

    private static String dkk(Texts t, JsonNode amount) {
        return amount.isNumber() ? t.dkk(amount.asDouble()) : "–";
    }
}

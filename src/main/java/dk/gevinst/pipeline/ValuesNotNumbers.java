package dk.gevinst.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.cells.Unobserved;
import dk.gevinst.config.PilotIndicator;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.privacy.CprScrubber;
import dk.gevinst.publish.HealthFlag;
import dk.gevinst.publish.Json;
import dk.gevinst.text.Language;
import java.util.ArrayList;
import java.util.List;

/**
 * The health warning {@code values_not_numbers}: cases of the pilot's units and periods that a custom indicator
 * ({@code column:} in a spec, an extra column of the case exports) leaves out, because their value there is not a
 * number or is a number beyond ±10,000,000. The counts come from the cells the indicator itself is summed from
 * (the latest version of each decided case; see Unobserved), so a value corrected in a later version is no longer
 * counted. A warning, not an error: the indicator stands on the other cases, but these need not be missing at random
 * (a team that writes "ukendt" for its hardest cases).
 */
final class ValuesNotNumbers {
    private ValuesNotNumbers() {}

    /** One indicator's cases left out, with the indicator's names as the pilot's page shows them. */
    record LeftOut(Unobserved cases, String labelDa, String labelEn) {}

    static List<LeftOut> named(PilotSpec spec, List<Unobserved> unobserved) {
        List<LeftOut> out = new ArrayList<>();
        for (Unobserved u : unobserved) {
            PilotIndicator i = spec.indicators().stream().filter(x -> x.id().equals(u.indicatorId())).findFirst().orElse(null);
            out.add(i == null ? new LeftOut(u, u.indicatorId(), u.indicatorId())
                : new LeftOut(u, i.definition().label("da"), i.definition().label("en")));
        }
        return out;
    }

    static List<HealthFlag> flags(List<LeftOut> leftOut) {
        return leftOut.stream().map(ValuesNotNumbers::flag).toList();
    }

    /** Names the indicator, the column, how many of each kind, where they are (units and days) and the fix for each kind. */
    static HealthFlag flag(LeftOut named) {
        Unobserved u = named.cases();
        long text = u.notNumberCount(), beyond = u.outOfRangeCount(), cases = text + beyond;
        String column = u.column(), indicator = u.indicatorId();
        List<String> whereDa = new ArrayList<>(), whereEn = new ArrayList<>();
        ObjectNode details = Json.MAPPER.createObjectNode().put("column", column).put("indicator", indicator)
            .put("not_numbers", text).put("out_of_range", beyond);
        ObjectNode perUnit = details.putObject("units"), perUnitDays = details.putObject("days");
        u.days().forEach((unit, days) -> {
            String shown = CprScrubber.mask(unit);
            long n = u.notNumbers().getOrDefault(unit, 0L) + u.outOfRange().getOrDefault(unit, 0L);
            String from = days.get(0).toString(), to = days.get(1).toString();
            boolean oneDay = from.equals(to);
            String fromDa = Language.DA.date(days.get(0)), toDa = Language.DA.date(days.get(1));
            String fromEn = Language.EN.date(days.get(0)), toEn = Language.EN.date(days.get(1));
            whereDa.add(shown + " (" + n + ", afgjort " + (oneDay ? fromDa : fromDa + " til " + toDa) + ")");
            whereEn.add(shown + " (" + n + ", decided " + (oneDay ? "on " + fromEn : fromEn + " to " + toEn) + ")");
            perUnit.put(shown, n);
            perUnitDays.putArray(shown).add(from).add(to);
        });
        List<String> kindsDa = new ArrayList<>(), kindsEn = new ArrayList<>(), fixDa = new ArrayList<>(), fixEn = new ArrayList<>();
        if (text > 0) {
            kindsDa.add(text + (text == 1 ? " har en værdi, der ikke er et tal" : " har værdier, der ikke er tal"));
            kindsEn.add(text + (text == 1 ? " has a value that is not a number" : " have values that are not numbers"));
            fixDa.add("skriv kolonnen som tal med samme decimaltegn som filens øvrige tal (punktum i kommaseparerede filer og i JSON)");
            fixEn.add("write the column as numbers with the same decimal mark as the file's other numbers (a point in comma-separated files and in JSON)");
        }
        if (beyond > 0) {
            kindsDa.add(beyond + (beyond == 1 ? " har et tal" : " har tal") + " uden for ±10.000.000");
            kindsEn.add(beyond + (beyond == 1 ? " has a number" : " have numbers") + " beyond ±10,000,000");
            fixDa.add("brug en større enhed, så værdierne ligger inden for ±10.000.000");
            fixEn.add("use a larger unit, so that the values lie within ±10,000,000");
        }
        return new HealthFlag(HealthTexts.VALUES_NOT_NUMBERS, HealthFlag.Severity.WARNING,
            (cases == 1 ? "En sag" : cases + " sager") + " i evalueringens perioder indgår ikke i " + named.labelDa() + ", fordi kolonnen '" + column
                + "' ikke giver et brugbart tal: " + String.join(", og ", kindsDa) + ". " + (cases == 1 ? "Den" : "De") + " er fra "
                + Language.DA.list(whereDa) + ". Ret: " + String.join("; ", fixDa) + ". Lever derefter sagerne igen; en ændret fil læses den følgende nat.",
            (cases == 1 ? "One case" : cases + " cases") + " in the evaluation's periods " + (cases == 1 ? "is" : "are") + " left out of " + named.labelEn()
                + ", because column '" + column + "' gives no usable number: " + String.join(", and ", kindsEn) + ". " + (cases == 1 ? "It is" : "They are")
                + " from " + Language.EN.list(whereEn) + ". Fix: " + String.join("; ", fixEn)
                + ". Then deliver the cases again; a changed file is read the following night.",
            details);
    }
}

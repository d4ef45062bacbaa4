package dk.gevinst.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.cells.Unobserved;
import dk.gevinst.privacy.CprScrubber;
import dk.gevinst.publish.HealthFlag;
import dk.gevinst.publish.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

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

    static List<HealthFlag> flags(List<Unobserved> unobserved) {
        return unobserved.stream().map(ValuesNotNumbers::flag).toList();
    }

    /** Names the indicator, the column, how many of each kind per unit, and the fix for each kind. */
    static HealthFlag flag(Unobserved u) {
        long text = u.notNumberCount(), beyond = u.outOfRangeCount();
        Map<String, Long> byUnit = new TreeMap<>();
        u.notNumbers().forEach((unit, n) -> byUnit.merge(CprScrubber.mask(unit), n, Long::sum));
        u.outOfRange().forEach((unit, n) -> byUnit.merge(CprScrubber.mask(unit), n, Long::sum));
        String units = String.join(", ", new TreeSet<>(byUnit.keySet()));
        String column = u.column(), indicator = u.indicatorId();
        long cases = text + beyond;

        List<String> kindsDa = new ArrayList<>(), kindsEn = new ArrayList<>(), fixDa = new ArrayList<>(), fixEn = new ArrayList<>();
        if (text > 0) {
            kindsDa.add(text + (text == 1 ? " har en værdi, der ikke er et tal" : " har værdier, der ikke er tal"));
            kindsEn.add(text + (text == 1 ? " has a value that is not a number" : " have values that are not numbers"));
            fixDa.add("eksportér kolonnen som tal med decimalpunktum (decimalkomma læses kun i filer med semikolon som skilletegn)");
            fixEn.add("export the column as numbers with a decimal point (a decimal comma is read only in semicolon-separated files)");
        }
        if (beyond > 0) {
            kindsDa.add(beyond + (beyond == 1 ? " har et tal" : " har tal") + " uden for ±10.000.000");
            kindsEn.add(beyond + (beyond == 1 ? " has a number" : " have numbers") + " beyond ±10,000,000");
            fixDa.add("brug en større enhed, så værdierne ligger inden for ±10.000.000");
            fixEn.add("use a larger unit, so that the values lie within ±10,000,000");
        }
        ObjectNode details = Json.MAPPER.createObjectNode().put("column", column).put("indicator", indicator)
            .put("not_numbers", text).put("out_of_range", beyond);
        ObjectNode perUnit = details.putObject("units");
        byUnit.forEach(perUnit::put);
        return new HealthFlag(HealthTexts.VALUES_NOT_NUMBERS, HealthFlag.Severity.WARNING,
            (cases == 1 ? "En sag" : cases + " sager") + " fra " + units + " i evalueringens perioder indgår ikke i " + indicator
                + ", fordi kolonnen '" + column + "' ikke giver et brugbart tal: " + String.join(", og ", kindsDa) + ". Ret: "
                + String.join("; ", fixDa) + ". Lever derefter sagerne igen; en ændret fil læses den følgende nat.",
            (cases == 1 ? "One case" : cases + " cases") + " from " + units + " in the evaluation's periods " + (cases == 1 ? "is" : "are")
                + " left out of " + indicator + ", because column '" + column + "' gives no usable number: " + String.join(", and ", kindsEn)
                + ". Fix: " + String.join("; ", fixEn) + ". Then deliver the cases again; a changed file is read the following night.",
            details);
    }
}

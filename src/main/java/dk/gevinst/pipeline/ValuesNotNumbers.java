package dk.gevinst.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.config.PilotIndicator;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.indicator.Measure;
import dk.gevinst.ingest.FileLedger;
import dk.gevinst.publish.HealthFlag;
import dk.gevinst.publish.Json;
import dk.gevinst.source.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Values of a custom indicator's column (`column:` in a spec, an extra column of the case exports) that are not
 * a number within ±10,000,000: a case gives that indicator an observation only when its value is such a number,
 * so these cases are left out of it. Counted per file at ingest (FileLedger.Entry#notNumbers, accepted rows of
 * every version known tonight); this puts them on the pilot whose indicator reads the column, as a warning
 * naming the column, the indicators, how many values and the files, and the fix.
 *
 * @param column the case column
 * @param indicators the pilot's indicators that read it
 * @param values the values that are no such number, in the known files
 * @param files those values per file (display paths)
 */
record ValuesNotNumbers(String column, List<String> indicators, long values, Map<String, Long> files) {
    ValuesNotNumbers {
        indicators = List.copyOf(indicators);
        files = new TreeMap<>(files);
    }

    /** One per column a custom indicator of the pilot reads that has such values in the files known tonight. */
    static List<ValuesNotNumbers> of(PilotSpec spec, List<FileLedger.Entry> known) {
        if (spec == null) return List.of();
        Map<String, TreeSet<String>> readers = new TreeMap<>();
        for (PilotIndicator i : spec.indicators()) {
            Measure m = i.definition().measure();
            boolean extraColumn = m.kind() == Measure.Kind.COLUMN && Source.CASES.indexOf(m.argument()) < 0;
            if (i.definition().source() == Source.CASES && extraColumn) readers.computeIfAbsent(m.argument(), k -> new TreeSet<>()).add(i.id());
        }
        List<ValuesNotNumbers> out = new ArrayList<>();
        readers.forEach((column, indicators) -> {
            Map<String, Long> files = new TreeMap<>();
            long values = 0;
            for (FileLedger.Entry e : known) {
                if (!e.source().equals(Source.CASES.folder()) || e.notNumbers() == null) continue;
                long n = e.notNumbers().getOrDefault(column, 0L);
                if (n == 0) continue;
                files.merge(e.display(), n, Long::sum);
                values += n;
            }
            if (values > 0) out.add(new ValuesNotNumbers(column, List.copyOf(indicators), values, files));
        });
        return out;
    }

    /**
     * A warning, not an error: the indicator stands on the cases whose value is a number, but the others are
     * missing from it, and they need not be missing at random (a team that writes "ukendt" for its slowest cases).
     */
    HealthFlag flag() {
        String names = String.join(", ", indicators);
        List<String> shown = new ArrayList<>(files.keySet()).subList(0, Math.min(3, files.size()));
        String moreDa = files.size() > 3 ? " og " + (files.size() - 3) + " filer mere" : "";
        String moreEn = files.size() > 3 ? " and " + (files.size() - 3) + " more files" : "";
        boolean one = values == 1;
        ObjectNode details = Json.MAPPER.createObjectNode().put("column", column).put("values", values);
        ArrayNode readers = details.putArray("indicators");
        indicators.forEach(readers::add);
        ArrayNode list = details.putArray("files");
        files.forEach((f, n) -> list.addObject().put("source", Source.CASES.folder()).put("path", f)
            .put("message", n + (n == 1 ? " value" : " values") + " of column '" + column + "' " + (n == 1 ? "is" : "are")
                + " not a number within ±10,000,000"));
        return new HealthFlag(HealthTexts.VALUES_NOT_NUMBERS, HealthFlag.Severity.WARNING,
            (one ? "En værdi" : values + " værdier") + " i kolonnen '" + column + "' i sagerne (" + String.join(", ", shown) + moreDa + ") "
                + " er ikke et tal mellem −10.000.000 og 10.000.000, så " + (one ? "sagen" : "de sager") + " indgår ikke i " + names
                + ". Ret: eksportér kolonnen som tal (decimalkomma eller -punktum, uden enhed), og lever filerne igen; en ændret fil læses den følgende nat.",
            (one ? "A value" : values + " values") + " of column '" + column + "' in the cases (" + String.join(", ", shown) + moreEn + ") "
                + (one ? "is" : "are") + " not a number between −10,000,000 and 10,000,000, so " + (one ? "that case is" : "those cases are")
                + " left out of " + names + ". Fix: export the column as numbers (a decimal comma or point, no unit), and deliver the files again; "
                + "a changed file is read the following night.",
            details);
    }
}

package dk.gevinst.ingest;

import dk.gevinst.config.PilotIndicator;
import dk.gevinst.config.PilotSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An indicator whose column is absent from a file gets nothing from that file, silently unless said: this
 * names, per file, the columns pilots' indicators need that the file lacks, and which indicators they feed. A pilot
 * none of whose units the file's rows name gets nothing from it anyway, and is not named.
 */
public final class IndicatorColumns {
    private IndicatorColumns() {}

    /**
     * A file's columns as its header (or first JSON object, or Parquet footer) named them, and the units its accepted
     * rows name (null or empty when not known: a file not yet read, a ledger written before units were kept, or a
     * file with no accepted row, which is the likeliest broken export and is named for every pilot).
     */
    public record FileColumns(String source, String path, List<String> columns, Set<String> units) {
        public FileColumns(String source, String path, List<String> columns) {
            this(source, path, columns, null);
        }
    }

    /** One file that lacks a column one pilot's indicator reads. */
    public record Absent(String source, String path, String column, String pilot, String indicator) {}

    /** Per file, as one line each for validate and the run manifest. */
    public static List<FileProblem> absent(List<FileColumns> files, List<PilotSpec> pilots) {
        Map<List<String>, TreeSet<String>> users = new LinkedHashMap<>();
        for (Absent a : absentByPilot(files, pilots)) {
            users.computeIfAbsent(List.of(a.source(), a.path(), a.column()), k -> new TreeSet<>()).add(a.indicator() + " (" + a.pilot() + ")");
        }
        List<FileProblem> out = new ArrayList<>();
        users.forEach((key, indicators) -> out.add(new FileProblem(key.get(0), key.get(1), "has no column '" + key.get(2)
            + "', so its rows give nothing to " + String.join(", ", indicators))));
        return out;
    }

    /** Per file, column and pilot, for each pilot's health. */
    public static List<Absent> absentByPilot(List<FileColumns> files, List<PilotSpec> pilots) {
        List<Absent> out = new ArrayList<>();
        for (FileColumns f : files) {
            for (PilotSpec p : pilots) {
                if (f.units() != null && !f.units().isEmpty() && p.pilotUnits().stream().noneMatch(f.units()::contains)
                    && p.controlUnits().stream().noneMatch(f.units()::contains)) continue;
                for (PilotIndicator i : p.indicators()) {
                    if (!i.definition().source().folder().equals(f.source())) continue;
                    for (String column : i.definition().measure().optionalColumns()) {
                        if (!f.columns().contains(column)) out.add(new Absent(f.source(), f.path(), column, p.id(), i.id()));
                    }
                }
            }
        }
        return out;
    }

    /** The columns of the files known tonight, from the ledger. */
    public static List<FileColumns> of(List<FileLedger.Entry> known) {
        return known.stream().filter(e -> e.columns() != null)
            .map(e -> new FileColumns(e.source(), e.display(), e.columns(), e.units() == null ? null : e.units().keySet())).toList();
    }
}

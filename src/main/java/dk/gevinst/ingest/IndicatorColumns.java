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

    public static List<FileProblem> absent(List<FileColumns> files, List<PilotSpec> pilots) {
        List<FileProblem> out = new ArrayList<>();
        for (FileColumns f : files) {
            Map<String, TreeSet<String>> users = new LinkedHashMap<>();
            for (PilotSpec p : pilots) {
                if (f.units() != null && !f.units().isEmpty() && p.pilotUnits().stream().noneMatch(f.units()::contains)
                    && p.controlUnits().stream().noneMatch(f.units()::contains)) continue;
                for (PilotIndicator i : p.indicators()) {
                    if (!i.definition().source().folder().equals(f.source())) continue;
                    for (String column : i.definition().measure().optionalColumns()) {
                        if (!f.columns().contains(column)) users.computeIfAbsent(column, k -> new TreeSet<>()).add(i.id() + " (" + p.id() + ")");
                    }
                }
            }
            users.forEach((column, indicators) -> out.add(new FileProblem(f.source(), f.path(), "has no column '" + column
                + "', so its rows give nothing to " + String.join(", ", indicators))));
        }
        return out;
    }

    /** The columns of the files known tonight, from the ledger. */
    public static List<FileColumns> of(List<FileLedger.Entry> known) {
        return known.stream().filter(e -> e.columns() != null)
            .map(e -> new FileColumns(e.source(), e.display(), e.columns(), e.units() == null ? null : e.units().keySet())).toList();
    }
}

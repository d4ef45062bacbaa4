package dk.gevinst.ingest;

import dk.gevinst.config.PilotIndicator;
import dk.gevinst.config.PilotSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An indicator whose column is absent from a file gets nothing from that file, silently unless said: this
 * names, per file, the columns pilots' indicators need that the file lacks, and which indicators they feed.
 */
public final class IndicatorColumns {
    private IndicatorColumns() {}

    /** A file's columns as its header (or first JSON object, or Parquet footer) named them. */
    public record FileColumns(String source, String path, List<String> columns) {}

    public static List<FileProblem> absent(List<FileColumns> files, List<PilotSpec> pilots) {
        List<FileProblem> out = new ArrayList<>();
        for (FileColumns f : files) {
            Map<String, TreeSet<String>> users = new LinkedHashMap<>();
            for (PilotSpec p : pilots) {
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
        return known.stream().filter(e -> e.columns() != null).map(e -> new FileColumns(e.source(), e.display(), e.columns())).toList();
    }
}

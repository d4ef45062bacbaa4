package dk.gevinst.ingest;

import dk.gevinst.source.ContractColumn;
import dk.gevinst.source.Source;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * A column the contract does not know, spelled close to one it does, is most likely a typo that silently
 * drops an optional column (handling_minuts for handling_minutes). Such names are warned about with a
 * suggestion; they do not stop the file, since an unknown column may be meant (cases keep extra columns).
 */
public final class ColumnTypos {
    private ColumnTypos() {}

    /** An unknown column, the contract column it is most likely meant to be, and what happens until it is renamed. */
    public record Typo(Source source, String column, String suggestion) {
        /** The warning in English, as validate, the run manifest and the ledger say it. */
        public String en() {
            return "column '" + column + "' is not in the contract; did you mean '" + suggestion + "'? Until it is renamed, "
                + (source.keepsExtraColumns() ? "it is kept as an extra column and '" + suggestion + "' is empty"
                    : "it is ignored and '" + suggestion + "' is empty") + " for this file";
        }
    }

    /** The likely typos of a file with these (normalised) columns, in column order. */
    public static List<Typo> find(Source source, Collection<String> columns) {
        List<Typo> out = new ArrayList<>();
        for (String name : columns) {
            if (name.isEmpty() || source.indexOf(name) >= 0) continue;
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (ContractColumn c : source.columns()) {
                if (columns.contains(c.name())) continue;
                int limit = Math.max(1, Math.min(2, c.name().length() / 4));
                Integer d = new LevenshteinDistance(limit).apply(name, c.name());
                if (d >= 0 && d < bestDistance) {
                    best = c.name();
                    bestDistance = d;
                }
            }
            if (best != null) out.add(new Typo(source, name, best));
        }
        return out;
    }

    /** The warnings for a file with these columns, in English (see {@link Typo#en}). */
    public static List<String> warnings(Source source, Collection<String> columns) {
        return find(source, columns).stream().map(Typo::en).toList();
    }

    /**
     * One likely typo and the files (display paths) that have it, with the units each file's rows name where the
     * ledger knows them (a file without an entry in {@code units}: not known, as in ledgers written before units).
     */
    public record InFiles(Typo typo, List<String> files, Map<String, Set<String>> units) {
        public InFiles {
            files = List.copyOf(files);
            units = Map.copyOf(units);
        }

        public InFiles(Typo typo, List<String> files) {
            this(typo, files, Map.of());
        }

        /**
         * The typo in the files that can hold rows of these units: a file whose accepted rows name none of them is
         * another team's export, and its typo says nothing about this pilot's data. Null when no such file is left.
         */
        public InFiles about(Collection<String> pilotUnits) {
            List<String> mine = files.stream().filter(f -> !units.containsKey(f) || units.get(f).isEmpty() || units.get(f).stream().anyMatch(pilotUnits::contains)).toList();
            if (mine.isEmpty()) return null;
            return mine.size() == files.size() ? this : new InFiles(typo, mine, units);
        }
    }

    /**
     * The likely typos of the files a night knows (its ledger entries), each once with every file that has
     * it: nightly exports from one system repeat the same header, and a reader needs the typo, not the count.
     */
    public static List<InFiles> ofKnownFiles(List<FileLedger.Entry> known) {
        Map<Typo, List<String>> files = new LinkedHashMap<>();
        Map<String, Set<String>> units = new HashMap<>();
        for (FileLedger.Entry e : known) {
            if (e.columns() == null) continue;
            Source source = Source.byFolder(e.source()).orElse(null);
            if (source == null) continue;
            for (Typo t : find(source, e.columns())) files.computeIfAbsent(t, k -> new ArrayList<>()).add(e.display());
            if (e.units() != null) units.put(e.display(), Set.copyOf(e.units().keySet()));
        }
        return files.entrySet().stream().map(x -> new InFiles(x.getKey(), x.getValue(), units)).toList();
    }
}

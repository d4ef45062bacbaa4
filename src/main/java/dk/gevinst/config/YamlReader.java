package dk.gevinst.config;

import dk.gevinst.text.NearestName;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Walks a YAML document as composed nodes, which keep their line and column, and gathers every problem
 * instead of stopping at the first. Composing builds no Java objects from tags, so a hostile document
 * cannot construct types; size, depth and aliases are bounded.
 */
public final class YamlReader {
    public static final int MAX_CHARS = 256 * 1024;
    /** Four-digit years only: ISO also reads "+10000-01-01", which no pilot or night can mean. */
    public static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern PERCENT = Pattern.compile("\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*%\\s*");

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    public YamlReader(String file) {
        this.file = file;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The document's root mapping, or null with a problem recorded. */
    public MappingNode parseRoot(String text) {
        if (text.length() > MAX_CHARS) {
            problems.add(new Problem(file, 1, 1, "file is " + text.length() + " characters; the limit is " + MAX_CHARS,
                "filen har " + text.length() + " tegn; grænsen er " + MAX_CHARS));
            return null;
        }
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CHARS);
        options.setNestingDepthLimit(20);
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        try {
            DumperOptions unused = new DumperOptions();
            Node root = new Yaml(new SafeConstructor(options), new Representer(unused), unused, options)
                .compose(new StringReader(text));
            if (root == null) {
                problems.add(new Problem(file, 1, 1, "the file is empty; expected a mapping of keys", "filen er tom; der ventes nøgler med værdier"));
                return null;
            }
            if (!(root instanceof MappingNode m)) {
                error(root, "expected a mapping of keys at the top level", "øverste niveau skal være nøgler med værdier");
                return null;
            }
            return m;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 1 : mark.getLine() + 1;
            int col = mark == null ? 1 : mark.getColumn() + 1;
            // The parser's own words are English; the location is what a reader needs, so Danish says what to look for.
            problems.add(new Problem(file, line, col, "not valid YAML: " + e.getProblem(),
                "ikke gyldig YAML her; tjek parenteser, anførselstegn, kolon og indrykning"));
            return null;
        } catch (RuntimeException e) {
            problems.add(new Problem(file, 1, 1, "not valid YAML: " + e.getMessage(), "ikke gyldig YAML (" + e.getMessage() + ")"));
            return null;
        }
    }

    /** A problem read at the terminal only (the run config, the catalog): English. */
    public void error(Node at, String message) {
        error(at, message, null);
    }

    /** A pilot spec's problem, in English and Danish: a Danish page shows it. */
    public void error(Node at, String message, String messageDa) {
        problems.add(new Problem(file, at.getStartMark().getLine() + 1, at.getStartMark().getColumn() + 1, message, messageDa));
    }

    /**
     * Where a problem is, in Danish. Callers name places by their keys ("decision.alpha", "indicator 'x' mde"),
     * which stay as written in the file; only the few English words that join them are put in Danish.
     */
    public static String da(String what) {
        return what.replace("each entry of ", "hver post i ").replace(" of candidate '", " for kandidat '").replace("indicator '", "indikator '")
            .replace("candidate '", "kandidat '").replace("' option '", "' mulighed '").replace("the pilot spec", "pilotspecifikationen")
            .replace(" (candidate ids)", " (kandidaternes id)").replace(" (a number or \"N%\")", " (et tal eller \"N%\")");
    }

    /**
     * The mapping's entries by key, in order. Duplicate keys and keys outside {@code allowed} are problems;
     * an unknown key names the keys that are allowed, because that is the fix, and first the one it most likely
     * means when one is close (see {@link #meant}).
     */
    public Map<String, Node> entries(MappingNode map, Set<String> allowed, String where) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            Node keyNode = t.getKeyNode();
            if (!(keyNode instanceof ScalarNode k)) {
                error(keyNode, "keys must be plain names in " + where, "nøgler skal være enkle navne i " + da(where));
                continue;
            }
            String key = k.getValue();
            if (out.containsKey(key)) {
                error(keyNode, "duplicate key '" + key + "' in " + where, "nøglen '" + key + "' står to gange i " + da(where));
            } else if (allowed != null && !allowed.contains(key)) {
                String meant = meant(key, allowed);
                error(keyNode, "unknown key '" + key + "' in " + where + (meant == null ? "" : "; did you mean '" + meant + "'?")
                        + "; allowed: " + String.join(", ", allowed),
                    "ukendt nøgle '" + key + "' i " + da(where) + (meant == null ? "" : "; mente I '" + meant + "'?")
                        + "; tilladt: " + String.join(", ", allowed));
            } else {
                out.put(key, t.getValueNode());
            }
        }
        return out;
    }

    /**
     * The allowed key a misspelt one most likely means: within one edit for a key of up to four letters, two
     * up to seven, three beyond ("titel", "baselin_start", "Owner"); else null, so a foreign key ("colour")
     * is not matched to some short key by chance.
     */
    static String meant(String key, Set<String> allowed) {
        return NearestName.of(key, allowed, Math.max(1, Math.min(3, (key.length() + 1) / 3)));
    }

    /** The key node of a mapping's entry, so a problem with the entry as a whole is reported where its key is written. */
    public static Node keyNode(MappingNode map, String key) {
        return map.getValue().stream().map(NodeTuple::getKeyNode)
            .filter(k -> k instanceof ScalarNode s && s.getValue().equals(key)).findFirst().orElse(map);
    }

    public MappingNode mapping(Node node, String what) {
        if (node instanceof MappingNode m) return m;
        error(node, what + " must be a mapping of keys", da(what) + " skal være nøgler med værdier");
        return null;
    }

    public String string(Node node, String what) {
        if (node instanceof ScalarNode s && !s.getValue().isBlank()) return s.getValue();
        error(node, what + " must be a non-empty text", da(what) + " skal være en tekst, der ikke er tom");
        return null;
    }

    public LocalDate date(Node node, String what) {
        String s = string(node, what);
        if (s == null) return null;
        if (!DATE.matcher(s.trim()).matches()) {
            error(node, what + " is '" + s + "'; write a date as YYYY-MM-DD", da(what) + " er '" + s + "'; skriv en dato som ÅÅÅÅ-MM-DD");
            return null;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            // Written right, but no such day (2026-02-30): say that, not how to write a date.
            error(node, what + " is '" + s + "', which is no day in the calendar; check the day and the month",
                da(what) + " er '" + s + "', som ikke er en dag i kalenderen; tjek dagen og måneden");
            return null;
        }
    }

    public Double number(Node node, String what) {
        String s = string(node, what);
        if (s == null) return null;
        try {
            double v = Double.parseDouble(s.trim());
            if (!Double.isFinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            // A Danish decimal comma (7,5): name the spelling that works, not just that a number was expected.
            String point = s.trim().replace(',', '.');
            boolean comma = s.indexOf(',') >= 0 && point.matches("[+-]?\\d+(\\.\\d+)?%?");
            error(node, what + " is '" + s + "'; expected a number" + (comma ? ", written with a decimal point: " + point : ""),
                da(what) + " er '" + s + "'; der ventes et tal" + (comma ? ", skrevet med decimalpunktum: " + point : ""));
            return null;
        }
    }

    /** A number within [min, max]; outside it, a problem that states the range. */
    public Double number(Node node, String what, double min, double max) {
        Double v = number(node, what);
        if (v == null) return null;
        if (v < min || v > max) {
            error(node, what + " is " + plain(v) + "; expected " + plain(min) + " to " + plain(max),
                da(what) + " er " + plain(v) + "; der ventes " + plain(min) + " til " + plain(max));
            return null;
        }
        return v;
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : java.math.BigDecimal.valueOf(v).toPlainString();
    }

    public Integer integer(Node node, String what, int min, int max) {
        String s = string(node, what);
        if (s == null) return null;
        try {
            long v = Long.parseLong(s.trim());
            if (v < min || v > max) {
                error(node, what + " is " + v + "; expected " + min + " to " + max, da(what) + " er " + v + "; der ventes " + min + " til " + max);
                return null;
            }
            return (int) v;
        } catch (NumberFormatException e) {
            error(node, what + " is '" + s + "'; expected a whole number", da(what) + " er '" + s + "'; der ventes et helt tal");
            return null;
        }
    }

    public Boolean bool(Node node, String what) {
        String s = string(node, what);
        if (s == null) return null;
        return switch (s.trim().toLowerCase()) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> {
                error(node, what + " is '" + s + "'; expected true or false", da(what) + " er '" + s + "'; der ventes true eller false");
                yield null;
            }
        };
    }

    /** A number, or "N%" meaning N percent of a reference; the flag says which. */
    public Amount amount(Node node, String what) {
        String s = string(node, what);
        if (s == null) return null;
        var m = PERCENT.matcher(s);
        if (m.matches()) return new Amount(Double.parseDouble(m.group(1)) / 100.0, true);
        Double v = number(node, what + " (a number or \"N%\")");
        return v == null ? null : new Amount(v, false);
    }

    public List<String> strings(Node node, String what) {
        return texts(node, what).stream().map(Located::value).toList();
    }

    /** A list of names (or one name), each with the node it was written at, so a problem with one entry can point at it. */
    public List<Located> texts(Node node, String what) {
        List<Located> out = new ArrayList<>();
        if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                String s = string(item, "each entry of " + what);
                if (s != null) out.add(new Located(s, item));
            }
        } else if (node instanceof ScalarNode) {
            String s = string(node, what);
            if (s != null) out.add(new Located(s, node));
        } else {
            error(node, what + " must be a list of names", da(what) + " skal være en liste af navne");
        }
        return out;
    }

    /** A text and where it was written. */
    public record Located(String value, Node node) {}

    /** A value that is absolute, or relative to a reference mean ("10%"). */
    public record Amount(double value, boolean relative) {
        public double resolve(double reference) {
            return relative ? value * Math.abs(reference) : value;
        }

        @Override
        public String toString() {
            return relative ? (value * 100) + "%" : Double.toString(value);
        }
    }
}

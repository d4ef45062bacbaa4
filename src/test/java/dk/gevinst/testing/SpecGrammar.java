package dk.gevinst.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pilot specs generated from the documented grammar (docs/pilot-spec.md): every key the reference shows,
 * the ranges of its "Numbers and their ranges" table and the defaults of its "Decision" table, read from the
 * document itself so that the tests follow it. A spec is an ordered tree of keys whose leaves are raw YAML.
 */
public final class SpecGrammar {
    /** Keys a spec may leave out (paths), with the decision block's and business case's optional keys. */
    public static final List<String> OPTIONAL = List.of("owner", "deployment", "baseline_start", "ramp_up_days", "arms.control",
        "decision", "business_case", "decision.alpha", "decision.min_cases", "decision.min_responses", "decision.max_extension_weeks",
        "decision.sequential_tuning", "business_case.discount_rate");

    /** Values of every wrong kind: wrong types, out of range, not numbers, impossible dates, YAML that is not valid. */
    public static final List<String> WRONG = List.of("", "~", "{a: 1}", "[1, 2]", "-5", "0", "-1", "1e308", "1e309", ".nan", "-.inf",
        "99999999999999999999", "abc", "\"\"", "2026-13-01", "+10000-01-01", "2026-02-30", "0001-01-01", "\"-10%\"", "\"1e309%\"", "true",
        "0x10", "1_000", "\"12 %\"", "!!binary aGk=", "*nowhere", "&a x", "'", "\"\\u0000\"", "[", "{", "- 1", "\"<script>\"", "Ydelse Nord");

    private static final String DOC = read();

    private SpecGrammar() {}

    /** A documented range: "A to B", "above A, below B", "above A, at most B". */
    public record Range(double low, boolean lowOpen, double high, boolean highOpen) {
        public boolean contains(double v) {
            return (lowOpen ? v > low : v >= low) && (highOpen ? v < high : v <= high);
        }

        /** A value just outside, below or above. */
        public double outside(boolean below) {
            double step = Math.max(1, Math.abs(below ? low : high) * 0.5);
            if (below) return lowOpen ? low : low - (low == Math.rint(low) ? 1 : step);
            return highOpen ? high : high + (high == Math.rint(high) ? 1 : step);
        }
    }

    /** The "Numbers and their ranges" table, by key (indicator keys as indicators.*.key). */
    public static Map<String, Range> ranges() {
        Map<String, Range> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\\| `([a-z_.*]+)` \\| (above|)\\s*([0-9.]+)(?: to |, below |, at most )([0-9.]+)").matcher(section("## Numbers and their ranges"));
        while (m.find()) {
            String row = m.group(0);
            out.put(m.group(1), new Range(Double.parseDouble(m.group(3)), !m.group(2).isEmpty(), Double.parseDouble(m.group(4)), row.contains(", below ")));
        }
        return out;
    }

    /** The "Decision" table's defaults, by key. */
    public static Map<String, Double> decisionDefaults() {
        Map<String, Double> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\\| `([a-z_]+)` \\| ([0-9.]+) \\|").matcher(section("## Decision"));
        while (m.find()) out.put(m.group(1), Double.parseDouble(m.group(2)));
        return out;
    }

    /** The default the reference states in a line of its example, "# optional (default X)". */
    public static String exampleDefault(String key) {
        Matcher m = Pattern.compile("(?m)^" + key + ": .*# optional \\(default ([^)]+)\\)").matcher(DOC);
        return m.find() ? m.group(1) : null;
    }

    private static String section(String heading) {
        int start = DOC.indexOf(heading);
        if (start < 0) throw new IllegalStateException("docs/pilot-spec.md has no section " + heading);
        int end = DOC.indexOf("\n## ", start + heading.length());
        return DOC.substring(start, end < 0 ? DOC.length() : end);
    }

    /** A spec with every key of the grammar set to a valid value. */
    public static Tree full(String id) {
        Tree t = new Tree();
        t.set("id", id);
        t.set("title", "\"Pilot " + id + "\"");
        t.set("owner", "\"Styregruppen\"");
        t.set("deployment", "hosted");
        t.set("start", "2026-03-02");
        t.set("end", "2026-06-30");
        t.set("baseline_start", "2026-01-05");
        t.set("ramp_up_days", "3");
        t.set("arms.pilot", "[A]");
        t.set("arms.control", "[B]");
        t.set("indicators.handling_time.role", "success");
        t.set("indicators.handling_time.mde", "\"10%\"");
        t.set("indicators.handling_time.maturity_days", "0");
        t.set("indicators.processing_days.role", "guardrail");
        t.set("indicators.processing_days.margin", "\"5%\"");
        t.set("indicators.fte.role", "success");
        t.set("indicators.fte.column", "fte");
        t.set("indicators.fte.direction", "higher_is_better");
        t.set("indicators.fte.mde", "1.0");
        t.set("indicators.fte.value_dkk", "25");
        t.set("decision.alpha", "0.1");
        t.set("decision.min_cases", "7");
        t.set("decision.min_responses", "8");
        t.set("decision.max_extension_weeks", "9");
        t.set("decision.sequential_tuning", "1234");
        t.set("business_case.hourly_cost_dkk", "480");
        t.set("business_case.horizon_years", "5");
        t.set("business_case.discount_rate", "0.02");
        t.set("business_case.annual_cases", "9000");
        return t;
    }

    /** Keys a comparison may leave out: a pilot's, less the deployment a comparison has not (each candidate has options). */
    public static final List<String> OPTIONAL_IN_COMPARISON = OPTIONAL.stream().filter(k -> !k.equals("deployment")).toList();

    /**
     * A comparison with every key of the grammar set: the full pilot's keys, its pilot arm replaced by two
     * candidates (one with two deployment options) and no top-level deployment.
     */
    public static Tree fullComparison(String id) {
        Tree t = full(id);
        t.remove("deployment");
        t.remove("arms.pilot");
        t.set("arms.candidates.a.vendor", "\"Leverandør A\"");
        t.set("arms.candidates.a.units", "[A1, A2]");
        t.set("arms.candidates.a.options.hosted.one_off_dkk", "350000");
        t.set("arms.candidates.a.options.hosted.yearly_dkk", "180000");
        t.set("arms.candidates.a.options.on-premise.one_off_dkk", "900000");
        t.set("arms.candidates.a.options.on-premise.yearly_dkk", "95000.5");
        t.set("arms.candidates.b.vendor", "\"Leverandør B\"");
        t.set("arms.candidates.b.units", "[C]");
        t.set("arms.candidates.b.options.cloud.one_off_dkk", "0");
        t.set("arms.candidates.b.options.cloud.yearly_dkk", "210000");
        return t;
    }

    /**
     * A range key of the reference made a path of a full spec (a comparison's for candidate keys), e.g.
     * {@code indicators.*.mde} → {@code indicators.fte.mde}.
     */
    public static String concrete(String rangeKey) {
        if (rangeKey.startsWith("arms.candidates.")) return rangeKey.replaceFirst("\\*", "a").replaceFirst("\\*", "on-premise");
        return rangeKey.replace("*", rangeKey.endsWith("margin") ? "processing_days" : "fte");
    }

    /** The full spec a range key belongs to. */
    public static Tree fullFor(String rangeKey, String id) {
        return rangeKey.startsWith("arms.candidates.") ? fullComparison(id) : full(id);
    }

    /** What one random mutation did, and where, so a test can check the error lands on that line. */
    public record Mutation(String kind, String path, String value) {}

    /** A wrong spec: 1 to 3 random mutations of a full one. */
    public static Tree mutate(Tree spec, Random random, List<Mutation> done) {
        Tree t = spec.copy();
        int n = 1 + random.nextInt(3);
        List<String> leaves = t.leaves();
        List<Map.Entry<String, Range>> ranged = new ArrayList<>(ranges().entrySet());
        for (int i = 0; i < n; i++) {
            String path = leaves.get(random.nextInt(leaves.size()));
            switch (random.nextInt(5)) {
                case 0, 1 -> {
                    String v = WRONG.get(random.nextInt(WRONG.size()));
                    t.set(path, v);
                    done.add(new Mutation("wrong", path, v));
                }
                case 2 -> {
                    var r = ranged.get(random.nextInt(ranged.size()));
                    String p = r.getKey().startsWith("arms.candidates.") ? concrete(r.getKey())
                        : r.getKey().replace("*", random.nextBoolean() ? "handling_time" : "fte");
                    if (p.endsWith(".margin")) p = "indicators.processing_days.margin";
                    if (!t.leaves().contains(p)) break;
                    double v = r.getValue().outside(random.nextBoolean());
                    String text = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
                    t.set(p, text);
                    done.add(new Mutation("out_of_range", p, text));
                }
                case 3 -> {
                    t.remove(path);
                    done.add(new Mutation("removed", path, null));
                }
                default -> {
                    String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
                    String key = (parent.isEmpty() ? "" : parent + ".") + "colour";
                    t.set(key, "red");
                    done.add(new Mutation("unknown_key", key, "red"));
                }
            }
        }
        return t;
    }

    /** An ordered tree of keys; a leaf holds raw YAML text. */
    public static final class Tree {
        private final Map<String, Object> root = new LinkedHashMap<>();

        @SuppressWarnings("unchecked")
        public void set(String path, String raw) {
            Map<String, Object> m = root;
            String[] parts = path.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                Object child = m.get(parts[i]);
                if (!(child instanceof Map)) {
                    child = new LinkedHashMap<String, Object>();
                    m.put(parts[i], child);
                }
                m = (Map<String, Object>) child;
            }
            m.put(parts[parts.length - 1], raw);
        }

        @SuppressWarnings("unchecked")
        public void remove(String path) {
            Map<String, Object> m = root;
            String[] parts = path.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                if (!(m.get(parts[i]) instanceof Map)) return;
                m = (Map<String, Object>) m.get(parts[i]);
            }
            m.remove(parts[parts.length - 1]);
        }

        public List<String> leaves() {
            List<String> out = new ArrayList<>();
            leaves(root, "", out);
            return out;
        }

        @SuppressWarnings("unchecked")
        private static void leaves(Map<String, Object> m, String prefix, List<String> out) {
            m.forEach((k, v) -> {
                if (v instanceof Map) leaves((Map<String, Object>) v, prefix + k + ".", out);
                else out.add(prefix + k);
            });
        }

        public Tree copy() {
            Tree t = new Tree();
            for (String leaf : leaves()) t.set(leaf, get(leaf));
            return t;
        }

        @SuppressWarnings("unchecked")
        public String get(String path) {
            Object o = root;
            for (String part : path.split("\\.")) o = o instanceof Map ? ((Map<String, Object>) o).get(part) : null;
            return o instanceof String s ? s : null;
        }

        /** Block-style YAML. */
        public String yaml() {
            return render(new LinkedHashMap<>());
        }

        /** The 1-based line each leaf is written on. */
        public Map<String, Integer> lines() {
            Map<String, Integer> lines = new LinkedHashMap<>();
            render(lines);
            return lines;
        }

        private String render(Map<String, Integer> lines) {
            StringBuilder b = new StringBuilder();
            render(root, "", 0, b, lines);
            return b.toString();
        }

        @SuppressWarnings("unchecked")
        private static void render(Map<String, Object> m, String prefix, int indent, StringBuilder b, Map<String, Integer> lines) {
            m.forEach((k, v) -> {
                b.append("  ".repeat(indent)).append(k).append(':');
                if (v instanceof Map<?, ?> child && child.isEmpty()) {
                    b.append(" {}\n");
                } else if (v instanceof Map) {
                    b.append('\n');
                    render((Map<String, Object>) v, prefix + k + ".", indent + 1, b, lines);
                } else {
                    lines.put(prefix + k, (int) b.chars().filter(c -> c == '\n').count() + 1);
                    b.append(' ').append(v).append('\n');
                }
            });
        }
    }

    private static String read() {
        try {
            return Files.readString(Repo.root().resolve("docs/pilot-spec.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

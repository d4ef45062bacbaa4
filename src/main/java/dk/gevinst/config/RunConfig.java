package dk.gevinst.config;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dk.gevinst.source.Source;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The scheduled run's settings ({@code jobs/nightly.yaml}); command-line flags override them. Relative
 * paths are resolved against the folder of the config file, so the file works from any working directory.
 */
public record RunConfig(String pilots, String data, String out, LocalDate asOf, String master, String locale,
                        String keyFile, Boolean demoKey, Map<String, Double> bounds, Integer lockTimeoutMinutes,
                        Map<String, String> spark, Integer executorTimeoutSeconds, Freshness freshness) {
    /** Read only to say what replaced it: an old config file gets that message rather than "unknown key". */
    private static final String RETIRED_LOCK_TTL = "lock_ttl_hours";
    private static final Set<String> KEYS = new LinkedHashSet<>(List.of("pilots", "data", "out", "as_of", "master", "locale",
        "key_file", "demo_key", "bounds", "lock_timeout_minutes", "spark", "executor_timeout_seconds", "shuffle_partitions", "freshness",
        RETIRED_LOCK_TTL));
    /** The older short form of spark.sql.shuffle.partitions; still read, and folded into the spark settings. */
    private static final String LEGACY_SHUFFLE_PARTITIONS = "shuffle_partitions";
    private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
    /** Sources whose rows carry a day, so that their newest day can be judged; costs are budget lines. */
    private static final Set<String> DATED_SOURCES = new LinkedHashSet<>(List.of(Source.CASES.folder(),
        Source.SURVEY_RESPONSES.folder(), Source.USAGE.folder(), Source.TECH_METRICS.folder()));

    public static final RunConfig EMPTY = new RunConfig(null, null, null, null, null, null, null, null, Map.of(), null, Map.of(), null,
        Freshness.DEFAULT);

    public static RunConfig parse(String file, String text, String baseDir) throws InvalidSpecException {
        YamlReader y = new YamlReader(file);
        MappingNode root = y.parseRoot(text);
        if (root == null) throw new InvalidSpecException(y.problems());
        Map<String, Node> f = y.entries(root, KEYS, "the run config");
        if (f.containsKey(RETIRED_LOCK_TTL)) {
            y.error(f.get(RETIRED_LOCK_TTL), RETIRED_LOCK_TTL + " is gone: a run now refreshes a heartbeat in its lock, and a lock is taken over"
                + " once its process is gone or its heartbeat is older than lock_timeout_minutes (default 10); remove the line");
        }
        String pilots = path(y, f, "pilots", baseDir);
        String data = path(y, f, "data", baseDir);
        String out = path(y, f, "out", baseDir);
        LocalDate asOf = f.containsKey("as_of") ? y.date(f.get("as_of"), "as_of") : null;
        String master = f.containsKey("master") ? y.string(f.get("master"), "master") : null;
        String locale = f.containsKey("locale") ? y.string(f.get("locale"), "locale") : null;
        if (locale != null && !locale.equals("da") && !locale.equals("en")) y.error(f.get("locale"), "locale is '" + locale + "'; use da or en");
        String keyFile = path(y, f, "key_file", baseDir);
        Boolean demo = f.containsKey("demo_key") ? y.bool(f.get("demo_key"), "demo_key") : null;
        Map<String, Double> bounds = new LinkedHashMap<>();
        if (f.containsKey("bounds")) {
            MappingNode m = y.mapping(f.get("bounds"), "bounds");
            if (m != null) y.entries(m, new LinkedHashSet<>(List.of("handling_minutes", "active_minutes", "amount_dkk")), "bounds")
                .forEach((k, v) -> bounds.put(k, y.number(v, "bounds." + k)));
        }
        Integer lockTimeout = f.containsKey("lock_timeout_minutes") ? y.integer(f.get("lock_timeout_minutes"), "lock_timeout_minutes", 1, 1440) : null;
        Map<String, String> spark = spark(y, f);
        Integer executorTimeout = f.containsKey("executor_timeout_seconds")
            ? y.integer(f.get("executor_timeout_seconds"), "executor_timeout_seconds", 1, 86400) : null;
        Freshness freshness = f.containsKey("freshness") ? freshness(y, f.get("freshness")) : Freshness.DEFAULT;
        if (!y.problems().isEmpty()) throw new InvalidSpecException(y.problems());
        return new RunConfig(pilots, data, out, asOf, master, locale, keyFile, demo, bounds, lockTimeout, spark, executorTimeout, freshness);
    }

    /** The spark: block (Spark's own settings, as spark-submit --conf takes them), with the legacy shuffle_partitions folded in. */
    private static Map<String, String> spark(YamlReader y, Map<String, Node> f) {
        Map<String, String> spark = new LinkedHashMap<>();
        if (f.containsKey("spark")) {
            MappingNode m = y.mapping(f.get("spark"), "spark");
            if (m != null) y.entries(m, null, "spark").forEach((k, v) -> {
                if (!k.startsWith("spark.") || k.length() == "spark.".length()) {
                    String hint = k.equals(LEGACY_SHUFFLE_PARTITIONS) ? SHUFFLE_PARTITIONS : "spark." + k;
                    y.error(v, "spark: '" + k + "' is not a Spark setting; Spark's settings start with 'spark.', e.g. " + hint);
                } else if (!(v instanceof ScalarNode)) {
                    y.error(v, "spark: " + k + " must be a single value, as with spark-submit --conf " + k + "=VALUE");
                } else {
                    String value = y.string(v, "spark: " + k);
                    if (value != null) spark.put(k, value.strip());
                }
            });
        }
        if (f.containsKey(LEGACY_SHUFFLE_PARTITIONS)) {
            Node n = f.get(LEGACY_SHUFFLE_PARTITIONS);
            Integer partitions = y.integer(n, LEGACY_SHUFFLE_PARTITIONS, 1, 10000);
            if (spark.containsKey(SHUFFLE_PARTITIONS)) {
                y.error(n, "shuffle_partitions and spark: " + SHUFFLE_PARTITIONS + " are both set; keep the one in the spark: block");
            } else if (partitions != null) {
                spark.put(SHUFFLE_PARTITIONS, partitions.toString());
            }
        }
        return spark;
    }

    /** {@code freshness: {cases: 5, usage: 7, survey_responses: off}}: days per source, or off. */
    private static Freshness freshness(YamlReader y, Node node) {
        MappingNode m = y.mapping(node, "freshness");
        Map<Source, Integer> days = new LinkedHashMap<>();
        if (m == null) return Freshness.DEFAULT;
        y.entries(m, DATED_SOURCES, "freshness").forEach((k, v) -> {
            Source source = Source.byFolder(k).orElseThrow();
            if (v instanceof ScalarNode s && s.getValue().trim().equals("off")) days.put(source, null);
            else {
                Integer d = y.integer(v, "freshness." + k + " (days, or off)", 0, 3650);
                if (d != null) days.put(source, d);
            }
        });
        return Freshness.DEFAULT.with(days);
    }

    private static String path(YamlReader y, Map<String, Node> f, String key, String baseDir) {
        if (!f.containsKey(key)) return null;
        String p = y.string(f.get(key), key);
        if (p == null) return null;
        if (p.contains("://") || p.startsWith("/") || p.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || baseDir == null) return p;
        return baseDir + "/" + p;
    }
}

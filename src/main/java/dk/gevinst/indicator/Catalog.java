package dk.gevinst.indicator;

import dk.gevinst.config.InvalidSpecException;
import dk.gevinst.config.YamlReader;
import dk.gevinst.source.ColumnType;
import dk.gevinst.source.ContractColumn;
import dk.gevinst.source.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** The built-in indicators, read from {@code catalog.yaml} beside this class. */
public final class Catalog {
    // Ordered: an unknown key's message lists them, and "did you mean" breaks ties, the same way on every run.
    private static final Set<String> KEYS = new LinkedHashSet<>(
        List.of("source", "measure", "argument", "among", "direction", "unit", "maturity_days", "descriptive", "label"));
    private static final Catalog BUILT_IN = load();

    private final Map<String, IndicatorDefinition> byId;

    private Catalog(Map<String, IndicatorDefinition> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    public static Catalog builtIn() {
        return BUILT_IN;
    }

    public Optional<IndicatorDefinition> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Set<String> ids() {
        return byId.keySet();
    }

    static Catalog parse(String name, String text) throws InvalidSpecException {
        YamlReader yaml = new YamlReader(name);
        MappingNode root = yaml.parseRoot(text);
        Map<String, IndicatorDefinition> out = new LinkedHashMap<>();
        if (root != null) {
            for (var e : yaml.entries(root, null, "the catalog").entrySet()) {
                MappingNode m = yaml.mapping(e.getValue(), e.getKey());
                if (m == null) continue;
                Map<String, Node> f = yaml.entries(m, KEYS, e.getKey());
                Source source = Source.byFolder(yaml.string(f.get("source"), "source")).orElse(null);
                Measure.Kind kind = Measure.Kind.parse(yaml.string(f.get("measure"), "measure"));
                Direction direction = Direction.parse(yaml.string(f.get("direction"), "direction"));
                String argument = f.containsKey("argument") ? yaml.string(f.get("argument"), "argument") : null;
                String among = f.containsKey("among") ? yaml.string(f.get("among"), "among") : null;
                if (among != null && (source != Source.CASES || !isCasesBoolean(among))) {
                    yaml.error(f.get("among"), "catalog entry '" + e.getKey() + "' has among: '" + among
                        + "'; among selects cases, so use a cases indicator and a boolean cases column (" + String.join(", ", casesBooleans()) + ")");
                }
                Integer maturity = f.containsKey("maturity_days") ? yaml.integer(f.get("maturity_days"), "maturity_days", 0, 3650) : 0;
                boolean descriptive = f.containsKey("descriptive") && Boolean.TRUE.equals(yaml.bool(f.get("descriptive"), "descriptive"));
                Map<String, String> label = new LinkedHashMap<>();
                MappingNode labels = f.containsKey("label") ? yaml.mapping(f.get("label"), "label") : null;
                if (labels != null) yaml.entries(labels, new LinkedHashSet<>(List.of("da", "en")), "label").forEach((k, v) -> label.put(k, yaml.string(v, k)));
                if (source == null || kind == null || direction == null) {
                    yaml.error(e.getValue(), "catalog entry '" + e.getKey() + "' needs a known source, measure and direction");
                    continue;
                }
                out.put(e.getKey(), new IndicatorDefinition(e.getKey(), source, new Measure(kind, argument, among), direction,
                    f.containsKey("unit") ? yaml.string(f.get("unit"), "unit") : "", maturity == null ? 0 : maturity, descriptive, label));
            }
        }
        if (!yaml.problems().isEmpty()) throw new InvalidSpecException(yaml.problems());
        return new Catalog(out);
    }

    private static boolean isCasesBoolean(String column) {
        return casesBooleans().contains(column);
    }

    private static java.util.List<String> casesBooleans() {
        return Source.CASES.columns().stream().filter(c -> c.type() == ColumnType.BOOLEAN).map(ContractColumn::name).toList();
    }

    private static Catalog load() {
        try (InputStream in = Catalog.class.getResourceAsStream("catalog.yaml")) {
            return parse("catalog.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidSpecException e) {
            throw new IllegalStateException("the built-in indicator catalog is invalid:\n" + e.getMessage(), e);
        }
    }
}

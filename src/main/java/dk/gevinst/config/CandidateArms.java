package dk.gevinst.config;

import dk.gevinst.privacy.CprScrubber;

import dk.gevinst.config.Candidate.DeploymentOption;
import dk.gevinst.config.YamlReader.Located;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code arms.candidates} of a comparison strictly: every candidate needs a vendor, units and
 * deployment options with costs; a unit tries one candidate and is never also a control; every problem is
 * reported at once, at the entry that has it.
 */
final class CandidateArms {
    /** Fewer than two is a pilot; more than six no page shows side by side, and 15 pairwise contrasts are already many. */
    static final int MIN_CANDIDATES = 2;
    static final int MAX_CANDIDATES = 6;
    /** The largest bid a spec may state, in DKK: beyond it a figure is a typing error, not a procurement. */
    static final double MAX_COST_DKK = 10_000_000_000.0;
    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    private static final Set<String> CANDIDATE = new LinkedHashSet<>(List.of("vendor", "units", "options"));
    private static final Set<String> OPTION = new LinkedHashSet<>(List.of("one_off_dkk", "yearly_dkk"));

    private final YamlReader y;

    CandidateArms(YamlReader y) {
        this.y = y;
    }

    /**
     * @param key where {@code candidates:} is written, for problems with the list as a whole
     * @param control the control arm's units with where they stand, for the one-arm-per-unit rule
     */
    List<Candidate> read(Node key, Node node, List<Located> control) {
        List<Candidate> out = new ArrayList<>();
        MappingNode m = y.mapping(node, "arms.candidates");
        if (m == null) return out;
        Map<String, Node> entries = y.entries(m, null, "arms.candidates (candidate ids)");
        if (entries.size() < MIN_CANDIDATES || entries.size() > MAX_CANDIDATES) {
            y.error(key, "arms.candidates names " + entries.size() + " candidate" + (entries.size() == 1 ? "" : "s")
                + "; a comparison has " + MIN_CANDIDATES + " to " + MAX_CANDIDATES + " (to pilot one system, use arms.pilot)",
                "arms.candidates nævner " + entries.size() + " kandidat" + (entries.size() == 1 ? "" : "er") + "; en sammenligning har "
                    + MIN_CANDIDATES + " til " + MAX_CANDIDATES + " (brug arms.pilot for at afprøve ét system)");
        }
        Map<String, String> candidateOfUnit = new LinkedHashMap<>();
        Map<String, String> candidateOfVendor = new LinkedHashMap<>();
        for (var e : entries.entrySet()) {
            Candidate c = candidate(e.getKey(), m, e.getValue(), candidateOfUnit, candidateOfVendor);
            if (c != null) out.add(c);
        }
        for (Located unit : control) {
            String candidate = candidateOfUnit.get(unit.value());
            if (candidate != null) {
                y.error(unit.node(), "unit '" + unit.value() + "' is both a control and in candidate '" + candidate
                    + "'; a unit is either a control or tries one candidate", "enheden '" + unit.value() + "' er både kontrol og med i kandidat '"
                    + candidate + "'; en enhed er enten kontrol eller afprøver én kandidat");
            }
        }
        return out;
    }

    private Candidate candidate(String id, MappingNode parent, Node node, Map<String, String> candidateOfUnit, Map<String, String> candidateOfVendor) {
        String where = "candidate '" + id + "'";
        if (!ID.matcher(id).matches()) y.error(YamlReader.keyNode(parent, id), "candidate id '" + id + "' may hold only a-z, 0-9 and '-'",
            "kandidat-id '" + id + "' må kun indeholde a-z, 0-9 og '-'");
        MappingNode m = y.mapping(node, where);
        if (m == null) return null;
        Map<String, Node> f = y.entries(m, CANDIDATE, where);
        for (String required : CANDIDATE) {
            if (!f.containsKey(required)) y.error(node, where + " needs '" + required + "'" + switch (required) {
                case "vendor" -> ": the name people know the system by";
                case "units" -> ": the units that try it";
                default -> ": its deployment options, each with one_off_dkk and yearly_dkk";
            }, YamlReader.da(where) + " mangler '" + required + "'" + switch (required) {
                case "vendor" -> ": det navn, folk kender systemet under";
                case "units" -> ": de enheder, der afprøver det";
                default -> ": dets driftsmuligheder, hver med one_off_dkk og yearly_dkk";
            });
        }
        String vendor = f.containsKey("vendor") ? y.string(f.get("vendor"), where + " vendor") : null;
        if (vendor != null) {
            String other = candidateOfVendor.putIfAbsent(vendor, id);
            if (other != null) {
                y.error(f.get("vendor"), where + " has vendor '" + vendor + "' like candidate '" + other
                    + "'; reasons name candidates by vendor, so give each its own name", YamlReader.da(where) + " har vendor '" + vendor
                    + "' ligesom kandidat '" + other + "'; begrundelserne nævner kandidater ved vendor, så giv hver sit navn");
            }
        }
        List<String> units = f.containsKey("units") ? units(where, f.get("units"), id, candidateOfUnit) : List.of();
        List<DeploymentOption> options = f.containsKey("options") ? options(where, f.get("options")) : List.of();
        if (vendor == null || units.isEmpty() || options.isEmpty()) return null;
        return new Candidate(id, vendor, units, options);
    }

    private List<String> units(String where, Node node, String id, Map<String, String> candidateOfUnit) {
        List<String> out = new ArrayList<>();
        List<Located> units = y.texts(node, where + " units");
        if (node instanceof SequenceNode list && list.getValue().isEmpty()) y.error(node, where + " lists no unit; name the units that try it",
            YamlReader.da(where) + " nævner ingen enhed; skriv de enheder, der afprøver den");
        for (Located unit : units) {
            String name = CprScrubber.mask(unit.value());
            String other = candidateOfUnit.putIfAbsent(name, id);
            if (other == null) {
                out.add(name);
            } else if (other.equals(id)) {
                y.error(unit.node(), "unit '" + unit.value() + "' is listed twice in " + where,
                    "enheden '" + unit.value() + "' står to gange i " + YamlReader.da(where));
            } else {
                y.error(unit.node(), "unit '" + unit.value() + "' is in candidates '" + other + "' and '" + id + "'; a unit tries one candidate",
                    "enheden '" + unit.value() + "' er med i kandidaterne '" + other + "' og '" + id + "'; en enhed afprøver én kandidat");
            }
        }
        return out;
    }

    private List<DeploymentOption> options(String where, Node node) {
        List<DeploymentOption> out = new ArrayList<>();
        MappingNode m = y.mapping(node, where + " options");
        if (m == null) return out;
        Map<String, Node> entries = y.entries(m, null, where + " options");
        if (entries.isEmpty()) y.error(node, where + " lists no deployment option; give at least one with one_off_dkk and yearly_dkk",
            YamlReader.da(where) + " nævner ingen driftsmulighed; angiv mindst én med one_off_dkk og yearly_dkk");
        for (var e : entries.entrySet()) {
            String name = e.getKey();
            String at = where + " option '" + name + "'";
            if (!ID.matcher(name).matches()) y.error(YamlReader.keyNode(m, name), at + ": an option name holds only a-z, 0-9 and '-' (e.g. on-premise, hosted, cloud)",
                YamlReader.da(at) + ": et navn på en mulighed indeholder kun a-z, 0-9 og '-' (f.eks. on-premise, hosted, cloud)");
            MappingNode o = y.mapping(e.getValue(), at);
            if (o == null) continue;
            Map<String, Node> costs = y.entries(o, OPTION, at);
            for (String required : OPTION) {
                if (!costs.containsKey(required)) y.error(e.getValue(), at + " needs '" + required + "' (DKK, 0 if none)",
                    YamlReader.da(at) + " mangler '" + required + "' (kr., 0 hvis ingen)");
            }
            Double oneOff = costs.containsKey("one_off_dkk") ? y.number(costs.get("one_off_dkk"), "one_off_dkk of " + at, 0, MAX_COST_DKK) : null;
            Double yearly = costs.containsKey("yearly_dkk") ? y.number(costs.get("yearly_dkk"), "yearly_dkk of " + at, 0, MAX_COST_DKK) : null;
            if (oneOff != null && yearly != null && ID.matcher(name).matches()) out.add(new DeploymentOption(name, oneOff, yearly));
        }
        return out;
    }
}

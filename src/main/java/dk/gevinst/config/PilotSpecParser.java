package dk.gevinst.config;

import dk.gevinst.config.YamlReader.Amount;
import dk.gevinst.privacy.CprScrubber;
import dk.gevinst.indicator.Catalog;
import dk.gevinst.indicator.Direction;
import dk.gevinst.indicator.IndicatorDefinition;
import dk.gevinst.source.Source;
import dk.gevinst.indicator.Measure;
import dk.gevinst.indicator.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one pilot spec strictly: unknown keys and inconsistent values are errors, all reported at once. */
public final class PilotSpecParser {
    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    /** The largest mde, margin or value a spec may state: beyond it, arithmetic on it stops meaning anything. */
    private static final double MAX_AMOUNT = 1e9;
    private static final Set<String> TOP = new LinkedHashSet<>(List.of("id", "title", "owner", "deployment", "start",
        "end", "baseline_start", "ramp_up_days", "arms", "indicators", "decision", "business_case"));
    private static final Set<String> ARMS = new LinkedHashSet<>(List.of("pilot", "control", "candidates"));
    private static final Set<String> INDICATOR = new LinkedHashSet<>(List.of("role", "mde", "margin", "direction",
        "column", "instrument", "metric", "maturity_days", "value_dkk", "label_da", "label_en"));
    private static final Set<String> DECISION = new LinkedHashSet<>(List.of("alpha", "min_cases", "min_responses",
        "max_extension_weeks", "sequential_tuning"));
    private static final Set<String> BUSINESS = new LinkedHashSet<>(List.of("hourly_cost_dkk", "horizon_years",
        "discount_rate", "annual_cases"));

    private final Catalog catalog;

    public PilotSpecParser(Catalog catalog) {
        this.catalog = catalog;
    }

    public PilotSpec parse(String file, String text) throws InvalidSpecException {
        YamlReader y = new YamlReader(file);
        MappingNode root = y.parseRoot(text);
        if (root == null) throw new InvalidSpecException(y.problems(), null);
        Map<String, Node> top = y.entries(root, TOP, "the pilot spec");
        for (String required : List.of("id", "title", "start", "end", "arms", "indicators")) {
            if (!top.containsKey(required)) y.error(root, "missing required key '" + required + "'", "nøglen '" + required + "' mangler; den er påkrævet");
        }
        String id = top.containsKey("id") ? text(y, top.get("id"), "id") : null;
        if (id != null && !ID.matcher(id).matches()) {
            y.error(top.get("id"), "id '" + id + "' may hold only a-z, 0-9 and '-'", "id '" + id + "' må kun indeholde a-z, 0-9 og '-'");
        }
        String title = top.containsKey("title") ? text(y, top.get("title"), "title") : null;
        String owner = top.containsKey("owner") ? text(y, top.get("owner"), "owner") : "";
        String deployment = top.containsKey("deployment") ? text(y, top.get("deployment"), "deployment") : dk.gevinst.text.DeploymentOptions.DEFAULT;
        LocalDate start = top.containsKey("start") ? y.date(top.get("start"), "start") : null;
        LocalDate end = top.containsKey("end") ? y.date(top.get("end"), "end") : null;
        LocalDate baseline = top.containsKey("baseline_start") ? y.date(top.get("baseline_start"), "baseline_start") : null;
        Integer ramp = optionalInteger(y, top, "ramp_up_days", "ramp_up_days", 0, 365, 0);
        if (start != null && end != null && end.isBefore(start)) {
            y.error(top.get("end"), "end " + end + " is before start " + start + "; the decision date must follow the start",
                "end " + end + " ligger før start " + start + "; beslutningsdatoen skal komme efter starten");
        }
        if (start != null && baseline != null && !baseline.isBefore(start)) {
            y.error(top.get("baseline_start"), "baseline_start " + baseline + " must be before start " + start,
                "baseline_start " + baseline + " skal ligge før start " + start);
        }
        List<String> pilotUnits = new ArrayList<>();
        List<String> controlUnits = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        if (top.containsKey("arms")) readArms(y, top.get("arms"), pilotUnits, controlUnits, candidates);
        if (!pilotUnits.isEmpty() && controlUnits.isEmpty() && !top.containsKey("baseline_start")) {
            // Without either there is no counterfactual: every night would say only that more data is needed. A comparison
            // too: its GO rests on the leading candidate against the control units.
            boolean comparison = !candidates.isEmpty();
            y.error(top.get("arms"), (comparison ? "the comparison" : "the pilot") + " has neither baseline_start nor arms.control, so there is nothing"
                    + " to compare its period with; add baseline_start (a date weeks before start: the teams' own work before) or control units (teams"
                    + " that keep the old system)",
                (comparison ? "sammenligningen" : "piloten") + " har hverken baseline_start eller arms.control, så der er intet at sammenligne"
                    + " perioden med; tilføj baseline_start (en dato uger før start: teamenes eget arbejde før) eller kontrolenheder (teams, der"
                    + " beholder det gamle system)");
        }
        if (top.containsKey("deployment") && top.containsKey("arms") && hasCandidates(top.get("arms"))) {
            y.error(top.get("deployment"), "deployment is chosen per candidate in a comparison; list each candidate's options under "
                + "arms.candidates.<id>.options", "i en sammenligning vælges deployment pr. kandidat; skriv hver kandidats muligheder under "
                + "arms.candidates.<id>.options");
        }
        List<PilotIndicator> indicators = top.containsKey("indicators") ? readIndicators(y, top.get("indicators")) : List.of();
        DecisionRules rules = top.containsKey("decision") ? readDecision(y, top.get("decision")) : DecisionRules.DEFAULTS;
        BusinessCaseSpec business = top.containsKey("business_case") ? readBusiness(y, top.get("business_case")) : null;
        if (!y.problems().isEmpty()) throw new InvalidSpecException(y.problems(), id != null && ID.matcher(id).matches() ? id : null);
        return new PilotSpec(id, title, owner, deployment, start, end, baseline, ramp, pilotUnits, controlUnits,
            indicators, rules, business, file, candidates);
    }

    private void readArms(YamlReader y, Node node, List<String> pilot, List<String> control, List<Candidate> candidates) {
        MappingNode m = y.mapping(node, "arms");
        if (m == null) return;
        Map<String, Node> arms = y.entries(m, ARMS, "arms");
        if (!arms.containsKey("pilot") && !arms.containsKey("candidates")) {
            y.error(node, "arms needs 'pilot': the units that use the new system (or, to compare systems, 'candidates')",
                "arms mangler 'pilot': de enheder, der bruger det nye system (eller 'candidates' for at sammenligne systemer)");
        }
        if (arms.containsKey("pilot") && arms.containsKey("candidates")) {
            y.error(YamlReader.keyNode(m, "pilot"), "arms has both 'pilot' and 'candidates'; a pilot names its units under pilot, "
                + "a comparison under each candidate", "arms har både 'pilot' og 'candidates'; en pilot skriver sine enheder under pilot, "
                + "en sammenligning under hver kandidat");
        }
        List<YamlReader.Located> controls = arms.containsKey("control") ? y.texts(arms.get("control"), "arms.control") : List.of();
        controls.forEach(c -> control.add(CprScrubber.mask(c.value())));
        if (arms.containsKey("candidates")) {
            candidates.addAll(new CandidateArms(y).read(YamlReader.keyNode(m, "candidates"), arms.get("candidates"), controls));
            candidates.forEach(c -> pilot.addAll(c.units()));
            return;
        }
        if (arms.containsKey("pilot")) pilot.addAll(texts(y, arms.get("pilot"), "arms.pilot"));
        if (arms.containsKey("pilot") && pilot.isEmpty()) y.error(arms.get("pilot"), "arms.pilot lists no unit", "arms.pilot nævner ingen enhed");
        for (String unit : new HashSet<>(pilot)) {
            if (control.contains(unit)) {
                y.error(arms.get("control"), "unit '" + unit + "' is in both arms; a unit is either pilot or control",
                    "enheden '" + unit + "' står i begge arme; en enhed er enten pilot eller kontrol");
            }
        }
    }

    /** Whether the arms name candidates: a comparison. */
    private static boolean hasCandidates(Node arms) {
        return arms instanceof MappingNode m && m.getValue().stream()
            .anyMatch(t -> t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode k && k.getValue().equals("candidates"));
    }

    private List<PilotIndicator> readIndicators(YamlReader y, Node node) {
        List<PilotIndicator> out = new ArrayList<>();
        MappingNode m = y.mapping(node, "indicators");
        if (m == null) return out;
        for (var e : y.entries(m, null, "indicators").entrySet()) {
            PilotIndicator pi = readIndicator(y, CprScrubber.mask(e.getKey()), e.getValue());
            if (pi != null) out.add(pi);
        }
        if (out.stream().noneMatch(i -> i.role() == Role.SUCCESS) && y.problems().isEmpty()) {
            y.error(node, "no indicator has role: success; a pilot is judged on at least one core-task indicator",
                "ingen indikator har role: success; en pilot bedømmes på mindst én indikator for kerneopgaven");
        }
        return out;
    }

    private PilotIndicator readIndicator(YamlReader y, String id, Node node) {
        MappingNode m = y.mapping(node, "indicator '" + id + "'");
        if (m == null) return null;
        Map<String, Node> f = y.entries(m, INDICATOR, "indicator '" + id + "'");
        String where = "indicator '" + id + "'";
        Role role = null;
        if (!f.containsKey("role")) {
            y.error(node, where + " needs role: success, guardrail, technical or descriptive",
                YamlReader.da(where) + " mangler role: success, guardrail, technical eller descriptive");
        } else {
            String r = text(y, f.get("role"), where + " role");
            role = Role.parse(r);
            if (r != null && role == null) y.error(f.get("role"), where + " has role '" + r + "'; use success, guardrail, technical or descriptive",
                YamlReader.da(where) + " har role '" + r + "'; brug success, guardrail, technical eller descriptive");
        }
        Direction direction = null;
        if (f.containsKey("direction")) {
            String d = text(y, f.get("direction"), where + " direction");
            direction = Direction.parse(d);
            if (d != null && direction == null) y.error(f.get("direction"), where + " has direction '" + d + "'; use higher_is_better or lower_is_better",
                YamlReader.da(where) + " har direction '" + d + "'; brug higher_is_better eller lower_is_better");
        }
        IndicatorDefinition def = definition(y, id, node, f, role, direction);
        if (def == null || role == null) return null;
        // A role the indicator may not have is the one error to fix: its thresholds are named for removal with it, and
        // neither asked for nor checked against that role.
        String drop = f.containsKey("mde") && f.containsKey("margin") ? "mde and margin" : f.containsKey("mde") ? "mde" : f.containsKey("margin") ? "margin" : null;
        String dropEn = drop == null ? "" : ", and remove " + drop, dropDa = drop == null ? "" : ", og fjern " + drop.replace(" and ", " og ");
        boolean refused = role.decides() && (def.descriptive() || def.source() == Source.TECH_METRICS);
        if (def.descriptive() && role.decides()) {
            y.error(f.get("role"), where + " is descriptive (shown, not decided on); use role: descriptive" + dropEn,
                YamlReader.da(where) + " er beskrivende (vises, men indgår ikke i beslutningen); brug role: descriptive" + dropDa);
        } else if (def.source() == Source.TECH_METRICS && role.decides()) {
            // Fagsystemet først: a technical metric is shown, never decided on. As a guardrail it could not even be
            // judged: the metrics have no teams and no days before the new system started, so it would block GO for good.
            y.error(f.get("role"), where + " is a technical metric (tech_metrics), which is shown but neither makes nor stops a pilot; use role: technical"
                    + dropEn,
                YamlReader.da(where) + " er en teknisk måling (tech_metrics), som vises, men hverken gør en pilot til GO eller stopper den; brug role: technical"
                    + dropDa);
        }
        Amount mde = f.containsKey("mde") ? y.amount(f.get("mde"), where + " mde") : null;
        Amount margin = f.containsKey("margin") ? y.amount(f.get("margin"), where + " margin") : null;
        if (!refused) {
            unusedThreshold(y, f, "mde", Role.SUCCESS, role, def, where);
            unusedThreshold(y, f, "margin", Role.GUARDRAIL, role, def, where);
            if (role == Role.SUCCESS && mde == null && !f.containsKey("mde")) {
                y.error(node, where + " is a success indicator and needs mde: the smallest effect that matters (e.g. 0.03 or \"10%\")",
                    YamlReader.da(where) + " er en succesindikator og mangler mde: den mindste effekt, der betyder noget (f.eks. 0.03 eller \"10%\")");
            }
            if (role == Role.GUARDRAIL && margin == null && !f.containsKey("margin")) {
                y.error(node, where + " is a guardrail and needs margin: how much worse is still acceptable (e.g. 0.02)",
                    YamlReader.da(where) + " er et værn og mangler margin: hvor meget værre der stadig kan accepteres (f.eks. 0.02)");
            }
        }
        if (mde != null && (mde.value() <= 0 || mde.value() > MAX_AMOUNT)) {
            y.error(f.get("mde"), where + " mde is " + mde + "; expected above 0 (and at most " + (long) MAX_AMOUNT + ")",
                YamlReader.da(where) + " mde er " + mde + "; der ventes over 0 (og højst " + (long) MAX_AMOUNT + ")");
        }
        if (margin != null && (margin.value() < 0 || margin.value() > MAX_AMOUNT)) {
            y.error(f.get("margin"), where + " margin is " + margin + "; expected 0 or more (and at most " + (long) MAX_AMOUNT + ")",
                YamlReader.da(where) + " margin er " + margin + "; der ventes 0 eller mere (og højst " + (long) MAX_AMOUNT + ")");
        }
        Double value = f.containsKey("value_dkk") ? y.number(f.get("value_dkk"), where + " value_dkk", 0, 10_000_000) : null;
        Integer maturity = optionalInteger(y, f, "maturity_days", where + " maturity_days", 0, 3650, def.maturityDays());
        return new PilotIndicator(def, role, mde, margin, value, maturity == null ? def.maturityDays() : maturity);
    }

    /**
     * mde belongs to a success indicator and margin to a guardrail; on any other role it would be silently ignored.
     * The fix named is one the spec can take: another role only where the indicator may have it.
     */
    private static void unusedThreshold(YamlReader y, Map<String, Node> f, String key, Role owner, Role role, IndicatorDefinition def, String where) {
        if (!f.containsKey(key) || role == owner) return;
        String en, da;
        if (role == Role.SUCCESS || role == Role.GUARDRAIL) {
            String other = owner == Role.SUCCESS ? "margin" : "mde";
            boolean guard = role == Role.GUARDRAIL;
            en = where + " is a " + (guard ? "guardrail" : "success indicator") + ", which uses " + other + ", not " + key + "; remove " + key
                + (f.containsKey(other) ? "" : " and write " + other + ": " + (guard ? "how much worse is still acceptable (e.g. 0.02)" : "the smallest effect that matters (e.g. \"10%\")"));
            da = YamlReader.da(where) + " er " + (guard ? "et værn" : "en succesindikator") + ", som bruger " + other + ", ikke " + key + "; fjern " + key
                + (f.containsKey(other) ? "" : " og skriv " + other + ": " + (guard ? "hvor meget værre der stadig kan accepteres (f.eks. 0.02)" : "den mindste effekt, der betyder noget (f.eks. \"10%\")"));
        } else {
            boolean mayDecide = !def.descriptive() && def.source() != Source.TECH_METRICS;
            en = where + " has role " + role.key() + ", which decides nothing, so " + key + " has no effect; remove it" + (mayDecide ? ", or use role: " + owner.key() : "");
            da = YamlReader.da(where) + " har role " + role.key() + ", som ikke indgår i beslutningen, så " + key + " har ingen virkning; fjern den"
                + (mayDecide ? ", eller brug role: " + owner.key() : "");
        }
        y.error(f.get(key), en, da);
    }

    private IndicatorDefinition definition(YamlReader y, String id, Node node, Map<String, Node> f, Role role, Direction dir) {
        String where = "indicator '" + id + "'";
        Measure measure = null;
        Source source = null;
        if (f.containsKey("column")) {
            measure = new Measure(Measure.Kind.COLUMN, name(y, f.get("column"), where + " column"));
            source = Source.CASES;
        } else if (f.containsKey("instrument")) {
            measure = new Measure(Measure.Kind.ITEM_MEAN, name(y, f.get("instrument"), where + " instrument"));
            source = Source.SURVEY_RESPONSES;
        } else if (f.containsKey("metric") || (role == Role.TECHNICAL && catalog.find(id).isEmpty())) {
            String metric = f.containsKey("metric") ? text(y, f.get("metric"), where + " metric") : id;
            measure = new Measure(Measure.Kind.TECH_METRIC, metric);
            source = Source.TECH_METRICS;
        }
        var builtIn = catalog.find(id);
        if (measure == null) {
            if (builtIn.isEmpty()) {
                y.error(node, "unknown indicator '" + id + "'; use one of " + String.join(", ", catalog.ids())
                    + ", or declare a custom one with column:, instrument: or metric:", "ukendt indikator '" + id + "'; brug en af "
                    + String.join(", ", catalog.ids()) + ", eller erklær en egen med column:, instrument: eller metric:");
                return null;
            }
            IndicatorDefinition d = builtIn.get();
            if (dir == null && !f.containsKey("label_da") && !f.containsKey("label_en")) return d;
            // A spec may name a catalog indicator in its own words; unit, measure and scale stay the catalog's.
            java.util.Map<String, String> label = new java.util.LinkedHashMap<>(d.label());
            if (f.containsKey("label_da")) label.put("da", text(y, f.get("label_da"), "label_da"));
            if (f.containsKey("label_en")) label.put("en", text(y, f.get("label_en"), "label_en"));
            return new IndicatorDefinition(d.id(), d.source(), d.measure(), dir == null ? d.direction() : dir, d.unit(), d.maturityDays(),
                d.descriptive(), label);
        }
        if (dir == null) {
            y.error(node, where + " is custom and needs direction: higher_is_better or lower_is_better",
                YamlReader.da(where) + " er egendefineret og mangler direction: higher_is_better eller lower_is_better");
            return null;
        }
        java.util.Map<String, String> label = new java.util.LinkedHashMap<>();
        label.put("da", f.containsKey("label_da") ? text(y, f.get("label_da"), "label_da") : id);
        label.put("en", f.containsKey("label_en") ? text(y, f.get("label_en"), "label_en") : id);
        return new IndicatorDefinition(id, source, measure, dir, "", 0, false, label);
    }

    /**
     * Every text a spec holds (units, titles, labels, names) passes the CPR scrubber as it is read, before it
     * reaches a message, a binding or an output: the data's unit column is masked the same way at ingest,
     * so a unit written with a CPR-shaped name still meets its data (issue 9, item 2).
     */
    private static String text(YamlReader y, Node node, String what) {
        return CprScrubber.mask(y.string(node, what));
    }

    private static List<String> texts(YamlReader y, Node node, String what) {
        return y.strings(node, what).stream().map(CprScrubber::mask).toList();
    }

    private String name(YamlReader y, Node node, String what) {
        String s = text(y, node, what);
        if (s != null && !NAME.matcher(s).matches()) {
            y.error(node, what + " is '" + s + "'; a column or instrument name holds only letters, digits and '_'",
                YamlReader.da(what) + " er '" + s + "'; et kolonne- eller instrumentnavn indeholder kun bogstaver, cifre og '_'");
            return null;
        }
        return s;
    }

    private DecisionRules readDecision(YamlReader y, Node node) {
        MappingNode m = y.mapping(node, "decision");
        DecisionRules d = DecisionRules.DEFAULTS;
        if (m == null) return d;
        Map<String, Node> f = y.entries(m, DECISION, "decision");
        Double alpha = f.containsKey("alpha") ? y.number(f.get("alpha"), "decision.alpha") : Double.valueOf(d.alpha());
        if (alpha != null && (alpha <= 0 || alpha >= 0.5)) {
            y.error(f.get("alpha"), "decision.alpha is " + alpha + "; expected between 0 and 0.5, usually 0.05",
                "decision.alpha er " + alpha + "; der ventes mellem 0 og 0.5, som regel 0.05");
            alpha = null;
        }
        Integer minCases = optionalInteger(y, f, "min_cases", "decision.min_cases", 2, 10_000_000, d.minCases());
        Integer minResponses = optionalInteger(y, f, "min_responses", "decision.min_responses", 2, 1_000_000, d.minResponses());
        Integer weeks = optionalInteger(y, f, "max_extension_weeks", "decision.max_extension_weeks", 0, 260, d.maxExtensionWeeks());
        Double tuning = optionalNumber(y, f, "sequential_tuning", "decision.sequential_tuning", 1, 1_000_000_000, d.sequentialTuning());
        if (alpha == null || minCases == null || minResponses == null || weeks == null || tuning == null) return d;
        return new DecisionRules(alpha, minCases, minResponses, weeks, tuning);
    }

    /**
     * The ranges say what a business case can mean: an hour costs something, a pilot serves some cases a
     * year, and a discount rate of -100 % or below makes the present value meaningless (division by zero).
     */
    private BusinessCaseSpec readBusiness(YamlReader y, Node node) {
        MappingNode m = y.mapping(node, "business_case");
        if (m == null) return null;
        Map<String, Node> f = y.entries(m, BUSINESS, "business_case");
        for (String required : List.of("hourly_cost_dkk", "horizon_years", "annual_cases")) {
            if (!f.containsKey(required)) y.error(node, "business_case needs '" + required + "'", "business_case mangler '" + required + "'");
        }
        Double hourly = f.containsKey("hourly_cost_dkk") ? y.number(f.get("hourly_cost_dkk"), "business_case.hourly_cost_dkk", 1, 100_000) : null;
        Integer horizon = f.containsKey("horizon_years") ? y.integer(f.get("horizon_years"), "business_case.horizon_years", 1, 30) : null;
        Double rate = optionalNumber(y, f, "discount_rate", "business_case.discount_rate", 0, 0.3, BusinessCaseSpec.DANISH_REAL_RATE);
        Double annual = f.containsKey("annual_cases") ? y.number(f.get("annual_cases"), "business_case.annual_cases", 1, 100_000_000) : null;
        if (hourly == null || horizon == null || rate == null || annual == null) return null;
        return new BusinessCaseSpec(hourly, horizon, rate, annual);
    }

    /**
     * An optional whole number with its documented default. Boxed on purpose: a conditional expression
     * mixing {@code Integer} and {@code int} unboxes, and a rejected value (null) would then throw.
     */
    private static Integer optionalInteger(YamlReader y, Map<String, Node> f, String key, String what, int min, int max, int fallback) {
        if (!f.containsKey(key)) return Integer.valueOf(fallback);
        return y.integer(f.get(key), what, min, max);
    }

    private static Double optionalNumber(YamlReader y, Map<String, Node> f, String key, String what, double min, double max, double fallback) {
        if (!f.containsKey(key)) return Double.valueOf(fallback);
        return y.number(f.get(key), what, min, max);
    }
}

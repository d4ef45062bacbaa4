package dk.gevinst.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.gevinst.indicator.Catalog;
import dk.gevinst.testing.SpecGrammar;
import dk.gevinst.testing.SpecGrammar.Tree;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Specs generated from the documented grammar (docs/pilot-spec.md, read by {@link SpecGrammar}): every
 * subset of the optional keys parses with the documented defaults, and no wrong value of any kind makes
 * anything but located problems escape the parser. Seeded, so a failure repeats.
 */
class PilotSpecPropertyTest {
    private static final String FILE = "p.yaml";
    private final PilotSpecParser parser = new PilotSpecParser(Catalog.builtIn());

    @Test
    void everySubsetOfTheOptionalKeysParsesWithItsDocumentedDefault() throws Exception {
        List<String> optional = SpecGrammar.OPTIONAL;
        Map<String, Double> decisionDefaults = SpecGrammar.decisionDefaults();
        assertThat(decisionDefaults).containsOnlyKeys("alpha", "min_cases", "min_responses", "max_extension_weeks", "sequential_tuning");
        int parsed = 0, refused = 0;
        for (int mask = 0; mask < 1 << optional.size(); mask++) {
            Tree t = SpecGrammar.full("p");
            for (int i = 0; i < optional.size(); i++) if ((mask & (1 << i)) != 0) t.remove(optional.get(i));
            if (t.get("baseline_start") == null && t.get("arms.control") == null) {
                // Each is optional, but one of the two is needed: without either nothing could ever be estimated.
                assertThatThrownBy(() -> parser.parse(FILE, t.yaml())).isInstanceOf(InvalidSpecException.class)
                    .hasMessageContaining("the pilot has neither baseline_start nor arms.control");
                refused++;
                continue;
            }
            PilotSpec s = parser.parse(FILE, t.yaml());
            parsed++;
            DecisionRules d = s.decision();
            assertThat(d.alpha()).isEqualTo(t.get("decision.alpha") == null ? decisionDefaults.get("alpha") : 0.1);
            assertThat((double) d.minCases()).isEqualTo(t.get("decision.min_cases") == null ? decisionDefaults.get("min_cases") : 7);
            assertThat((double) d.minResponses()).isEqualTo(t.get("decision.min_responses") == null ? decisionDefaults.get("min_responses") : 8);
            assertThat((double) d.maxExtensionWeeks()).isEqualTo(t.get("decision.max_extension_weeks") == null ? decisionDefaults.get("max_extension_weeks") : 9);
            assertThat(d.sequentialTuning()).isEqualTo(t.get("decision.sequential_tuning") == null ? decisionDefaults.get("sequential_tuning") : 1234);
            assertThat(s.rampUpDays()).isEqualTo(t.get("ramp_up_days") == null ? Integer.parseInt(SpecGrammar.exampleDefault("ramp_up_days")) : 3);
            assertThat(s.deployment()).isEqualTo(t.get("deployment") == null ? SpecGrammar.exampleDefault("deployment") : "hosted");
            assertThat(s.baselineStart() == null).isEqualTo(t.get("baseline_start") == null);
            assertThat(s.controlUnits().isEmpty()).isEqualTo(t.get("arms.control") == null);
            if (t.get("business_case.hourly_cost_dkk") == null) {
                assertThat(s.businessCase()).isNull();
            } else {
                assertThat(s.businessCase().discountRate()).isEqualTo(t.get("business_case.discount_rate") == null ? BusinessCaseSpec.DANISH_REAL_RATE : 0.02);
            }
        }
        assertThat(parsed + refused).isEqualTo(1 << optional.size());
        assertThat(refused).isEqualTo(1 << (optional.size() - 2));
    }

    @Test
    void wrongValuesOfEveryKindAreLocatedProblemsNeverExceptions() {
        int outOfRange = 0;
        int invalid = MutatedSpecs.parseAll(parser, FILE, () -> SpecGrammar.full("p"), new Random(20261129), 3000);
        // An out-of-range value alone: its error is on its own line.
        Map<String, SpecGrammar.Range> ranges = SpecGrammar.ranges();
        assertThat(ranges).hasSize(16);
        for (var r : ranges.entrySet()) {
            String path = SpecGrammar.concrete(r.getKey());
            for (boolean below : new boolean[] {true, false}) {
                Tree t = SpecGrammar.fullFor(r.getKey(), "p");
                double v = r.getValue().outside(below);
                t.set(path, v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
                int line = t.lines().get(path);
                try {
                    parser.parse(FILE, t.yaml());
                    throw new AssertionError(path + " = " + v + " was accepted");
                } catch (InvalidSpecException e) {
                    outOfRange++;
                    assertThat(e.problems()).as(path + " = " + v).anyMatch(p -> p.line() == line && p.message().contains(path.substring(path.lastIndexOf('.') + 1)));
                    assertThat(e.pilotId()).as("the failure still names its pilot").isEqualTo("p");
                }
            }
        }
        assertThat(invalid).as("most mutations break the spec").isGreaterThan(2000);
        assertThat(outOfRange).isEqualTo(32);
    }

    @Test
    void theIssueExamplesAreSpecErrorsNotCrashes() {
        for (String[] c : new String[][] {
            {"decision.max_extension_weeks", null}, {"ramp_up_days", "-5"}, {"business_case.hourly_cost_dkk", "-480"},
            {"business_case.annual_cases", "-9000"}, {"business_case.discount_rate", "-1"}}) {
            Tree t = SpecGrammar.full("p");
            if (c[1] == null) t.remove(c[0]);
            else t.set(c[0], c[1]);
            try {
                parser.parse(FILE, t.yaml());
                assertThat(c[1]).as(c[0] + " left out parses with its default").isNull();
            } catch (InvalidSpecException e) {
                assertThat(c[1]).isNotNull();
                assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.toString())
                    .startsWith(FILE + ":" + t.lines().get(c[0]) + ":").contains(c[1]).contains("expected"));
            }
        }
    }
}

package dk.gevinst.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.gevinst.indicator.Catalog;
import dk.gevinst.testing.Repo;
import dk.gevinst.testing.SpecGrammar;
import dk.gevinst.testing.SpecGrammar.Tree;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Comparison specs generated from the documented grammar (docs/pilot-spec.md, read by {@link SpecGrammar}):
 * the optional keys may go in any subset, wrong values anywhere are located problems and never exceptions,
 * and each mistake only a comparison can make is reported on the line that has it. Seeded, so a failure repeats.
 */
class ComparisonSpecPropertyTest {
    private static final String FILE = "c.yaml";
    private final PilotSpecParser parser = new PilotSpecParser(Catalog.builtIn());

    @Test
    void everySubsetOfTheOptionalKeysParsesWithTheCandidatesIntact() throws Exception {
        List<String> optional = SpecGrammar.OPTIONAL_IN_COMPARISON;
        for (int mask = 0; mask < 1 << optional.size(); mask++) {
            Tree t = SpecGrammar.fullComparison("c");
            for (int i = 0; i < optional.size(); i++) if ((mask & (1 << i)) != 0) t.remove(optional.get(i));
            if (t.get("baseline_start") == null && t.get("arms.control") == null) {
                // Its GO rests on the leader against the control units: without them or a baseline, no candidate could GO.
                assertThatThrownBy(() -> parser.parse(FILE, t.yaml())).isInstanceOf(InvalidSpecException.class)
                    .hasMessageContaining("the comparison has neither baseline_start nor arms.control");
                continue;
            }
            PilotSpec s = parser.parse(FILE, t.yaml());
            assertThat(s.candidates()).extracting(Candidate::id).containsExactly("a", "b");
            assertThat(s.candidates().get(0).options()).hasSize(2);
            assertThat(s.pilotUnits()).containsExactly("A1", "A2", "C");
            assertThat(s.controlUnits().isEmpty()).isEqualTo(t.get("arms.control") == null);
            assertThat(s.decision().alpha()).isEqualTo(t.get("decision.alpha") == null ? SpecGrammar.decisionDefaults().get("alpha") : 0.1);
        }
    }

    @Test
    void wrongValuesAnywhereInAComparisonAreLocatedProblemsNeverExceptions() {
        int invalid = MutatedSpecs.parseAll(parser, FILE, () -> SpecGrammar.fullComparison("c"), new Random(20261130), 2000);
        assertThat(invalid).as("most mutations break the spec").isGreaterThan(1300);
    }

    /** One mistake a comparison can make, and the leaf whose line its problem must name. */
    private record Mistake(String path, String value, String lineOf, String says) {}

    @Test
    void eachComparisonMistakeIsReportedOnItsOwnLine() {
        List<Mistake> mistakes = List.of(
            new Mistake("arms.candidates.b.units", "[C, A2]", "arms.candidates.b.units", "a unit tries one candidate"),
            new Mistake("arms.control", "[B, C]", "arms.control", "either a control or tries one candidate"),
            new Mistake("arms.candidates.a.units", "[]", "arms.candidates.a.units", "lists no unit"),
            new Mistake("arms.candidates.a.units", "[A1, A1]", "arms.candidates.a.units", "listed twice"),
            new Mistake("arms.candidates.b.vendor", "\"Leverandør A\"", "arms.candidates.b.vendor", "its own name"),
            new Mistake("arms.candidates.b.vendor", null, "arms.candidates.b.units", "needs 'vendor'"),
            new Mistake("arms.candidates.b.options.cloud.yearly_dkk", null, "arms.candidates.b.options.cloud.one_off_dkk", "needs 'yearly_dkk'"),
            new Mistake("arms.candidates.b.options.cloud.one_off_dkk", "-5", "arms.candidates.b.options.cloud.one_off_dkk", "expected 0 to"),
            new Mistake("arms.candidates.b.colour", "red", "arms.candidates.b.colour", "unknown key 'colour'"),
            new Mistake("deployment", "cloud", "deployment", "chosen per candidate"),
            new Mistake("arms.pilot", "[P]", "arms.pilot", "both 'pilot' and 'candidates'"));
        for (Mistake m : mistakes) {
            Tree t = SpecGrammar.fullComparison("c");
            if (m.value() == null) t.remove(m.path());
            else t.set(m.path(), m.value());
            int line = t.lines().get(m.lineOf());
            try {
                parser.parse(FILE, t.yaml());
                throw new AssertionError(m + " was accepted:\n" + t.yaml());
            } catch (InvalidSpecException e) {
                assertThat(e.problems()).as(m + "\n" + t.yaml()).anyMatch(p -> p.line() == line && p.message().contains(m.says()));
                assertThat(e.pilotId()).as("the failure still names its comparison").isEqualTo("c");
            }
        }
    }

    @Test
    void theComparisonExampleInTheSpecReferenceIsValid() throws Exception {
        String doc = Files.readString(Repo.root().resolve("docs/pilot-spec.md"));
        int section = doc.indexOf("## Comparing candidate systems");
        int start = doc.indexOf("```yaml\n", section) + 8;
        PilotSpec s = parser.parse("docs/pilot-spec.md", doc.substring(start, doc.indexOf("```", start)));
        assertThat(s.candidates()).extracting(Candidate::vendor).containsExactly("Leverandør A", "Leverandør B");
        assertThat(s.controlUnits()).containsExactly("Jobcenter Midt");
    }
}

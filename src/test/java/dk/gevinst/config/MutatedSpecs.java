package dk.gevinst.config;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.testing.SpecGrammar;
import dk.gevinst.testing.SpecGrammar.Mutation;
import dk.gevinst.testing.SpecGrammar.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/** Parses randomly mutated specs: every failure must be located problems, never an exception, and no out-of-range value may pass. */
final class MutatedSpecs {
    private MutatedSpecs() {}

    /** @return how many of the mutated specs were invalid */
    static int parseAll(PilotSpecParser parser, String file, Supplier<Tree> full, Random random, int rounds) {
        int invalid = 0;
        for (int i = 0; i < rounds; i++) {
            List<Mutation> done = new ArrayList<>();
            Tree t = SpecGrammar.mutate(full.get(), random, done);
            String yaml = t.yaml();
            long lineCount = yaml.lines().count();
            try {
                parser.parse(file, yaml);
            } catch (InvalidSpecException e) {
                invalid++;
                assertThat(e.problems()).as(yaml).isNotEmpty().allSatisfy(p -> {
                    assertThat(p.file()).isEqualTo(file);
                    assertThat(p.line()).isBetween(1, (int) lineCount + 1);
                    assertThat(p.column()).isPositive();
                    assertThat(p.message()).isNotBlank();
                    assertThat(p.messageDa()).as("a Danish page shows it in Danish: " + p).isNotBlank();
                });
                continue;
            } catch (RuntimeException e) {
                throw new AssertionError("the parser threw " + e + " on\n" + yaml + "\nafter " + done, e);
            }
            for (Mutation m : done) {
                if (m.kind().equals("out_of_range") && m.value().equals(t.get(m.path()))) throw new AssertionError(m + " was accepted:\n" + yaml);
            }
        }
        return invalid;
    }
}

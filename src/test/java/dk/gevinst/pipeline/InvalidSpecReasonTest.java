package dk.gevinst.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.config.Problem;
import dk.gevinst.decision.Reason;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reason a broken spec gives is Danish all through on a Danish page, English on an English one (issue 10). */
class InvalidSpecReasonTest {
    @Test
    void eachLanguageQuotesTheProblemInItsOwnWords() {
        Problem p = new Problem("small.yaml", 9, 14, "decision.min_cases is 1; expected 2 to 10000000",
            "decision.min_cases er 1; der ventes 2 til 10000000");
        Reason r = HealthTexts.invalidSpec(List.of(p), LocalDate.of(2026, 3, 30));
        assertThat(r.da()).contains("small.yaml:9:14: decision.min_cases er 1; der ventes 2 til 10000000").doesNotContain("expected");
        assertThat(r.en()).contains("small.yaml:9:14: decision.min_cases is 1; expected 2 to 10000000").doesNotContain("ventes");
    }
}

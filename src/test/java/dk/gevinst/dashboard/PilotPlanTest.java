package dk.gevinst.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.gevinst.text.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan block under a pilot's badge: a key the spec leaves out reads as not given, never as an empty label. */
class PilotPlanTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSpecWithoutAnOwnerSaysSoInsteadOfAnEmptyLabel() throws Exception {
        JsonNode doc = JSON.readTree("{\"title\": \"Chatbot\", \"start\": \"2026-03-02\", \"end\": \"2026-06-30\"}");

        assertThat(PilotView.plan(new Texts(Language.DA), doc).get(0)).isEqualTo(new Term("Ejer", "ikke angivet i specifikationen"));
        assertThat(PilotView.plan(new Texts(Language.EN), doc).get(0)).isEqualTo(new Term("Owner", "not given in the spec"));
    }

    @Test
    void aGivenOwnerIsShownAsWritten() throws Exception {
        JsonNode doc = JSON.readTree("{\"title\": \"Chatbot\", \"owner\": \"Borgerservice\", \"start\": \"2026-03-02\", \"end\": \"2026-06-30\"}");
        assertThat(PilotView.plan(new Texts(Language.DA), doc).get(0).value()).isEqualTo("Borgerservice");
    }

    /** A stranger's new tool, without a business case or a deployment in its spec, read 'Valgt driftsform: Nuværende drift'. */
    @Test
    void theDeploymentIsShownOnlyWhereItIsAChoice() throws Exception {
        String frame = "\"title\": \"Ny sagsbehandling\", \"start\": \"2026-03-02\", \"end\": \"2026-06-30\", \"arms\": {\"pilot\": [\"A\"]}, "
            + "\"analysis\": \"sequential\", \"data_through\": \"2026-03-28\"";
        java.util.function.Function<String, List<String>> terms = extra -> {
            try {
                return PilotView.meta(new Texts(Language.DA), JSON.readTree("{" + frame + extra + "}")).stream().map(Term::term).toList();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertThat(terms.apply(", \"deployment\": \"current\", \"business_case\": null")).contains("Pilotenheder", "Data til og med")
            .doesNotContain("Valgt driftsform");
        assertThat(terms.apply(", \"deployment\": \"current\", \"business_case\": {\"best_option\": \"current\"}")).contains("Valgt driftsform");
        assertThat(terms.apply(", \"deployment\": \"hosted\", \"business_case\": null")).contains("Valgt driftsform");
    }
}

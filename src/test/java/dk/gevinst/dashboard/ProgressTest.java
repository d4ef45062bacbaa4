package dk.gevinst.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.gevinst.text.Language;
import org.junit.jupiter.api.Test;

/** "When will we know?" counts the days gone as the portfolio's "running for" column does. */
class ProgressTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theProgressLineAndThePortfolioCountTheSameDays() throws Exception {
        JsonNode doc = JSON.readTree("""
            {"pilot_id": "chatbot", "decision": "EXTEND", "extend_weeks": 3, "start": "2026-03-02", "end": "2026-06-30",
             "as_of": "2026-04-24"}""");

        Progress p = Progress.of(new Texts(Language.DA), doc);

        assertThat(Docs.daysRunning(doc)).isEqualTo(53);
        assertThat(p.label()).startsWith("53 af ca. 74\u00a0dage er gået.");
        assertThat(p.value()).isEqualTo(53);
        assertThat(Progress.of(new Texts(Language.EN), doc).label()).startsWith("53 of about 74\u00a0days have passed.");
    }
}

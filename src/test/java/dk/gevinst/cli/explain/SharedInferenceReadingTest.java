package dk.gevinst.cli.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.publish.Json;
import dk.gevinst.publish.PublishedInference;
import dk.gevinst.text.Language;
import org.junit.jupiter.api.Test;

/**
 * `gevinst explain` and the dashboard read the published inference through one reader (issue 10): which uncertainty
 * decided, why none could be measured, and the placebo rank come out the same in both.
 */
class SharedInferenceReadingTest {
    private static JsonNode indicator(String inference) throws Exception {
        return Json.MAPPER.readTree("{\"id\": \"x\", \"unit\": \"minutes\", \"inference\": " + inference + "}");
    }

    @Test
    void theReaderTellsWhichUncertaintyDecidedAndThePlaceboRank() throws Exception {
        JsonNode placebo = indicator("""
            {"decided_by": "unit", "se": 2.0, "unit_level": {"method": "placebo", "se": 2.0, "units": {"pilot": 1, "control": 11},
             "placebo": {"se": 2.0, "rank_p_value": 0.1667, "estimates": [{"unit":"a","estimate":1},{"unit":"b","estimate":1},{"unit":"c","estimate":1},
             {"unit":"d","estimate":1},{"unit":"e","estimate":1},{"unit":"f","estimate":1},{"unit":"g","estimate":1},{"unit":"h","estimate":1},
             {"unit":"i","estimate":1},{"unit":"j","estimate":1},{"unit":"k","estimate":1}]}}}""").path("inference");
        assertThat(PublishedInference.decider(placebo)).isEqualTo(PublishedInference.Decider.PLACEBO);
        assertThat(PublishedInference.rank(placebo)).isEqualTo(new PublishedInference.Rank(2, 12, 0.1667));
        JsonNode cases = indicator("{\"decided_by\": \"case\", \"unit_level\": {\"method\": \"weekly_gap\", \"se\": 1.0}}").path("inference");
        assertThat(PublishedInference.decider(cases)).isEqualTo(PublishedInference.Decider.CASE);
        assertThat(PublishedInference.rank(cases)).isNull();
    }

    @Test
    void explainSaysWhyNoTeamLevelIntervalCouldBeMadeAsThePageDoes() throws Exception {
        JsonNode parallel = indicator("{\"decided_by\": \"case\", \"unit_level\": {\"method\": \"none\", \"unavailable\": \"parallel_few_controls\"}}");
        assertThat(InferenceLines.of(parallel, new ExplainTexts(Language.EN)).get(0))
            .startsWith("without the pilot teams' cases from before the start and with fewer than 5 control teams the teams' variation cannot be measured");
        JsonNode weeks = indicator("{\"decided_by\": \"case\", \"unit_level\": {\"method\": \"none\", \"unavailable\": \"too_few_weeks\"}}");
        assertThat(InferenceLines.of(weeks, new ExplainTexts(Language.DA)).get(0)).startsWith("for få hele uger før og efter start");
    }
}

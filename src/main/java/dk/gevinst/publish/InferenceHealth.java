package dk.gevinst.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.decision.InferenceReasons;
import dk.gevinst.decision.IndicatorResult;
import dk.gevinst.decision.PilotEvaluation;
import dk.gevinst.decision.Reason;
import dk.gevinst.privacy.CprScrubber;
import java.util.ArrayList;
import java.util.List;

/**
 * The health flags that come from the inference (issue 8), for the banner on the pilot page:
 * <ul>
 * <li>{@code pre_trend} (error), per deciding indicator whose pilot and control teams were already moving
 *     apart before the start: the effect cannot be told apart from that movement, and GO is blocked;</li>
 * <li>{@code one_team} (warning), when the pilot runs in a single team: every effect rests on that one team,
 *     so it cannot be told apart from something else that happened to that team at the same time.</li>
 * </ul>
 */
final class InferenceHealth {
    static final String PRE_TREND = "pre_trend";
    static final String ONE_TEAM = "one_team";

    private InferenceHealth() {}

    static List<HealthFlag> flags(PilotEvaluation e) {
        List<HealthFlag> out = new ArrayList<>();
        if (!e.ok() || e.spec() == null || e.decision().outcome() == null) return out; // no decision, nothing it rests on
        for (IndicatorResult r : e.indicators()) {
            if (!r.indicator().role().decides() || !r.preTrendFound()) continue;
            Reason reason = InferenceReasons.preTrend(r);
            ObjectNode details = Json.MAPPER.createObjectNode().put("indicator", r.id());
            out.add(new HealthFlag(PRE_TREND, HealthFlag.Severity.ERROR, reason.da(), reason.en(), details));
        }
        List<String> pilots = e.spec().pilotUnits();
        if (pilots.size() == 1) {
            String team = CprScrubber.mask(pilots.get(0));
            ObjectNode details = Json.MAPPER.createObjectNode();
            details.putArray("pilot_units").add(team);
            out.add(new HealthFlag(ONE_TEAM, HealthFlag.Severity.WARNING,
                "Piloten kører i ét team (" + team + "). Effekten hviler på det ene team og kan ikke skilles fra andet, der skete i teamet "
                    + "samtidig (en ny kollega, en svær sag, en omlægning); kontrolteams og perioden før start tager kun højde for det, der "
                    + "også ramte dem. Kør piloten i flere teams, hvis beslutningen skal kunne bære det.",
                "The pilot runs in one team (" + team + "). The effect rests on that one team and cannot be told apart from anything else "
                    + "that happened in the team at the same time (a new colleague, a hard case, a reorganisation); the control teams and "
                    + "the baseline only account for what hit them too. Run the pilot in more teams if the decision must carry that.",
                details));
        }
        return out;
    }
}

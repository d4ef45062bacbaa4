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
 * <li>{@code one_team} (warning), when the pilot runs in a single team: every effect rests on that one team.
 *     One short line, true beside any decision: a gain only counts with a team-level interval (method.md), so
 *     the uncertainty a GO rests on is the team's, not the cases'.</li>
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
        if (e.spec().isComparison()) {
            oneTeamCandidates(e.spec()).ifPresent(out::add);
            return out;
        }
        List<String> pilots = e.spec().pilotUnits();
        if (pilots.size() == 1) {
            String team = CprScrubber.mask(pilots.get(0));
            ObjectNode details = Json.MAPPER.createObjectNode();
            details.putArray("pilot_units").add(team);
            out.add(new HealthFlag(ONE_TEAM, HealthFlag.Severity.WARNING,
                "Bygger på ét team (" + team + "): usikkerheden er regnet på teamniveau.",
                "Rests on one team (" + team + "): the uncertainty is computed at team level.",
                details));
        }
        return out;
    }

    /**
     * A comparison's candidates that each rest on one team: their intervals are that team's, as a single
     * pilot's are. The texts name "vendor: team"; the details keep the teams ({@code pilot_units}) and, in the
     * same order, the candidates' ids ({@code candidates}), for readers that are not people.
     */
    private static java.util.Optional<HealthFlag> oneTeamCandidates(dk.gevinst.config.PilotSpec spec) {
        List<String> named = new ArrayList<>();
        ObjectNode details = Json.MAPPER.createObjectNode();
        var units = details.putArray("pilot_units");
        var candidates = details.putArray("candidates");
        for (dk.gevinst.config.Candidate c : spec.candidates()) {
            if (c.units().size() != 1) continue;
            String entry = CprScrubber.mask(c.vendor() == null || c.vendor().isBlank() ? c.id() : c.vendor()) + ": " + CprScrubber.mask(c.units().get(0));
            named.add(entry);
            units.add(CprScrubber.mask(c.units().get(0)));
            candidates.add(c.id());
        }
        if (named.isEmpty()) return java.util.Optional.empty();
        String list = String.join("; ", named);
        boolean all = named.size() == spec.candidates().size();
        return java.util.Optional.of(new HealthFlag(ONE_TEAM, HealthFlag.Severity.WARNING,
            (all ? "Hver kandidat bygger på ét team (" : "Kandidater, der bygger på ét team (") + list + "): usikkerheden er regnet på teamniveau.",
            (all ? "Each candidate rests on one team (" : "Candidates resting on one team (") + list + "): the uncertainty is computed at team level.",
            details));
    }
}

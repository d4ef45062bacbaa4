package dk.gevinst.pipeline;

import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.Weeks;
import dk.gevinst.config.Freshness;
import dk.gevinst.config.PilotIndicator;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.decision.PilotEvaluation;
import dk.gevinst.source.Source;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of tonight's final analyses may be frozen: those whose own source's data reach the night. A final analysis
 * frozen from a source that lags (usage exports a few weeks behind, technical metrics that stopped) would keep, for
 * good, an indicator without its last days while its pilot's other indicators are complete. So each source is judged
 * on its own: its newest day in the pilot's cells against the last day that can hold cells of any of the pilot's
 * indicators from it (maturity counted), which is the rule the whole pilot was judged by before; technical metrics
 * need only cover the end, and usage the week after the end's. Usage is dated by the week's Monday, so it is
 * compared week by week.
 *
 * <p>Survey answers come in rounds, so the newest answer says nothing about whether the answers are in: a survey
 * indicator freezes when the pilot's deciding data reach the night.
 */
final class FreezeReadiness {
    private FreezeReadiness() {}

    /** The ids of the evaluation's indicators whose final analysis may be frozen tonight. */
    static Set<String> ready(PilotEvaluation e) {
        Set<String> out = new HashSet<>();
        PilotSpec spec = e.spec();
        if (spec == null || e.asOf().isBefore(spec.end())) return out;
        Map<Source, LocalDate> newest = newestBySource(e);
        Map<Source, LocalDate> due = new EnumMap<>(Source.class);
        for (PilotIndicator i : spec.indicators()) {
            LocalDate d = PilotHealth.lastDayWithCells(spec, i, e.asOf());
            Source source = i.definition().source();
            // The final analysis reads data up to the end: a technical metric that stops with the pilot is complete once
            // it covers the end, and usage (exported a month at a time, say) once it reaches the week after the end's,
            // since a week's cell is made from any row in it and the end's week would be counted from its Monday alone.
            // Cases must reach the night, since a case decided before the end can still get a later version.
            if (d != null && source == Source.TECH_METRICS && d.isAfter(spec.end())) d = spec.end();
            if (d != null && source == Source.USAGE) d = spec.end().plusWeeks(1);
            if (d != null) due.merge(source, d, FreezeReadiness::later);
        }
        boolean deciding = decidingDataReachAsOf(e);
        for (PilotIndicator i : spec.indicators()) {
            Source source = i.definition().source();
            if (source == Source.SURVEY_RESPONSES ? deciding : reaches(source, newest.get(source), due.get(source))) out.add(i.id());
        }
        return out;
    }

    /** Whether the pilot's newest deciding data reach the last day that could hold such data tonight. */
    static boolean decidingDataReachAsOf(PilotEvaluation e) {
        LocalDate through = PilotHealth.of(e, Freshness.DEFAULT, List.of()).dataThrough();
        LocalDate due = null;
        for (PilotIndicator i : e.spec().indicators()) {
            if (!i.role().decides()) continue;
            LocalDate d = PilotHealth.lastDayWithCells(e.spec(), i, e.asOf());
            if (d != null && (due == null || d.isAfter(due))) due = d;
        }
        return through != null && due != null && !through.isBefore(due);
    }

    private static boolean reaches(Source source, LocalDate newest, LocalDate due) {
        if (newest == null || due == null) return false;
        return source == Source.USAGE ? !newest.isBefore(Weeks.monday(due)) : !newest.isBefore(due);
    }

    private static Map<Source, LocalDate> newestBySource(PilotEvaluation e) {
        Map<String, Source> sources = new HashMap<>();
        for (PilotIndicator i : e.spec().indicators()) sources.put(i.id(), i.definition().source());
        Map<Source, LocalDate> out = new EnumMap<>(Source.class);
        for (CellStats c : e.cells()) {
            Source s = sources.get(c.indicatorId());
            if (s == null || c.moments().n() <= 0) continue;
            out.merge(s, c.day(), FreezeReadiness::later);
        }
        return out;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}

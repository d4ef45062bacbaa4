package dk.gevinst.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * The sample municipality: its units, the case system each exports from, and the true effect each pilot
 * has. The stories: Sagsoverblik truly cuts handling time (GO); the cloud data lake makes queries twenty
 * times faster but changes nothing for caseworkers (STOP); the chatbot has run a few weeks on a small unit
 * (EXTEND); and a procurement: two case-handling systems, each piloted in its own new Jobcenter team
 * against the same Jobcenter controls, one faster, the other preferred by its caseworkers. Hostile values (names that are markup) belong in the tests that prove the dashboards escape
 * them, not in the showcase sample.
 *
 * <p>Every unit's level also drifts from week to week, as real teams do (staffing, a hard case, a new
 * colleague): handling time and processing time carry a factor 1 + d_w with d_w AR(1), correlation
 * {@value #DRIFT_RHO} and marginal standard deviation {@value #DRIFT_SD} (3 % of the unit's mean). This is the
 * team-level variation the decision has to tell apart from a pilot's effect (issue 8).
 */
public final class Scenario {
    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 5);
    public static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 27);
    public static final double DRIFT_SD = 0.03;
    public static final double DRIFT_RHO = 0.6;

    /** A case system's export dialect. */
    public enum System { YDELSE, JOBCENTER, BORGERSERVICE }

    public record Unit(String name, String code, System system, double casesPerWeekday, double handlingMinutes,
                       double processingDays, double reopenRate, int caseworkers, List<String> caseTypes) {}

    /** A pilot's true effect on its unit from {@code from}, reached linearly over {@code rampDays}. */
    public record Effect(String unit, LocalDate from, int rampDays, double handlingFactor, double processingFactor, double reopenShift,
                         double susShift, double coreTaskShift, double preferShare) {}

    public static final List<Unit> UNITS = List.of(
        new Unit("Ydelse Nord", "ydn", System.YDELSE, 25, 62, 9, 0.12, 12, List.of("Boligstøtte", "Enkeltydelse", "Personligt tillæg")),
        new Unit("Ydelse Syd", "yds", System.YDELSE, 25, 58, 8, 0.11, 12, List.of("Boligstøtte", "Enkeltydelse", "Personligt tillæg")),
        new Unit("Ydelse Vest", "ydv", System.YDELSE, 25, 66, 10, 0.13, 12, List.of("Boligstøtte", "Enkeltydelse", "Personligt tillæg")),
        new Unit("Ydelse Øst", "ydo", System.YDELSE, 25, 60, 9, 0.12, 12, List.of("Boligstøtte", "Enkeltydelse", "Personligt tillæg")),
        new Unit("Jobcenter Øst", "jco", System.JOBCENTER, 25, 48, 12, 0.10, 14, List.of("Sygedagpenge", "Ressourceforløb", "Jobafklaring")),
        new Unit("Jobcenter Vest", "jcv", System.JOBCENTER, 25, 52, 13, 0.10, 14, List.of("Sygedagpenge", "Ressourceforløb", "Jobafklaring")),
        new Unit("Jobcenter Midt", "jcm", System.JOBCENTER, 25, 45, 11, 0.09, 14, List.of("Sygedagpenge", "Ressourceforløb", "Jobafklaring")),
        new Unit("Jobcenter Syd", "jcs", System.JOBCENTER, 25, 50, 12, 0.10, 14, List.of("Sygedagpenge", "Ressourceforløb", "Jobafklaring")),
        new Unit("Borgerservice Herning", "bsh", System.BORGERSERVICE, 4, 22, 3, 0.06, 6, List.of("Pas", "Kørekort", "Sundhedskort")),
        new Unit("Borgerservice Aulum", "bsa", System.BORGERSERVICE, 4, 25, 3.5, 0.07, 5, List.of("Pas", "Kørekort", "Sundhedskort")),
        new Unit("Borgerservice Sunds", "bss", System.BORGERSERVICE, 4, 24, 3.2, 0.06, 5, List.of("Pas", "Kørekort", "Sundhedskort")));

    public static final List<Effect> EFFECTS = List.of(
        new Effect("Ydelse Nord", LocalDate.of(2026, 5, 4), 14, 0.85, 0.80, -0.04, 11, 0.6, 0.8),
        new Effect("Jobcenter Øst", LocalDate.of(2026, 5, 4), 0, 1.0, 1.0, 0.0, 0, 0.0, 0.35),
        new Effect("Borgerservice Aulum", LocalDate.of(2026, 10, 5), 7, 0.85, 0.90, -0.01, 3, 0.2, 0.55));

    /**
     * The procurement story: Sagslet (Jobcenter Nord) cuts handling time by about 15 % but its caseworkers are
     * split on it; Jobflow (Jobcenter Centrum) cuts it by about 5 %, and four in five of its caseworkers prefer
     * it. With one team per candidate, the evidence may not separate them: the sample ends where it honestly
     * does. These teams are simulated with draws of their own ({@link #PROCUREMENT}), so the three pilots'
     * data stay exactly as they were.
     */
    public static final List<Unit> PROCUREMENT_UNITS = List.of(
        new Unit("Jobcenter Nord", "jcn", System.JOBCENTER, 25, 49, 12, 0.10, 14, List.of("Sygedagpenge", "Ressourceforløb", "Jobafklaring")),
        new Unit("Jobcenter Centrum", "jcc", System.JOBCENTER, 25, 51, 12, 0.10, 14, List.of("Sygedagpenge", "Ressourceforløb", "Jobafklaring")));

    public static final List<Effect> PROCUREMENT_EFFECTS = List.of(
        new Effect("Jobcenter Nord", LocalDate.of(2026, 6, 1), 14, 0.85, 0.97, 0.0, -3, 0.3, 0.45),
        new Effect("Jobcenter Centrum", LocalDate.of(2026, 6, 1), 14, 0.95, 1.0, 0.0, 9, 0.5, 0.82));

    /**
     * The candidate each procurement team tries, by its id in jobs/pilots/sagssystem.yaml: the caseworkers' preference
     * answers name it (the survey's optional {@code candidate} column), as a questionnaire that asks "do you prefer
     * Sagslet to the old system?" would.
     */
    public static final java.util.Map<String, String> CANDIDATE_OF_UNIT = java.util.Map.of("Jobcenter Nord", "sagslet", "Jobcenter Centrum", "jobflow");

    /**
     * Each case type's handling time relative to its unit's mean, so case types predict the outcome as they do
     * in a real case system and the case-mix adjustment has variance to remove (docs/method.md). The three types
     * of each system average 1, so a unit's mean with an even mix stays where it was.
     */
    static final java.util.Map<String, Double> CASE_TYPE_HANDLING = java.util.Map.of(
        "Boligstøtte", 0.75, "Enkeltydelse", 0.90, "Personligt tillæg", 1.35,
        "Sygedagpenge", 0.80, "Ressourceforløb", 1.40, "Jobafklaring", 0.80,
        "Pas", 0.90, "Kørekort", 1.25, "Sundhedskort", 0.85);

    static double handlingFactorOf(String caseType) {
        return CASE_TYPE_HANDLING.getOrDefault(caseType, 1.0);
    }

    /** Who is simulated together on one stream of draws; case numbers start at {@code firstCase} so they never collide. */
    public record Cast(List<Unit> units, List<Effect> effects, int firstCase) {
        Effect effectFor(String unit) {
            return effects.stream().filter(e -> e.unit().equals(unit)).findFirst().orElse(null);
        }
    }

    public static final Cast PILOTS = new Cast(UNITS, EFFECTS, 0);
    public static final Cast PROCUREMENT = new Cast(PROCUREMENT_UNITS, PROCUREMENT_EFFECTS, 50_000_000);
    /** Added to the seed for the procurement's own draws. */
    static final long PROCUREMENT_SEED = 0x5EED_0011L;

    /** Survey waves: one before any pilot, then three during. */
    public static final List<LocalDate> SURVEY_WAVES = List.of(LocalDate.of(2026, 2, 16), LocalDate.of(2026, 6, 15),
        LocalDate.of(2026, 9, 14), LocalDate.of(2026, 11, 16));

    /** The technical metric of the data-lake trial: seconds per analytical query, before and after. */
    public static final String DATALAKE = "datalake";
    public static final LocalDate DATALAKE_START = LocalDate.of(2026, 5, 4);

    private Scenario() {}

    public static Effect effectFor(String unit) {
        Effect e = PILOTS.effectFor(unit);
        return e != null ? e : PROCUREMENT.effectFor(unit);
    }

    /** The share of the effect in force on a day: 0 before, rising to 1 over the ramp-up. */
    public static double strength(Effect e, LocalDate day) {
        if (e == null || day.isBefore(e.from())) return 0;
        if (e.rampDays() == 0) return 1;
        return Math.min(1.0, (java.time.temporal.ChronoUnit.DAYS.between(e.from(), day) + 1) / (double) e.rampDays());
    }

    /**
     * Cases a weekday in the pilots' units, which {@code --cases} scales; the procurement's two teams come on
     * top at the same scale (about a quarter more), so adding them left the pilots' data as it was.
     */
    public static double totalCasesPerWeekday() {
        return UNITS.stream().mapToDouble(Unit::casesPerWeekday).sum();
    }
}

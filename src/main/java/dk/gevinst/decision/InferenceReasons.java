package dk.gevinst.decision;

import dk.gevinst.business.BusinessCaseResult;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.text.DeploymentOptions;
import dk.gevinst.text.Language;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * The reasons that come from team-level inference, in Danish and English: evidence that cannot be told
 * apart from ordinary variation between teams, a decision not reachable within the extension, teams that
 * drifted apart before the start, and value that is uncertain although the core task improved.
 */
public final class InferenceReasons {
    public static final String TEAM_LEVEL_MISSING = "team_level_missing";
    public static final String NOT_DECIDABLE = "not_decidable_in_time";
    public static final String PRE_TREND = "pre_trend";
    public static final String VALUE_UNCERTAIN = "value_uncertain";

    /** Weeks into the pilot period in which having no estimate yet is expected, not a sign of a wrong spec. */
    static final int PILOT_PERIOD_WEEKS = 4;

    private InferenceReasons() {}

    private static Reason reason(String code, String indicator, Function<Language, String> text) {
        return new Reason(code, indicator, text.apply(Language.DA), text.apply(Language.EN));
    }

    /** Better, worse, futile or non-inferior on the case-level interval, withheld because no team-level inference was possible. */
    public static Reason teamLevelMissing(PilotSpec spec, IndicatorResult r) {
        UnitLevel u = r.published() == null ? null : r.published().unitLevel();
        boolean parallel = u != null && "parallel_few_controls".equals(u.unavailable());
        return reason(TEAM_LEVEL_MISSING, r.id(), l -> ReasonTexts.change(r, l) + l.pick(
            ", men forskellen kan ikke skilles fra den almindelige variation mellem teams: ",
            ", but the difference cannot be told apart from the ordinary variation between teams: ")
            + (parallel && newToTheData(spec, r)
                ? l.pick("pilotteamene har ingen sager fra før start (før-perioden begynder " + l.date(spec.baselineStart()) + "), så de sammenlignes kun med "
                    + "kontrolteams efter start, og med færre end 5 kontrolteams kan en varig forskel mellem teams ikke skilles fra piloten. "
                    + "Pilotteamenes sager fra før-perioden eller flere kontrolteams kan gøre det afgørligt.",
                    "the pilot teams have no cases from before the start (the baseline begins " + l.date(spec.baselineStart()) + "), so they are compared with "
                    + "the control teams after the start only, and with fewer than 5 control teams a lasting difference between teams cannot be told apart "
                    + "from the pilot. The pilot teams' cases from the baseline, or more control teams, can make it decidable.")
            : parallel
                ? l.pick("uden en før-periode og med færre end 5 kontrolteams kan en varig forskel mellem teams ikke skilles fra piloten. "
                    + "Tilføj en før-periode (baseline_start) eller flere kontrolteams.",
                    "without a baseline and with fewer than 5 control teams, a lasting difference between teams cannot be told apart from the pilot. "
                    + "Add a baseline (baseline_start) or more control teams.")
                : l.pick("der er for få hele uger før og efter start til at måle den (mindst " + UnitLevelInference.MIN_WEEKS_PER_PERIOD
                    + " på hver side og " + UnitLevelInference.MIN_WEEKS + " i alt). Indtil da afgør intervallet intet.",
                    "there are too few complete weeks before and after the start to measure it (at least " + UnitLevelInference.MIN_WEEKS_PER_PERIOD
                    + " on each side and " + UnitLevelInference.MIN_WEEKS + " in all). Until then the interval decides nothing.")));
    }

    public static Reason notDecidable(PilotSpec spec, ExtensionEstimate.Estimate e, LocalDate asOf) {
        IndicatorResult r = e.indicator();
        if (r == null && !e.teamLimited()) {
            // No success indicator has an estimate at all: more weeks at tonight's volume is not the question. In the
            // pilot period's first weeks that is expected; later the spec's units or dates are the likely cause.
            LocalDate from = spec.postStart();
            // A matured indicator's cells start maturity_days later (first time right 30, overturn rate 90).
            int maturity = spec.withRole(dk.gevinst.indicator.Role.SUCCESS).stream().mapToInt(i -> i.maturityDays()).max().orElse(0);
            if (asOf.minusDays(maturity).isBefore(from.plusWeeks(PILOT_PERIOD_WEEKS))) {
                return reason(NOT_DECIDABLE, null, l -> l.pick("Kan ikke afgøres endnu: pilotperioden tæller fra " + l.date(from)
                        + ", og der er endnu ikke data nok fra den til et skøn for nogen succesindikator.",
                    "Not decidable yet: the pilot period counts from " + l.date(from) + ", and it has not yet brought data enough for an estimate of any"
                        + " success indicator."));
            }
            return reason(NOT_DECIDABLE, null, l -> l.pick("Kan ikke afgøres endnu: ingen succesindikator har data til et skøn, både i pilotperioden og i det, "
                    + "den sammenlignes med (se hver indikator nedenfor). Kontrollér, at specifikationens enheder og datoer passer til data.",
                "Not decidable yet: no success indicator has data for an estimate, both in the pilot period and in what it is compared with "
                    + "(see each indicator below). Check that the spec's units and dates match the data."));
        }
        // Tonight's interval already decided by the teams' variation says so, whichever way is out of reach: a stranger's
        // interval 3.8 times the case-level one read 'too few cases arrive'.
        boolean teams = e.teamLimited() || r != null && r.bound() != null && Analysis.UNIT.equals(r.bound().decidedBy());
        return reason(NOT_DECIDABLE, r == null ? null : r.id(), l -> notWithin(spec, asOf, l)
            + (r == null ? "" : ": " + ReasonTexts.change(r, l))
            + (teams
                ? l.pick(". Variationen mellem teams gør intervallet for bredt, og den bliver ikke mindre af flere sager fra de samme teams. "
                    + (newToTheData(spec, r) ? "Pilotteamene har ingen sager fra før start, så de sammenlignes kun med kontrolteams efter start. Deres sager fra "
                            + "før-perioden (fra " + l.date(spec.baselineStart()) + "), eller flere teams i piloten eller som kontrol, kan gøre det afgørligt."
                        : spec.hasBaseline() ? "Flere teams i piloten eller som kontrol, eller en længere før-periode, kan gøre det afgørligt."
                        : "Flere teams i piloten eller som kontrol, eller en før-periode (baseline_start), kan gøre det afgørligt."),
                    ". The variation between teams keeps the interval too wide, and more cases from the same teams do not shrink it. "
                    + (newToTheData(spec, r) ? "The pilot teams have no cases from before the start, so they are compared with the control teams after it only. "
                            + "Their cases from the baseline (from " + l.date(spec.baselineStart()) + "), or more pilot or control teams, can make it decidable."
                        : spec.hasBaseline() ? "More pilot or control teams, or a longer baseline, can make it decidable."
                        : "More pilot or control teams, or a baseline (baseline_start), can make it decidable."))
                : l.pick(". Der kommer for få sager til at gøre intervallet smalt nok. En længere periode eller flere teams kan gøre det afgørligt.",
                    ". Too few cases arrive to make the interval narrow enough. A longer period or more teams can make it decidable.")));
    }

    /**
     * The spec has a baseline, but the indicator fell back to comparing the arms after the start only: the pilot teams
     * have no rows before it (a team new to the data). 'A longer baseline' or 'add a baseline' was advice it could not follow.
     */
    private static boolean newToTheData(PilotSpec spec, IndicatorResult r) {
        return spec.hasBaseline() && r != null && r.design() == Design.PARALLEL;
    }

    /** The time the rule has left, as the pilot stands: the extension, what is left of it after the end, or none at all. */
    private static String notWithin(PilotSpec spec, LocalDate asOf, Language l) {
        int cap = spec.decision().maxExtensionWeeks();
        // No extension: nothing is projected, so nothing is claimed about the end date, only what happens at it.
        if (cap == 0) {
            return l.pick("Ikke afgjort endnu, og specifikationen giver ingen forlængelse (max_extension_weeks: 0): er piloten ikke afgjort ved slutdatoen "
                    + l.date(spec.end()) + ", stoppes den",
                "Not decided yet, and the spec allows no extension (max_extension_weeks: 0): if it is not decided by the end date "
                    + l.date(spec.end()) + ", it stops");
        }
        if (asOf.isAfter(spec.end())) {
            return l.pick("Forventes ikke afgjort, før forlængelsen slutter " + l.date(spec.deadline()), "Not expected to be decided before the extension ends on "
                + l.date(spec.deadline()));
        }
        return l.pick("Kan ikke afgøres inden for de " + cap + Language.NBSP + "ugers forlængelse", "Not decidable within the " + cap + Language.NBSP
            + "weeks of extension");
    }

    public static Reason preTrend(IndicatorResult r) {
        PreTrend p = r.preTrend();
        String label = r.indicator().definition().label("da"), labelEn = r.indicator().definition().label("en");
        return reason(PRE_TREND, r.id(), l -> l.pick("Pilotteamet og kontrolteams bevægede sig allerede fra hinanden før starten: ",
                "The pilot team and the control teams were already moving apart before the start: ")
            + l.pick(label, labelEn) + " " + l.pick("ændrede sig ", "changed by ") + l.number(p.estimate(), 2)
            + l.pick(" fra " + l.date(p.fakeStart()) + " til starten (sikkerhedsinterval ", " from " + l.date(p.fakeStart()) + " to the start (confidence interval ")
            + l.range(l.number(p.low(), 2), l.number(p.high(), 2)) + l.pick("). Effekten kan ikke skilles fra den udvikling, så piloten kan ikke blive GO. "
                + "Vælg kontrolteams, der fulgte pilotteamet før start, eller undersøg data.",
                "). The effect cannot be told apart from that movement, so the pilot cannot GO. "
                + "Choose control teams that moved with the pilot team before the start, or check the data."));
    }

    public static Reason valueUncertain(BusinessCaseResult b, Integer weeks) {
        var best = b.best();
        return reason(VALUE_UNCERTAIN, null, l -> l.pick("Kerneopgaven er blevet bedre, men om gevinsten dækker omkostningerne, er usikkert: nutidsværdien for ",
                "The core task improved, but whether the gain covers the costs is uncertain: the net present value for ")
            + DeploymentOptions.name(b.bestOption(), l) + l.pick(" er ", " is ") + l.dkk(best.npvDkk()) + " ("
            + l.pick("sikkerhedsinterval ", "confidence interval ") + l.range(l.dkk(best.npvLowDkk()), l.dkk(best.npvHighDkk())) + "). "
            + (weeks == null
                ? l.pick("Det kan ikke afgøres inden for forlængelsen.", "It cannot be settled within the extension.")
                : l.pick("Omkring " + weeks + (weeks == 1 ? Language.NBSP + "uge" : Language.NBSP + "uger") + " mere data skal til.",
                    "About " + weeks + (weeks == 1 ? Language.NBSP + "more week" : Language.NBSP + "more weeks") + " of data " + (weeks == 1 ? "is" : "are")
                    + " needed.")));
    }
}

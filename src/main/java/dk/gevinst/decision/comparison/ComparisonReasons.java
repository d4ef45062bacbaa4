package dk.gevinst.decision.comparison;

import dk.gevinst.config.PilotSpec;
import dk.gevinst.decision.Decision;
import dk.gevinst.decision.IndicatorResult;
import dk.gevinst.decision.Outcome;
import dk.gevinst.decision.Reason;
import dk.gevinst.decision.ReasonTexts;
import dk.gevinst.decision.Verdict;
import dk.gevinst.indicator.Role;
import dk.gevinst.stats.Interval;
import dk.gevinst.text.DeploymentOptions;
import dk.gevinst.text.Language;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The sentences of a comparison's recommendation, in Danish and English; each says which step of the rule decided. */
final class ComparisonReasons {
    private ComparisonReasons() {}

    private static Reason reason(String code, String indicator, Function<Language, String> text) {
        return new Reason(code, indicator, text.apply(Language.DA), text.apply(Language.EN));
    }

    static Reason droppedOut(CandidateEvidence c) {
        boolean guardrail = RecommendationRule.GUARDRAIL.equals(c.droppedBy());
        IndicatorResult why = guardrail
            ? c.results(Role.GUARDRAIL).stream().filter(r -> r.verdict() == Verdict.BREACHED).findFirst().orElseThrow()
            : c.results(Role.SUCCESS).get(0);
        return reason(guardrail ? "candidate_breached_guardrail" : "candidate_futile", why.id(), l -> c.vendor()
            + (guardrail ? l.pick(" falder fra: et kvalitetsværn blev brudt – ", " drops out: a guardrail was breached – ")
                         : l.pick(" falder fra: ingen målbar gevinst for kerneopgaven – ", " drops out: no measurable gain for the core task – "))
            + ReasonTexts.change(why, l) + ".");
    }

    static Reason noneLeft() {
        return reason("no_candidate_left", null, l -> l.pick("Ingen kandidat kan anbefales: alle faldt fra på kvalitetsværn eller manglende gevinst.",
            "No candidate can be recommended: every one dropped out on a guardrail or for lack of gain."));
    }

    static Reason onlyOneLeft(CandidateEvidence c) {
        return reason("only_candidate_left", null, l -> c.vendor() + l.pick(" er den eneste kandidat, der ikke faldt fra.",
            " is the only candidate that did not drop out."));
    }

    /** "Leverandør B løfter kerneopgaven mest: mod Leverandør A faldt sagsbehandlingstiden 12 % (…)". */
    static Reason coreTask(CandidateEvidence c, List<PairContrast> against) {
        IndicatorResult first = against.get(0).decidingIndicator(c.id());
        return reason("core_task_separates", first.id(), l -> c.vendor() + l.pick(" løfter kerneopgaven mest: ", " lifts the core task most: ")
            + against.stream().map(p -> versus(p, c.id(), l)).collect(Collectors.joining("; ")) + ".");
    }

    private static String versus(PairContrast p, String winner, Language l) {
        String other = p.first().id().equals(winner) ? p.second().vendor() : p.first().vendor();
        IndicatorResult r = p.decidingIndicator(winner);
        String change = ReasonTexts.change(r, l);
        // The contrast is first minus second: told from the winner's side when the winner is the first.
        return p.first().id().equals(winner) ? l.pick("mod ", "against ") + other + ": " + change
            : other + l.pick(" mod vinderen: ", " against the winner: ") + change;
    }

    /** "A og B kan ikke skilles på kerneopgaven; medarbejderne foretrækker B (71 %, 97,5 % interval 58 til 82 %)". */
    static Reason preferred(List<CandidateEvidence> left, CandidateEvidence c, double alpha) {
        Interval share = c.preference();
        return reason("preference_decides", RecommendationRule.PREFERENCE, l -> names(left, l) + l.pick(" kan ikke skilles på kerneopgaven; medarbejderne foretrækker ",
                " cannot be told apart on the core task; the employees prefer ") + c.vendor() + " (" + l.percent(c.preferenceShare(), 0) + ", "
            + l.level(alpha) + l.pick(" interval ", " interval ") + l.range(l.number(share.low() * 100, 0), l.percent(share.high(), 0)) + ").");
    }

    static Reason npv(List<CandidateEvidence> left, CandidateEvidence c) {
        var best = c.bestOption();
        return reason("npv_decides", null, l -> names(left, l) + l.pick(" kan ikke skilles på kerneopgaven eller medarbejdernes præference; ",
                " cannot be told apart on the core task or the employees' preference; ") + c.vendor()
            + l.pick(" giver den højeste nutidsværdi: ", " has the highest net present value: ") + l.dkk(best.npvDkk()) + " ("
            + DeploymentOptions.name(best.option(), l) + l.pick("; mindst ", "; at least ") + l.dkk(best.npvLowDkk()) + ").");
    }

    static Reason nothingSeparates(PilotSpec spec, LocalDate asOf, List<CandidateEvidence> left, RecommendationRule.Wait wait) {
        LocalDate stops = spec.deadline().plusDays(1);
        return reason("nothing_separates", null, l -> names(left, l) + l.pick(" kan endnu ikke skilles på kerneopgaven, medarbejdernes præference eller nutidsværdien. ",
                " cannot yet be told apart on the core task, the employees' preference or the net present value. ")
            + switch (wait.kind()) {
                case WEEKS -> moreWeeks(wait.weeks(), l);
                case LAST_DAYS -> l.pick("Under en uge er tilbage af forlængelsen; den " + l.date(stops) + " stopper sammenligningen, hvis intet skiller dem.",
                    "Less than a week of the extension is left; on " + l.date(stops) + " the comparison stops if nothing separates them.");
                case NO_ESTIMATE_YET -> wait.firstPair().evaluation().decision().mainReason().text(l);
                case NOT_WITHIN -> notWithin(spec, asOf, l);
                case SETTLED -> l.pick("Mere data vil ikke skille dem på kerneopgaven: sammenligningerne mellem dem er afgjort, og ingen sætter én kandidat foran alle andre. "
                        + "Gør medarbejdernes præference eller nutidsværdien det ikke, stoppes sammenligningen den " + l.date(stops) + ".",
                    "More data will not separate them on the core task: the comparisons between them are settled, and none puts one candidate ahead of every other. "
                        + "If the employees' preference or the net present value does not, the comparison stops on " + l.date(stops) + ".");
            });
    }

    /** As a pilot's 'not decidable within the extension', said of the candidates; the cap is never given as an estimate. */
    private static String notWithin(PilotSpec spec, LocalDate asOf, Language l) {
        int cap = spec.decision().maxExtensionWeeks();
        if (cap == 0) {
            return l.pick("Specifikationen giver ingen forlængelse (max_extension_weeks: 0): skiller intet dem ved slutdatoen " + l.date(spec.end())
                    + ", stoppes sammenligningen.",
                "The spec allows no extension (max_extension_weeks: 0): if nothing separates them by the end date " + l.date(spec.end())
                    + ", the comparison stops.");
        }
        String within = asOf.isAfter(spec.end())
            ? l.pick("før forlængelsen slutter " + l.date(spec.deadline()), "before the extension ends on " + l.date(spec.deadline()))
            : l.pick("inden for de " + cap + Language.NBSP + "ugers forlængelse", "within the " + cap + Language.NBSP + "weeks of extension");
        return l.pick("Kerneopgaven forventes ikke at skille dem " + within + "; skiller intet dem, stoppes sammenligningen den " + l.date(spec.deadline().plusDays(1)) + ".",
            "The core task is not expected to tell them apart " + within + "; if nothing separates them, the comparison stops on "
                + l.date(spec.deadline().plusDays(1)) + ".");
    }

    /** "Leverandør B ligger forrest, men har endnu ikke målbart løftet kerneopgaven mod kontrolenhederne: … Omkring 6 uger …". */
    static Reason notYetLifted(CandidateEvidence c, String nearest, Integer weeks) {
        IndicatorResult r = nearest == null ? null : c.result(nearest);
        IndicatorResult shown = r != null ? r : c.results(Role.SUCCESS).get(0);
        return reason("leader_not_lifted", shown.id(), l -> c.vendor() + l.pick(" ligger forrest, men har endnu ikke målbart løftet kerneopgaven mod kontrolenhederne: ",
                " is ahead, but has not yet measurably lifted the core task against the control units: ") + ReasonTexts.change(shown, l) + "."
            + (weeks == null ? "" : " " + moreWeeks(weeks, l)));
    }

    /** The leader lifts the core task, but its own rule does not say GO: its own main reason, quoted. */
    static Reason notReady(CandidateEvidence c, Decision own) {
        boolean stop = own.outcome() == Outcome.STOP;
        return reason("leader_not_ready", own.mainReason().indicator(), l -> c.vendor()
            + (stop ? l.pick(" ligger forrest, men kan ikke anbefales: ", " is ahead, but cannot be recommended: ")
                    : l.pick(" ligger forrest, men kan ikke anbefales endnu: ", " is ahead, but cannot be recommended yet: "))
            + own.mainReason().text(l));
    }

    static Reason deadlineNotLifted(PilotSpec spec, CandidateEvidence c) {
        return reason("deadline_not_lifted", null, l -> deadline(spec, l) + l.pick(", og ingen kandidat kan anbefales: ", ", and no candidate can be recommended: ")
            + c.vendor() + l.pick(" lå forrest, men løftede ikke kerneopgaven målbart mod kontrolenhederne.",
                " was ahead, but did not measurably lift the core task against the control units."));
    }

    static Reason deadlineNothingSeparated(PilotSpec spec, List<CandidateEvidence> left) {
        return reason("deadline_nothing_separated", null, l -> deadline(spec, l) + l.pick(", og ingen kandidat kan anbefales: ", ", and no candidate can be recommended: ")
            + names(left, l) + l.pick(" kunne ikke skilles på kerneopgaven, medarbejdernes præference eller nutidsværdien.",
                " could not be told apart on the core task, the employees' preference or the net present value."));
    }

    /** "Leverandør A løftede kerneopgaven mod kontrolenhederne, men det er ikke vist, at kvalitetsværnet Behandlingstid holder sig inden for grænsen." */
    static Reason guardrailUnshown(CandidateEvidence c, List<IndicatorResult> unshown) {
        boolean one = unshown.size() == 1;
        return reason("candidate_guardrail_unshown", unshown.get(0).id(), l -> c.vendor()
            + l.pick(" løftede kerneopgaven mod kontrolenhederne, men det er ikke vist, at " + (one ? "kvalitetsværnet " : "kvalitetsværnene "),
                " lifted the core task against the control units, but ")
            + l.list(unshown.stream().map(r -> r.indicator().definition().label(l.code())).toList())
            + l.pick(one ? " holder sig inden for grænsen." : " holder sig inden for grænserne.",
                one ? " was not shown to stay within its margin." : " were not shown to stay within their margins."));
    }

    private static String deadline(PilotSpec spec, Language l) {
        return ReasonTexts.deadlinePassed(spec, l);
    }

    private static String moreWeeks(int weeks, Language l) {
        return l.pick("Omkring " + weeks + Language.NBSP + (weeks == 1 ? "uge" : "uger") + " mere data skal til.",
            "About " + weeks + Language.NBSP + (weeks == 1 ? "more week of data is needed." : "more weeks of data are needed."));
    }

    private static String names(List<CandidateEvidence> left, Language l) {
        return l.list(left.stream().map(CandidateEvidence::vendor).toList());
    }
}

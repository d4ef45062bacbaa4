package dk.gevinst.decision;

import dk.gevinst.business.BusinessCaseResult;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.stats.Interval;
import dk.gevinst.text.DeploymentOptions;
import dk.gevinst.text.Language;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The sentences a head of department reads, in Danish and English, built from the numbers. */
public final class ReasonTexts {
    private ReasonTexts() {}

    private static Reason reason(String code, String indicator, Function<Language, String> text) {
        return new Reason(code, indicator, text.apply(Language.DA), text.apply(Language.EN));
    }

    /**
     * "Sagsbehandlingstid faldt 13 % (sikkerhedsinterval for ændringen −18 til −8 %)", on the interval the
     * verdict follows from: relative where the change is read relatively, else in the indicator's own unit
     * (shares in percentage points). The interval is of the signed change, minus a fall, exactly as the
     * dashboard's table and chart show it, so the same interval never appears with two sets of numbers. The interval's level is not repeated in every sentence: the dashboard states the
     * decision's confidence once, in words, and explains the per-indicator levels in a footnote for analysts.
     */
    public static String change(IndicatorResult r, Language l) {
        String label = r.indicator().definition().label(l.code());
        if (Double.isNaN(r.effect())) return label + l.pick(": for lidt data til et estimat", ": too little data for an estimate");
        boolean fell = r.effect() < 0;
        String verb = fell ? l.pick("faldt", "fell") : l.pick("steg", "rose");
        Interval ci = r.readInterval();
        String level = l.pick("sikkerhedsinterval for ændringen ", "confidence interval of the change ");
        String tooFew = l.pick(" (for få data til et interval)", " (too few data for an interval)");
        if (r.relative()) {
            if (r.bound().saysNothing()) return label + " " + verb + " " + l.percent(Math.abs(r.relativeEffect()), 0) + tooFew;
            return label + " " + verb + " " + l.percent(Math.abs(r.relativeEffect()), 0) + " (" + level + l.range(l.number(ci.low() * 100, 0), l.percent(ci.high(), 0)) + ")";
        }
        boolean share = "share".equals(r.indicator().definition().unit());
        double scale = share ? 100 : 1;
        double lo = ci.low() * scale, hi = ci.high() * scale;
        String unit = unitWord(r.indicator().definition().unit(), l);
        if (r.bound().saysNothing()) return label + " " + verb + " " + withUnit(l.number(Math.abs(r.effect()) * scale, share ? 1 : 2), unit) + tooFew;
        return label + " " + verb + " " + withUnit(l.number(Math.abs(r.effect()) * scale, share ? 1 : 2), unit) + " (" + level
            + l.range(l.number(lo, share ? 1 : 2), withUnit(l.number(hi, share ? 1 : 2), unit)) + ")";
    }

    /** A threshold in the indicator's own unit, with the unit named: "1,22 dage", "2,5 procentpoint". */
    static String ownUnit(IndicatorResult r, double value, Language l) {
        String unit = r.indicator().definition().unit();
        boolean share = "share".equals(unit);
        return withUnit(l.number(share ? value * 100 : value, share ? 1 : 2), unitWord(unit, l));
    }

    private static String withUnit(String number, String unit) {
        return unit.isEmpty() ? number : number + Language.NBSP + unit;
    }

    /** The unit a change is counted in, in words. */
    static String unitWord(String unit, Language l) {
        if (unit == null) return "";
        return switch (unit) {
            case "minutes" -> l.pick("min.", "min");
            case "days" -> l.pick("dage", "days");
            case "share" -> l.pick("procentpoint", "percentage points");
            case "points" -> l.pick("point", "points");
            case "seconds" -> l.pick("sek.", "s");
            default -> "";
        };
    }

    public static Reason improved(IndicatorResult r) {
        return reason("core_task_improved", r.id(), l -> change(r, l) + l.pick(": kerneopgaven er blevet bedre.", ": the core task improved."));
    }

    public static Reason guardrailsHeld(List<IndicatorResult> guardrails) {
        if (guardrails.isEmpty()) {
            return reason("guardrails_held", null, l -> l.pick("Ingen kvalitetsværn er sat for piloten.", "The pilot sets no guardrails."));
        }
        return reason("guardrails_held", null, l -> l.pick("Kvalitetsværnene holdt: ", "Guardrails held: ")
            + guardrails.stream().map(g -> g.indicator().definition().label(l.code())).collect(Collectors.joining(", ")) + ".");
    }

    public static Reason breached(IndicatorResult r) {
        return reason("guardrail_breached", r.id(), l -> l.pick("Kvalitetsværnet blev brudt – ", "A guardrail was breached: ")
            + change(r, l) + l.pick(", mere end den tilladte margin på ", ", beyond the allowed margin of ") + ownUnit(r, r.marginAbs(), l) + ".");
    }

    public static Reason futile(List<IndicatorResult> success) {
        return reason("futile", null, l -> l.pick("Ingen målbar gevinst for kerneopgaven, uanset hvad teknikken gjorde: ",
                "No measurable gain for the core task, whatever the technology did: ")
            + success.stream().map(r -> change(r, l)).collect(Collectors.joining("; "))
            + l.pick(". Effekten er mindre end det, der betyder noget.", ". The effect is smaller than what matters."));
    }

    public static Reason worseOrFutile(IndicatorResult r) {
        boolean worse = r.verdict() == Verdict.WORSE;
        return reason(worse ? "indicator_worse" : "indicator_futile", r.id(), l -> change(r, l)
            + (worse ? l.pick(": en forværring.", ": worse than before.")
                     : l.pick(": mindre end den mindste effekt, der betyder noget (", ": smaller than the smallest effect that matters (")
                        + ownUnit(r, r.mdeAbs(), l) + ")."));
    }

    public static Reason valuePositive(BusinessCaseResult b, PilotSpec spec) {
        return reason("value_positive", null, l -> l.pick("Bedste driftsform (", "The best deployment option (") + DeploymentOptions.name(b.bestOption(), l)
            + l.pick(") har en nutidsværdi på ", ") has a net present value of ") + l.dkk(b.best().npvDkk())
            + l.pick(" over ", " over ") + spec.businessCase().horizonYears() + l.pick(Language.NBSP + "år.", Language.NBSP + "years."));
    }

    public static Reason noBusinessCase() {
        return reason("no_business_case", null, l -> l.pick("Specifikationen har ingen business case; værdien er ikke vurderet.",
            "The spec has no business case; value was not assessed."));
    }

    public static Reason costsUnknown(PilotSpec spec) {
        return reason("costs_unknown", null, l -> l.pick("Kerneopgaven er løftet, men der er ingen omkostninger for '" + spec.id()
                + "' i costs/, så gevinsten kan ikke vejes mod udgiften. Tilføj pilotens omkostninger for hver driftsform"
                + " (en række med 0 kr., hvis der ingen er); se docs/contract.md.",
            "The core task improved, but costs/ holds no costs for '" + spec.id() + "', so the gain cannot be weighed against"
                + " the cost. Add the pilot's costs for each deployment option (a row of 0 DKK if there are none); see docs/contract.md."));
    }

    public static Reason valueBelowCost(BusinessCaseResult b) {
        return reason("value_below_cost", null, l -> l.pick("Gevinsten dækker ikke omkostningerne: selv i bedste fald er nutidsværdien ",
            "The gain does not cover the costs: even at best the net present value is ") + l.dkk(b.best().npvHighDkk())
            + " (" + DeploymentOptions.name(b.bestOption(), l) + ").");
    }

    public static Reason deadlinePassed(PilotSpec spec) {
        return deadlinePassed(spec, List.of());
    }

    /** @param unshown guardrails not shown to hold while the core task improved: what held the pilot back, named */
    public static Reason deadlinePassed(PilotSpec spec, List<IndicatorResult> unshown) {
        return reason("deadline_passed", null, l -> deadlinePassed(spec, l) + l.pick(" uden et klart resultat.", " without a clear result.")
            + (unshown.isEmpty() ? "" : l.pick(unshown.size() == 1 ? " Kerneopgaven blev bedre, men det er ikke vist, at kvalitetsværnet " : " Kerneopgaven blev bedre, men det er ikke vist, at kvalitetsværnene ", " The core task improved, but ")
                + l.list(unshown.stream().map(r -> r.indicator().definition().label(l.code())).toList())
                + l.pick(unshown.size() == 1 ? " holder sig inden for grænsen." : " holder sig inden for grænserne.", unshown.size() == 1 ? " was not shown to stay within its margin." : " were not shown to stay within their margins.")));
    }

    /** "Beslutningsdatoen 30. juni 2026 plus 8 ugers forlængelse er passeret", or, without extension, that the date has passed. */
    public static String deadlinePassed(PilotSpec spec, Language l) {
        int w = spec.decision().maxExtensionWeeks();
        String date = l.pick("Beslutningsdatoen ", "The decision date ") + l.date(spec.end());
        if (w == 0) return date + l.pick(" er passeret (specifikationen giver ingen forlængelse)", " has passed (the spec allows no extension)");
        return date + l.pick(" plus " + w + Language.NBSP + (w == 1 ? "uges" : "ugers") + " forlængelse er passeret",
            " plus " + w + Language.NBSP + (w == 1 ? "week" : "weeks") + " of extension has passed");
    }

    public static Reason moreDataNeeded(IndicatorResult nearest, int weeks) {
        return reason("more_data_needed", nearest == null ? null : nearest.id(), l -> l.pick("Endnu ikke afgjort: ", "Not decided yet: ")
            + (nearest == null ? l.pick("kerneopgaven har endnu for få data efter start til et estimat",
                "the core task has too little data since the start for an estimate") : change(nearest, l))
            + l.pick(". Omkring " + weeks + (weeks == 1 ? Language.NBSP + "uge" : Language.NBSP + "uger") + " mere data skal til.",
                ". About " + weeks + (weeks == 1 ? Language.NBSP + "more week" : Language.NBSP + "more weeks") + " of data " + (weeks == 1 ? "is" : "are") + " needed."));
    }

    public static Reason insufficient(IndicatorResult r, int minimum) {
        return reason("insufficient_data", r.id(), l -> r.indicator().definition().label(l.code())
            + l.pick(": for få observationer i mindst én celle (mindst " + minimum + " kræves).",
                ": too few observations in at least one cell (at least " + minimum + " needed)."));
    }

    public static Reason technical(IndicatorResult r) {
        return reason("technical_not_counted", r.id(), l -> change(r, l)
            + l.pick(" – tekniske målinger vises, men tæller aldrig i beslutningen.", " – technical metrics are shown but never count toward the decision."));
    }
}

package dk.gevinst.config;

import dk.gevinst.privacy.CprScrubber;
import dk.gevinst.text.NearestName;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A unit a spec names that has no rows in the data is most likely misspelt ("Ydelse Vestt" for "Ydelse Vest"):
 * left alone, the pilot is silently decided on fewer teams than its spec says. Each such unit is named with the
 * unit present in the data it most likely means. Names are compared and shown CPR-masked, as the data holds them.
 */
public final class UnitsWithoutData {
    /** The days after the start during which a unit without rows is a warning: the first week a new team may not export yet. */
    public static final int GRACE_DAYS = 7;

    private UnitsWithoutData() {}

    /** What the pilot is evaluated on while a unit has no rows. */
    public enum Left {
        /** other units of its arm (or candidate) have rows: fewer teams than specified */
        OTHER_UNITS,
        /** it was the last control unit with rows and the spec has a baseline: the pilot's own days before and after the start */
        NO_CONTROL_GROUP,
        /** nothing: the last pilot unit (or the candidate's last unit) with rows, or the last control unit without a baseline */
        NOTHING
    }

    /**
     * A spec unit without rows: its arm ("pilot" or "control"), its (masked) name, the likely intended one or null,
     * the candidate whose unit it is (null outside a comparison) and what the pilot is evaluated on without it.
     */
    public record Missing(String arm, String unit, String didYouMean, String candidate, Left left, LocalDate start, boolean started,
                          boolean pastFirstWeek) {
        public Missing(String arm, String unit, String didYouMean) {
            this(arm, unit, didYouMean, null, Left.OTHER_UNITS, null, true, true);
        }

        public boolean pilotArm() {
            return "pilot".equals(arm);
        }

        /**
         * Whether the pilot is not evaluated until the unit is fixed (a spec error, exit 2). A decision on other teams than
         * the spec names (a GO on two of three control teams) is one nobody chose: from a week after the start, when a
         * team new to the pilot has had time to export. One that leaves nothing (a decision on the controls alone, a
         * comparison blind to a candidate) is never made once the pilot has started.
         */
        public boolean blocks() {
            return left == Left.NOTHING ? started : pastFirstWeek;
        }

        /** The warning (or, when it {@link #blocks()}, the error) in English, as validate and the run's log say it. */
        public String en(String pilotId) {
            return pilotId + ": " + arm + " unit '" + unit + "' has no rows in the data"
                + (didYouMean == null ? "; check its spelling against the unit column of the exports."
                    : "; did you mean '" + didYouMean + "'?")
                + " " + consequenceEn() + (blocks() ? " Until it is fixed the pilot is not evaluated, and its last good decision stands."
                    : " A warning until " + (left == Left.NOTHING ? "the start, " + start : start.plusDays(GRACE_DAYS) + ", a week after the start")
                    + ": a team new to the pilot may not export yet.");
        }

        private String consequenceEn() {
            return switch (left) {
                case OTHER_UNITS -> "Without it the pilot would be decided on other teams than its spec names.";
                case NO_CONTROL_GROUP -> "No other control unit has rows: without it the pilot would be decided without a control group.";
                case NOTHING -> candidate != null
                    ? "No other unit of candidate '" + candidate + "' has rows: without it the comparison cannot judge that candidate."
                    : pilotArm() ? "No other pilot unit has rows: without it the pilot cannot be evaluated at all."
                    : "No other control unit has rows and the spec has no baseline_start: without it the pilot cannot be evaluated at all.";
            };
        }
    }

    /** The units of a spec (pilot arm first) that are not among the units known in the data, as of the night {@code asOf}. */
    public static List<Missing> of(PilotSpec spec, Collection<String> knownUnits, LocalDate asOf) {
        Set<String> known = new TreeSet<>();
        knownUnits.forEach(u -> known.add(CprScrubber.mask(u)));
        Set<String> named = new TreeSet<>();
        spec.pilotUnits().forEach(u -> named.add(CprScrubber.mask(u)));
        spec.controlUnits().forEach(u -> named.add(CprScrubber.mask(u)));
        List<Missing> out = new ArrayList<>();
        Night night = new Night(spec.start(), !asOf.isBefore(spec.start()), !asOf.isBefore(spec.start().plusDays(GRACE_DAYS)));
        if (spec.isComparison()) {
            for (Candidate c : spec.candidates()) check("pilot", c.id(), c.units(), Left.NOTHING, known, named, night, out);
        } else {
            check("pilot", null, spec.pilotUnits(), Left.NOTHING, known, named, night, out);
        }
        check("control", null, spec.controlUnits(), spec.hasBaseline() ? Left.NO_CONTROL_GROUP : Left.NOTHING, known, named, night, out);
        return out;
    }

    /** Where the night lies against the pilot's start. */
    private record Night(LocalDate start, boolean started, boolean pastFirstWeek) {}

    /** The group's units without rows; when none of the group has rows, {@code whenNoneHas} says what the pilot is left with. */
    private static void check(String arm, String candidate, List<String> group, Left whenNoneHas, Set<String> known, Set<String> named,
                              Night night, List<Missing> out) {
        boolean noneHas = group.stream().noneMatch(u -> known.contains(CprScrubber.mask(u)));
        for (String raw : group) {
            String unit = CprScrubber.mask(raw);
            if (known.contains(unit)) continue;
            out.add(new Missing(arm, unit, closest(unit, known, named), candidate, noneHas ? whenNoneHas : Left.OTHER_UNITS, night.start(), night.started(),
                night.pastFirstWeek()));
        }
    }

    /**
     * The known unit nearest in edit distance (ignoring case), within a third of the name's length; units the
     * spec already names are skipped, since a spec rarely means one team twice. Ties go to the first in order.
     */
    static String closest(String unit, Set<String> known, Set<String> named) {
        List<String> candidates = known.stream().filter(k -> !named.contains(k)).sorted().toList();
        // A name typed without Danish letters (BS Oest, Aarhus for Århus) is that name, however close another one is.
        for (String k : candidates) if (folded(k).equals(folded(unit))) return k;
        return NearestName.of(unit, candidates, Math.max(1, unit.length() / 3));
    }

    private static String folded(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace("æ", "ae").replace("ø", "oe").replace("å", "aa");
    }
}

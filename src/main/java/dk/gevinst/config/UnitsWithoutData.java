package dk.gevinst.config;

import dk.gevinst.privacy.CprScrubber;
import dk.gevinst.text.NearestName;
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
    private UnitsWithoutData() {}

    /** A spec unit without rows: its arm ("pilot" or "control"), its (masked) name and the likely intended one, or null. */
    public record Missing(String arm, String unit, String didYouMean) {
        public boolean pilotArm() {
            return "pilot".equals(arm);
        }

        /** The warning in English, as validate and the run's log say it. */
        public String en(String pilotId) {
            return pilotId + ": " + arm + " unit '" + unit + "' has no rows in the data"
                + (didYouMean == null ? "; check its spelling against the unit column of the exports."
                    : "; did you mean '" + didYouMean + "'?")
                + " Until it is fixed the pilot is evaluated without it.";
        }
    }

    /** The units of a spec (pilot arm first) that are not among the units known in the data. */
    public static List<Missing> of(PilotSpec spec, Collection<String> knownUnits) {
        Set<String> known = new TreeSet<>();
        knownUnits.forEach(u -> known.add(CprScrubber.mask(u)));
        Set<String> named = new TreeSet<>();
        spec.pilotUnits().forEach(u -> named.add(CprScrubber.mask(u)));
        spec.controlUnits().forEach(u -> named.add(CprScrubber.mask(u)));
        List<Missing> out = new ArrayList<>();
        for (String u : spec.pilotUnits()) check("pilot", CprScrubber.mask(u), known, named, out);
        for (String u : spec.controlUnits()) check("control", CprScrubber.mask(u), known, named, out);
        return out;
    }

    private static void check(String arm, String unit, Set<String> known, Set<String> named, List<Missing> out) {
        if (known.contains(unit)) return;
        out.add(new Missing(arm, unit, closest(unit, known, named)));
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

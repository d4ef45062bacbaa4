package dk.gevinst.text;

import java.util.Collection;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The name a misspelling most likely means, for "did you mean": the nearest of the known names in edit
 * distance (Commons Text, which Spark ships in both run modes), ignoring case, within a limit; ties go to
 * the first in the names' order. Null when none is that close.
 */
public final class NearestName {
    private NearestName() {}

    public static String of(String typed, Collection<String> names, int limit) {
        LevenshteinDistance distance = new LevenshteinDistance(limit);
        String lower = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : names) {
            int d = distance.apply(lower, name.toLowerCase(Locale.ROOT));
            if (d >= 0 && d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return best;
    }
}

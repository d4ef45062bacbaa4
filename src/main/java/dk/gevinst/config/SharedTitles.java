package dk.gevinst.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two specs with one title: the portfolio, the digest and the run's summary name pilots by title, so a steering
 * group reads two rows, or two lines of 'what changed', it cannot tell apart (a spec copied under a new id keeps
 * its title). Not an error, since the ids differ and each pilot is decided on its own; a warning with both files.
 */
public final class SharedTitles {
    private SharedTitles() {}

    /** One warning per spec whose title (ignoring case and surrounding space) an earlier spec already has. */
    public static List<String> warnings(List<PilotSpec> specs) {
        Map<String, PilotSpec> first = new LinkedHashMap<>();
        List<String> out = new ArrayList<>();
        for (PilotSpec s : specs) {
            if (s.title() == null || s.title().isBlank()) continue;
            PilotSpec earlier = first.putIfAbsent(s.title().strip().toLowerCase(Locale.ROOT), s);
            if (earlier != null) {
                out.add(s.file() + ": pilot '" + s.id() + "' has the title '" + s.title().strip() + "', as pilot '" + earlier.id() + "' (" + earlier.file()
                    + ") has; the portfolio and the digest show both under one name: give each its own title.");
            }
        }
        return out;
    }
}

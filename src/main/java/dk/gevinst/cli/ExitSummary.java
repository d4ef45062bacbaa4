package dk.gevinst.cli;

import dk.gevinst.decision.Outcome;
import dk.gevinst.pipeline.ExitCode;
import dk.gevinst.pipeline.NightlyRun;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one line a failed command ends with on stderr, for a scheduler to mail or alert on:
 * {@code gevinst: exit N (meaning): what happened}. It always starts with "gevinst: exit ".
 */
final class ExitSummary {
    private static final int MAX_DETAIL = 400;

    private ExitSummary() {}

    static String meaning(ExitCode code) {
        return switch (code) {
            case OK -> "ok";
            case UNEXPECTED -> "unexpected error";
            case BAD_SPEC_OR_ARGUMENTS -> "bad pilot spec or arguments";
            case DATA_SOURCE_UNREADABLE -> "a data source is unreadable";
            case LOCKED -> "another run holds the lock";
            case STALE_DATA -> "a pilot's data is stale";
            case OUTPUT_NOT_WRITABLE -> "the output folder cannot be written";
            case CLUSTER_FAILED -> "the Spark cluster could not run the job";
            case TERMINATED -> "stopped by a signal";
            // A code added later still gets a readable line before it gets its own words here.
            default -> code.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }

    /**
     * A run that finished and published, but not cleanly: what was published (decisions kept from an earlier
     * night, and those on stale or partial data, counted too) and the first problem. Only pilots evaluated count
     * as pilots: an invalid spec was not evaluated, so it is counted as an invalid spec beside them.
     */
    static String forRun(NightlyRun.Report r) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        int errors = 0;
        int kept = 0;
        int stale = 0;
        int partial = 0;
        int invalid = 0;
        for (NightlyRun.PilotSummary p : r.published()) {
            if (p.invalidSpec()) {
                invalid++;
                continue;
            }
            if (p.decision() == null) errors++;
            else counts.merge(Outcome.valueOf(p.decision()), 1, Integer::sum);
            if (p.keptFrom() != null) kept++;
            if (p.staleData()) stale++;
            if (p.partialData()) partial++;
        }
        StringBuilder b = new StringBuilder("run ").append(r.runId()).append(" published ").append(r.published().size() - invalid).append(" pilots (");
        for (Outcome o : Outcome.values()) b.append(counts.getOrDefault(o, 0)).append(' ').append(o.name()).append(", ");
        b.append(errors).append(" errors");
        if (kept > 0) b.append(", ").append(kept).append(" kept from an earlier night");
        if (stale > 0) b.append(", ").append(stale).append(" on stale data");
        if (partial > 0) b.append(", ").append(partial).append(" on partial data");
        b.append(')');
        if (invalid > 0) b.append(" and ").append(invalid).append(invalid == 1 ? " invalid spec, not evaluated" : " invalid specs, not evaluated");
        int skipped = r.skipped().size();
        if (skipped > 0) b.append("; ").append(skipped).append(skipped == 1 ? " file skipped in the data root" : " files skipped in the data root");
        if (!r.problems().isEmpty()) {
            b.append("; ").append(r.problems().size()).append(r.problems().size() == 1 ? " problem: " : " problems, the first: ")
                .append(oneLine(r.problems().get(0)));
        }
        b.append("; details in ").append(r.manifest());
        return line(r.exitCode(), b.toString());
    }

    /**
     * A command that stopped with an error: its first concrete problem, and how many more its message printed above.
     * A heading that names no problem ("the config file is invalid:") is joined with the line after it, which does:
     * a schedule mails only this line, and a heading alone tells the reader nothing to fix.
     */
    static String forError(ExitCode code, String message) {
        List<String> lines = message == null ? List.of() : message.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) return line(code, "");
        int first = lines.size() > 1 && lines.get(0).endsWith(":") ? 1 : 0;
        String problem = first == 0 ? lines.get(0) : lines.get(0) + " " + lines.get(1);
        int more = lines.size() - first - 1;
        // Clipped before the count is added, so a long problem never cuts "(and K more above)" off.
        return line(code, oneLine(problem) + (more > 0 ? " (and " + more + " more above)" : ""));
    }

    private static String line(ExitCode code, String detail) {
        return "gevinst: exit " + code.code() + " (" + meaning(code) + "): " + detail;
    }

    private static String oneLine(String s) {
        String t = s == null ? "" : s.strip();
        int nl = t.indexOf('\n');
        if (nl >= 0) t = t.substring(0, nl).strip();
        return t.length() > MAX_DETAIL ? t.substring(0, MAX_DETAIL) + "…" : t;
    }
}

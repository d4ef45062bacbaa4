package dk.gevinst.pipeline;

import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.time.LocalDate;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/** What a run checks before it touches anything, so that a wrong setting is a clear message and not a half-written night. */
final class RunChecks {
    /** Marks an output folder as holding simulations of future nights, never real decisions. */
    static final String SIMULATION_MARKER = "_simulation";

    private RunChecks() {}

    static void arguments(Storage storage, RunSettings s, LocalDate today) throws IOException {
        if (!storage.isDirectory(s.data())) {
            throw new GevinstException(ExitCode.DATA_SOURCE_UNREADABLE, "the data root " + s.data() + " does not exist or is not a folder; pass --data DIR");
        }
        if (!storage.isDirectory(s.pilots())) {
            throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, "the pilots folder " + s.pilots() + " does not exist or is not a folder; pass --pilots DIR");
        }
        if (s.asOf().isAfter(today) && !s.simulation()) {
            throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, "--as-of " + s.asOf() + " is after today (" + today + "): a night that has"
                + " not happened cannot be decided. To try it anyway, add --simulation and give an --out of its own.");
        }
    }

    /**
     * A simulation writes only to a folder of its own, and a real run never into one: otherwise a simulated
     * night's decisions, history and frozen analyses would mix with the real ones.
     */
    static void simulationFolder(Storage storage, RunSettings s) throws IOException {
        Path marker = new Path(s.out(), SIMULATION_MARKER);
        boolean marked = storage.exists(marker);
        if (s.simulation() && !marked) {
            if (Publication.current(storage, s.out()).isPresent() || storage.exists(s.state())) {
                throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, "--simulation needs an output folder of its own, and " + s.out()
                    + " holds real runs; pass another --out (a new folder)");
            }
            storage.writeText(marker, "This folder holds simulated nights (gevinst run --simulation), never real decisions.\n");
        } else if (!s.simulation() && marked) {
            throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, s.out() + " holds simulated nights (" + SIMULATION_MARKER
                + "); a real run needs its own --out, or add --simulation");
        }
    }

    /**
     * Proves the output folder writable before the run starts: a folder without write permission gets a
     * message naming it and its permissions, and its own exit code, instead of an unexpected error at the end.
     * On a local disk every folder below it too (OutputFolders): one left to another user by a run as that user
     * would otherwise fail the night at its end.
     */
    static void writable(Storage storage, Path out, String runId) {
        Path probe = new Path(out, ".write-check-" + runId);
        try {
            if (storage.isLocal(out)) OutputFolders.check(storage.local(out));
            else if (storage.exists(out) && !storage.isDirectory(out)) throw OutputFolders.notAFolder(out, out);
        } catch (IOException e) {
            // Not known to be a file: the probe below says what is wrong.
        }
        try {
            storage.mkdirs(out);
            storage.writeText(probe, "");
            storage.delete(probe);
        } catch (IOException | RuntimeException e) {
            throw new GevinstException(ExitCode.OUTPUT_NOT_WRITABLE, "cannot write to the output folder " + out + permissions(storage, out)
                + " (" + reason(e) + "). The user running gevinst (" + System.getProperty("user.name")
                + ") needs write permission on it: fix the permissions or pass another --out.");
        }
    }

    private static String permissions(Storage storage, Path out) {
        Path p = out;
        try {
            while (p != null && !storage.exists(p)) p = p.getParent();
            if (p == null) return "";
            FileStatus st = storage.fs(p).getFileStatus(p);
            return (p.equals(out) ? "" : ": its nearest existing folder " + p) + " has permissions " + st.getPermission()
                + " (owner " + st.getOwner() + ", group " + st.getGroup() + ")";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String reason(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int paren = m.lastIndexOf('(');
        return paren >= 0 && m.endsWith(")") ? m.substring(paren + 1, m.length() - 1) : m;
    }
}

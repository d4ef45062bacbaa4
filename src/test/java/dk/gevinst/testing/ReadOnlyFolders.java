package dk.gevinst.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Folders the user running the tests cannot write, whoever that is. */
public final class ReadOnlyFolders {
    private ReadOnlyFolders() {}

    /**
     * Makes a folder unwritable ({@code on}) or writable again: chattr +i for root, who ignores permission bits but not
     * the immutable flag (CI runs as root, so a chmod alone would test nothing there), else chmod 555. False when the
     * command failed (a filesystem without the flag): the caller then skips with an assumption.
     */
    public static boolean lock(Path dir, boolean on) throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        Process p = new ProcessBuilder(root ? List.of("chattr", on ? "+i" : "-i", dir.toString()) : List.of("chmod", on ? "555" : "755", dir.toString()))
            .redirectErrorStream(true).start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}

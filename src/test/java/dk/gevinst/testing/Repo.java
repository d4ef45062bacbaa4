package dk.gevinst.testing;

import java.nio.file.Path;

/** Where the checkout is: tests read only what the repository holds, so a plain clone passes. */
public final class Repo {
    private Repo() {}

    public static Path root() {
        return Path.of(System.getProperty("gevinst.repo", ".")).toAbsolutePath().normalize();
    }
}

package dk.gevinst.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the checkout and the read-only shared folder beside it are. */
public final class Repo {
    private Repo() {}

    public static Path root() {
        return Path.of(System.getProperty("gevinst.repo", ".")).toAbsolutePath().normalize();
    }

    public static Path shared() {
        Path p = root().resolveSibling("shared");
        if (!Files.isDirectory(p)) throw new IllegalStateException("the shared folder is missing beside the checkout: " + p);
        return p;
    }
}

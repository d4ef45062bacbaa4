package dk.gevinst.testing;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small helpers to lay out a data root in a test's temporary folder. */
public final class TempDirs {
    private TempDirs() {}

    public static Path write(Path root, String relative, String text) throws IOException {
        return write(root, relative, text, StandardCharsets.UTF_8);
    }

    public static Path write(Path root, String relative, String text, Charset charset) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.write(p, text.getBytes(charset));
        return p;
    }

    public static Path writeBytes(Path root, String relative, byte[] bytes) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    /**
     * A copy of a folder tree, e.g. a run's output, so a test can change it without touching the shared one.
     * Symbolic links stay links: an output folder's fixed links point into it relatively.
     */
    public static Path copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) Files.createSymbolicLink(target, Files.readSymbolicLink(p));
                else if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return to;
    }
}

package dk.gevinst.pipeline;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves, before anything starts, that a run can write everywhere it will write below a local output folder.
 * Probing the output folder alone is not enough: after one run as another user (root, say), {@code published/},
 * {@code _state/} or {@code runs/} belong to that user, and the night fails only at its end, when it first writes
 * there. A run writes into, or deletes from, every folder below OUT, so each must be writable; and it hard-links
 * the current publication's tables into the new version, which Linux (fs.protected_hardlinks) allows only for a
 * file the user owns or can read and write. Folders are walked without following links (the fixed links point
 * inside), and only the tables' files are looked at: a stat each, cheap beside a night.
 */
public final class OutputFolders {
    /** How many offending paths the message names; the rest are counted. */
    static final int NAMED = 3;

    private OutputFolders() {}

    /** One path the run cannot write or link: what it is, its owner and permissions. */
    record Blocked(Path path, boolean folder, String owner, String permissions) {
        String describe() {
            return path + " (" + (folder ? "" : "a published file the next version links to; ") + "owner " + owner + ", " + permissions + ")";
        }
    }

    /** The folders directly in the output folder that a run writes into (the fixed links and the pointer are links, not walked). */
    private static final java.util.Set<String> WRITTEN = java.util.Set.of("_state", Publication.VERSIONS, "runs", ".staging");

    /** Throws exit 6 naming the first few paths below {@code out} the current user cannot write or link. */
    public static void check(Path out) {
        if (Files.isRegularFile(out)) throw notAFolder(out, out);
        for (Path p = out.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) throw notAFolder(out, p);
        }
        Path existing = out;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return;
        if (!Files.isWritable(existing) || !Files.isExecutable(existing)) throw folderUnwritable(out, existing);
        if (!existing.equals(out)) return;
        List<Blocked> blocked = new ArrayList<>();
        int[] count = {0};
        Path real;
        try {
            // An --out that is a link is walked, and chowned, where it points: neither a walk nor chown -R follows a link.
            real = out.toRealPath();
            walk(real, blocked, count);
        } catch (IOException e) {
            // A walk that cannot finish proves nothing either way; the probe and the run itself still report a real failure.
            return;
        }
        if (count[0] > 0) throw unwritable(real, blocked, count[0]);
    }

    static GevinstException notAFolder(Object out, Object file) {
        String where = file.equals(out) ? "--out " + out + " is a file, not a folder"
            : "--out " + out + " lies below " + file + ", which is a file, not a folder";
        return new GevinstException(ExitCode.OUTPUT_NOT_WRITABLE, where + ": pass an --out that names a folder (a new one is made).");
    }

    /** The output folder itself, or the nearest existing folder above it that the run would create it in. */
    private static GevinstException folderUnwritable(Path out, Path existing) {
        String user = System.getProperty("user.name");
        String where = existing.equals(out) ? "cannot write to the output folder " + out + ": it"
            : "cannot create the output folder " + out + ": its nearest existing folder " + existing;
        String fix = locked(owner(existing), permissions(existing), user) ? ", or pass another --out. " + immutable(existing) + "."
            : ": fix the permissions (sudo chown " + user + " " + existing + ") or pass another --out.";
        return new GevinstException(ExitCode.OUTPUT_NOT_WRITABLE, where + " has permissions " + permissions(existing) + " (owner " + owner(existing)
            + "). The user running gevinst (" + user + ") needs write permission on it" + fix);
    }

    private static void walk(Path out, List<Blocked> blocked, int[] count) throws IOException {
        String user = System.getProperty("user.name");
        Path tables = linkedTables(out);
        Files.walkFileTree(out, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                // Only what a run writes into: a lost+found at a mount root, or an operator's read-only copy beside, is not ours.
                if (out.equals(dir.getParent()) && !WRITTEN.contains(dir.getFileName().toString())) return FileVisitResult.SKIP_SUBTREE;
                boolean readable = Files.isReadable(dir) && Files.isExecutable(dir);
                if ((!readable || !Files.isWritable(dir)) && !dir.equals(out)) note(dir, true);
                // What lies below an unreadable folder cannot be seen; the folder itself is named.
                return readable ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (tables != null && attrs.isRegularFile() && file.startsWith(tables) && !linkable(file, user)) note(file, false);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }

            private void note(Path p, boolean folder) {
                if (count[0]++ < NAMED) blocked.add(new Blocked(p, folder, owner(p), permissions(p)));
            }
        });
    }

    /** The current publication's tables, which the next version gets as hard links; none before the first night. */
    private static Path linkedTables(Path out) {
        try {
            Path current = out.resolve(Publication.CURRENT);
            if (!Files.exists(current)) return null;
            return out.resolve(Publication.VERSIONS).resolve(current.toRealPath().getFileName()).resolve(Publication.TABLES);
        } catch (IOException e) {
            return null;
        }
    }

    /** What protected_hardlinks asks of a link's source: its owner, or read and write access. */
    private static boolean linkable(Path file, String user) {
        return user.equals(owner(file)) || (Files.isReadable(file) && Files.isWritable(file));
    }

    private static String owner(Path p) {
        try {
            return Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName();
        } catch (IOException | UnsupportedOperationException e) {
            return "unknown";
        }
    }

    private static String permissions(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | UnsupportedOperationException e) {
            return "permissions unknown";
        }
    }

    /**
     * Whether a path its permissions let the user write is unwritable all the same: root ignores permission bits, and an
     * owner with write permission is refused only by the immutable flag, a read-only mount or an ACL. An operator who
     * was told to chmod such a folder changed nothing.
     */
    private static boolean locked(String owner, String permissions, String user) {
        return "root".equals(user) || (owner.equals(user) && permissions.length() > 1 && permissions.charAt(1) == 'w');
    }

    private static String immutable(Path p) {
        return "Its permissions allow that, so it is likely immutable ('sudo chattr -i " + p + "' clears it; 'lsattr -d' shows an i) or on a read-only mount";
    }

    private static GevinstException unwritable(Path out, List<Blocked> blocked, int count) {
        String user = System.getProperty("user.name");
        StringBuilder b = new StringBuilder("cannot write ").append(count == 1 ? "1 path" : count + " paths").append(" below the output folder ")
            .append(out).append(": ");
        for (int i = 0; i < blocked.size(); i++) b.append(i == 0 ? "" : ", ").append(blocked.get(i).describe());
        if (count > blocked.size()) b.append(" and ").append(count - blocked.size()).append(" more");
        Blocked first = blocked.get(0);
        String owner = first.owner();
        // Its own folder made read-only needs a chmod; another user's (a run as root, usually) a chown, or runs as that user;
        // one the permissions let us write is locked in another way, which neither would undo.
        if (locked(owner, first.permissions(), user)) b.append(". ").append(immutable(first.path())).append('.');
        else if (owner.equals(user)) b.append(". Its owner lacks write permission: chmod -R u+rwX ").append(out).append('.');
        else b.append(". Left by a run as ").append(owner).append(", most likely: sudo chown -R ").append(user).append(' ').append(out)
            .append(", or run gevinst as ").append(owner).append('.');
        return new GevinstException(ExitCode.OUTPUT_NOT_WRITABLE, b.toString());
    }
}

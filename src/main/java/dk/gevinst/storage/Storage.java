package dk.gevinst.storage;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Every read and write the driver makes, through the Hadoop FileSystem API, so that a path may be
 * {@code file:}, {@code hdfs:} or {@code s3a:} and the job runs unchanged on a cluster.
 * Directories are created 0750 and files 0640: dashboards carry aggregates that are still sensitive.
 */
public final class Storage {
    public static final FsPermission DIRECTORY_PERMISSION = new FsPermission((short) 0750);
    public static final FsPermission FILE_PERMISSION = new FsPermission((short) 0640);
    /** The umask that gives those permissions; Spark's own writers get it through the Hadoop configuration. */
    public static final String UMASK = "027";

    private final Configuration conf;

    public Storage(Configuration conf) {
        this.conf = conf;
        conf.set("fs.permissions.umask-mode", UMASK);
    }

    /** A location as the user wrote it: a URI with a scheme, or a local path (relative to the working directory). */
    public static Path resolve(String location) {
        URI uri = URI.create(location.replace(" ", "%20"));
        if (uri.getScheme() != null && uri.getScheme().length() > 1) return new Path(location);
        return new Path(new File(location).getAbsoluteFile().toURI());
    }

    public record FileEntry(Path path, long size, long modified) {}

    /** The filesystem of a path. Local checksum side files (.x.crc) are not written: outputs are read by people. */
    public FileSystem fs(Path p) {
        try {
            FileSystem fs = p.getFileSystem(conf);
            fs.setWriteChecksum(false);
            return fs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the filesystem of " + p + ": " + e.getMessage(), e);
        }
    }

    public boolean exists(Path p) throws IOException {
        return fs(p).exists(p);
    }

    public boolean isDirectory(Path p) throws IOException {
        return fs(p).exists(p) && fs(p).getFileStatus(p).isDirectory();
    }

    /** Plain files directly in a folder, by name; hidden and underscore names (Hadoop markers) are skipped. */
    public List<FileEntry> listFiles(Path dir) throws IOException {
        List<FileEntry> out = new ArrayList<>();
        if (!exists(dir)) return out;
        for (FileStatus s : fs(dir).listStatus(dir)) {
            String name = s.getPath().getName();
            if (s.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
                out.add(new FileEntry(s.getPath(), s.getLen(), s.getModificationTime()));
            }
        }
        out.sort(Comparator.comparing(e -> e.path().getName()));
        return out;
    }

    /** What a name in a data folder turned out to be. */
    public enum Kind {
        FILE,
        FOLDER,
        /** A symbolic link whose target lies outside the folders it may point into: not followed. */
        LINK_OUTSIDE,
        /** A symbolic link whose target does not exist. */
        LINK_BROKEN
    }

    /** One name in a folder: what it is, and for files their size and modification time (of the link's target). */
    public record Entry(Path path, Kind kind, long size, long modified, boolean link) {}

    /**
     * Every visible name directly in a folder, by name, with what it is: a file, a folder, or a symbolic link
     * that is not followed. Links are followed only into {@code allowedRoots} (on the local filesystem; other
     * filesystems have no links in practice). Hidden names and Hadoop markers ({@code _x}) are left out.
     */
    public List<Entry> listEntries(Path dir, List<Path> allowedRoots) throws IOException {
        List<Entry> out = new ArrayList<>();
        if (!exists(dir)) return out;
        if ("file".equals(dir.toUri().getScheme())) {
            // Hadoop's local listing follows links and drops broken ones silently; java.nio sees them.
            try (var names = java.nio.file.Files.list(java.nio.file.Path.of(dir.toUri()))) {
                for (java.nio.file.Path p : names.toList()) {
                    String name = p.getFileName().toString();
                    if (!name.startsWith(".") && !name.startsWith("_")) out.add(localEntry(p, allowedRoots));
                }
            }
        } else {
            for (FileStatus s : fs(dir).listStatus(dir)) {
                String name = s.getPath().getName();
                if (name.startsWith(".") || name.startsWith("_")) continue;
                out.add(new Entry(s.getPath(), s.isDirectory() ? Kind.FOLDER : Kind.FILE, s.getLen(), s.getModificationTime(), false));
            }
        }
        out.sort(Comparator.comparing(e -> e.path().getName()));
        return out;
    }

    private static Entry localEntry(java.nio.file.Path p, List<Path> allowedRoots) throws IOException {
        // Not p.toUri(): for a folder it ends in '/', and the Hadoop path's name would then be empty.
        Path path;
        try {
            path = new Path(new java.net.URI("file", null, p.toAbsolutePath().toString(), null));
        } catch (java.net.URISyntaxException e) {
            throw new IOException("cannot name " + p + ": " + e.getMessage(), e);
        }
        boolean link = java.nio.file.Files.isSymbolicLink(p);
        if (link) {
            if (!java.nio.file.Files.exists(p)) return new Entry(path, Kind.LINK_BROKEN, 0, 0, true);
            java.nio.file.Path target = p.toRealPath();
            boolean inside = false;
            for (Path root : allowedRoots) {
                java.nio.file.Path r = java.nio.file.Path.of(root.toUri());
                if (java.nio.file.Files.exists(r) && target.startsWith(r.toRealPath())) inside = true;
            }
            if (!inside) return new Entry(path, Kind.LINK_OUTSIDE, 0, 0, true);
        }
        if (java.nio.file.Files.isDirectory(p)) return new Entry(path, Kind.FOLDER, 0, 0, link);
        var attributes = java.nio.file.Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
        return new Entry(path, Kind.FILE, attributes.size(), attributes.lastModifiedTime().toMillis(), link);
    }

    /** Hidden entries (name starting with a dot) directly in a folder: temporary files of earlier writers. */
    public List<FileEntry> listHidden(Path dir) throws IOException {
        List<FileEntry> out = new ArrayList<>();
        if (!exists(dir)) return out;
        for (FileStatus s : fs(dir).listStatus(dir)) {
            if (s.getPath().getName().startsWith(".")) out.add(new FileEntry(s.getPath(), s.getLen(), s.getModificationTime()));
        }
        return out;
    }

    public byte[] readBytes(Path p, int maxBytes) throws IOException {
        try (InputStream in = fs(p).open(p)) {
            return in.readNBytes(maxBytes);
        }
    }

    /** The whole file (as large as a Java array may be). */
    public byte[] readAll(Path p) throws IOException {
        return readBytes(p, Integer.MAX_VALUE - 8);
    }

    public String readText(Path p) throws IOException {
        return new String(readAll(p), StandardCharsets.UTF_8);
    }

    public void mkdirs(Path dir) throws IOException {
        fs(dir).mkdirs(dir, DIRECTORY_PERMISSION);
    }

    public void writeText(Path p, String text) throws IOException {
        writeBytes(p, text.getBytes(StandardCharsets.UTF_8));
    }

    public void writeBytes(Path p, byte[] bytes) throws IOException {
        FileSystem fs = fs(p);
        mkdirs(p.getParent());
        try (OutputStream out = fs.create(p, FILE_PERMISSION, true, 65536, fs.getDefaultReplication(p), fs.getDefaultBlockSize(p), null)) {
            out.write(bytes);
        }
    }

    /** Creates a file only if none exists: the primitive the run lock stands on. */
    public boolean createExclusive(Path p, String text) throws IOException {
        FileSystem fs = fs(p);
        mkdirs(p.getParent());
        try (OutputStream out = fs.create(p, FILE_PERMISSION, false, 4096, fs.getDefaultReplication(p), fs.getDefaultBlockSize(p), null)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            if (fs.exists(p)) return false;
            throw e;
        }
    }

    /** Folders directly in a folder, by name, hidden ones included (the caller decides what they mean). */
    public List<Path> listDirectories(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!exists(dir)) return out;
        for (FileStatus s : fs(dir).listStatus(dir)) if (s.isDirectory()) out.add(s.getPath());
        out.sort(Comparator.comparing(Path::getName));
        return out;
    }

    /** A path on the local filesystem, where symbolic links, hard links and rename(2) are available. */
    public boolean isLocal(Path p) {
        return "file".equals(fs(p).getScheme());
    }

    public java.nio.file.Path local(Path p) {
        return java.nio.file.Paths.get(fs(p).makeQualified(p).toUri());
    }

    /**
     * Writes a small file so that a reader sees the old content or the new, whole: written beside it under a
     * hidden name, then put in its place in one step (see #replaceAtomically).
     */
    public void writeTextAtomically(Path target, String text) throws IOException {
        writeBytesAtomically(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public void writeBytesAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
        writeBytes(tmp, bytes);
        try {
            replaceAtomically(tmp, target);
        } catch (IOException | RuntimeException e) {
            // Not left behind for the next run to find (a folder where the file should be, a full disk).
            try {
                fs(tmp).delete(tmp, false);
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Replaces {@code target} by {@code source} in one step, so a reader sees the old file or the new one:
     * rename(2) on a local disk, and a rename with OVERWRITE on HDFS, which the NameNode does atomically.
     * Other filesystems (S3) offer no atomic replace; there the file is briefly absent.
     */
    public void replaceAtomically(Path source, Path target) throws IOException {
        if (isLocal(target)) {
            java.nio.file.Files.move(local(source), local(target), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        org.apache.hadoop.fs.FileContext fc = org.apache.hadoop.fs.FileContext.getFileContext(target.toUri(), conf);
        fc.rename(source, target, org.apache.hadoop.fs.Options.Rename.OVERWRITE);
    }

    /**
     * Makes {@code to} hold the files of {@code from} (folders whose relative path {@code skip} accepts are left
     * out): hard links on a local disk, which cost no space and no time, copies elsewhere. Published files are
     * never changed in place, so a link is as good as a copy.
     */
    public void linkOrCopyTree(Path from, Path to, java.util.function.Predicate<String> skip) throws IOException {
        linkOrCopy(from, to, "", skip);
    }

    private void linkOrCopy(Path from, Path to, String relative, java.util.function.Predicate<String> skip) throws IOException {
        if (!relative.isEmpty() && skip.test(relative)) return;
        FileStatus status = fs(from).getFileStatus(from);
        if (status.isDirectory()) {
            mkdirs(to);
            for (FileStatus child : fs(from).listStatus(from)) {
                String name = child.getPath().getName();
                linkOrCopy(child.getPath(), new Path(to, name), relative.isEmpty() ? name : relative + "/" + name, skip);
            }
        } else if (isLocal(from) && isLocal(to)) {
            java.nio.file.Files.createLink(local(to), local(from));
        } else {
            org.apache.hadoop.fs.FileUtil.copy(fs(from), from, fs(to), to, false, conf);
        }
    }

    public boolean rename(Path from, Path to) throws IOException {
        return fs(from).rename(from, to);
    }

    public void delete(Path p) throws IOException {
        fs(p).delete(p, true);
    }

    /** Sets a file's modification time to now: the run lock's heartbeat. */
    public void touch(Path p) throws IOException {
        fs(p).setTimes(p, System.currentTimeMillis(), -1);
    }

    public long modificationTime(Path p) throws IOException {
        return fs(p).getFileStatus(p).getModificationTime();
    }
}

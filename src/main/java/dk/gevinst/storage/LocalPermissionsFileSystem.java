package dk.gevinst.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local filesystem, except that it sets a file's permissions through java.nio instead of starting
 * a {@code chmod} process. Without Hadoop's native library (Gevinst does not ship it) every directory and
 * file Hadoop or Spark creates forks one: 270 processes for the sample's night, seconds of a run that should
 * take a few. Permissions java.nio cannot express (sticky, setuid) and non-POSIX filesystems go the old way.
 * Registered as {@code spark.hadoop.fs.file.impl} by {@link dk.gevinst.spark.SparkSettings}: it must be set
 * before the session's first use of a local path, as Hadoop caches one filesystem per scheme.
 */
public class LocalPermissionsFileSystem extends LocalFileSystem {
    public LocalPermissionsFileSystem() {
        super(new Raw());
    }

    /** The raw local filesystem with {@link #setPermission} through java.nio. */
    static final class Raw extends RawLocalFileSystem {
        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            short bits = permission.toShort();
            java.nio.file.Path file = pathToFile(p).toPath();
            if ((bits & ~0777) != 0 || !Files.getFileStore(file).supportsFileAttributeView("posix")) {
                super.setPermission(p, permission);
                return;
            }
            Files.setPosixFilePermissions(file, posix(bits));
        }

        static Set<PosixFilePermission> posix(short bits) {
            // PosixFilePermission lists OWNER_READ … OTHERS_EXECUTE, the same order as the bits 0400 … 0001.
            Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
            PosixFilePermission[] all = PosixFilePermission.values();
            for (int i = 0; i < all.length; i++) {
                if ((bits & (0400 >> i)) != 0) out.add(all[i]);
            }
            return out;
        }
    }
}

package dk.gevinst.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.testing.TestSpark;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local files get the permissions Hadoop asks for, set through java.nio: the session's local filesystem is
 * Gevinst's, every permission bit lands where {@code chmod} would put it, and what java.nio cannot set
 * (the sticky bit) still goes through Hadoop's own way.
 */
class LocalPermissionsFileSystemTest {
    @Test
    void theSessionsLocalFilesystemSetsPermissionsWithoutAProcess() throws Exception {
        var conf = TestSpark.session().sparkContext().hadoopConfiguration();
        try (FileSystem fs = FileSystem.newInstance(URI.create("file:///"), conf)) {
            assertThat(fs).isInstanceOf(LocalPermissionsFileSystem.class);
        }
    }

    @Test
    void everyPermissionBitLandsWhereChmodPutsIt(@TempDir Path tmp) throws Exception {
        LocalPermissionsFileSystem.Raw raw = new LocalPermissionsFileSystem.Raw();
        raw.initialize(URI.create("file:///"), new org.apache.hadoop.conf.Configuration());
        Path file = Files.createFile(tmp.resolve("f"));
        for (int bits = 0; bits <= 0777; bits++) {
            FsPermission p = new FsPermission((short) bits);
            raw.setPermission(new org.apache.hadoop.fs.Path(file.toUri()), p);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(Integer.toOctalString(bits)).isEqualTo(p.toString());
        }
        Path dir = Files.createDirectory(tmp.resolve("d"));
        raw.setPermission(new org.apache.hadoop.fs.Path(dir.toUri()), new FsPermission((short) 01750));
        assertThat(raw.getFileStatus(new org.apache.hadoop.fs.Path(dir.toUri())).getPermission().getStickyBit()).as("through chmod").isTrue();
    }
}

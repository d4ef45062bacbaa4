package dk.gevinst.cli;

import dk.gevinst.pipeline.ExitCode;
import dk.gevinst.pipeline.GevinstException;
import dk.gevinst.privacy.Pseudonymizer;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Option;

/** Where the pseudonym key comes from: a file, the environment, or (for samples and tests only) the demo key. */
final class KeyOptions {
    static final String ENV = "GEVINST_PSEUDONYM_KEY";

    @Option(names = "--key-file", paramLabel = "FILE", description = "File holding the pseudonym key (at least 16 bytes). Keep it outside the repository.")
    String keyFile;

    @Option(names = "--demo-key", description = "Use the built-in demo key. Only for data-samples/ and tests: prints a warning.")
    boolean demoKey;

    Pseudonymizer resolve(String configKeyFile, Boolean configDemo, Configuration conf) {
        String file = keyFile != null ? keyFile : configKeyFile;
        if (file != null) {
            try {
                byte[] raw = new Storage(conf).readBytes(Storage.resolve(file), 4096);
                byte[] key = new String(raw, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
                if (key.length < 16) throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, "the key file " + file + " holds " + key.length + " bytes; a pseudonym key needs at least 16");
                return new Pseudonymizer(key);
            } catch (IOException e) {
                throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, "cannot read the key file " + file + ": " + e.getMessage());
            }
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            byte[] key = env.strip().getBytes(StandardCharsets.UTF_8);
            if (key.length < 16) throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, ENV + " holds " + key.length + " bytes; a pseudonym key needs at least 16");
            Pseudonymizer p = new Pseudonymizer(key);
            Arrays.fill(key, (byte) 0);
            return p;
        }
        if (demoKey || Boolean.TRUE.equals(configDemo)) {
            System.err.println("WARNING: using the demo pseudonym key. It is public: use it only for data-samples/ and tests, never for real data.");
            return Pseudonymizer.demo();
        }
        throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, "no pseudonym key: gevinst will not process real data without one. Pass --key-file FILE or set "
            + ENV + " (at least 16 bytes, kept outside the repository); for data-samples/ and tests only, pass --demo-key.");
    }
}

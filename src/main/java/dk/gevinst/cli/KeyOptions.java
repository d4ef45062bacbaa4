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

/**
 * Where the pseudonym key comes from: a file (local or on a Hadoop filesystem), a Hadoop credential
 * provider, the environment, or (for samples and tests only) the demo key. Only the driver reads it.
 */
final class KeyOptions {
    static final String ENV = "GEVINST_PSEUDONYM_KEY";
    static final String PROVIDER_PATH = "hadoop.security.credential.provider.path";

    @Option(names = "--key-file", paramLabel = "FILE", description = "File holding the pseudonym key (at least 16 bytes). Keep it outside the repository.")
    String keyFile;

    @Option(names = "--key-alias", paramLabel = "NAME", description = "Read the key from a Hadoop credential provider (hadoop credential create NAME), "
        + "found through " + PROVIDER_PATH + ", e.g. --conf spark.hadoop." + PROVIDER_PATH + "=jceks://hdfs@nn/gevinst/key.jceks")
    String keyAlias;

    @Option(names = "--demo-key", description = "Use the built-in demo key. Only for data-samples/ and tests: prints a warning.")
    boolean demoKey;

    Pseudonymizer resolve(String configKeyFile, Boolean configDemo, Configuration conf) {
        if (keyFile == null && keyAlias != null) return fromCredentialProvider(conf);
        String file = keyFile != null ? keyFile : configKeyFile;
        if (file != null) {
            try {
                byte[] raw = new Storage(conf).readBytes(Storage.resolve(file), 4096);
                byte[] key = new String(raw, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
                if (key.length < 16) throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, "the key file " + file + " holds " + key.length + " bytes; a pseudonym key needs at least 16");
                return new Pseudonymizer(key);
            } catch (IOException e) {
                // The first night makes the key; every later night must find the same one (the state checks it).
                throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, "cannot read the key file " + file + ": " + e.getMessage()
                    + "; check the path and that this user may read it, or, for a first run only, make one: (umask 077; head -c 32 /dev/urandom | base64 > "
                    + file + ") (keep it: another key later gives every person a new pseudonym)");
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

    private Pseudonymizer fromCredentialProvider(Configuration conf) {
        String providers = conf.get(PROVIDER_PATH);
        if (providers == null || providers.isBlank()) {
            throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, "--key-alias " + keyAlias + " needs a credential provider: set " + PROVIDER_PATH
                + " (e.g. --conf spark.hadoop." + PROVIDER_PATH + "=jceks://hdfs@nn/gevinst/key.jceks, or in core-site.xml)");
        }
        // Only a provider counts: Hadoop would otherwise fall back to a clear-text property of that name.
        Configuration strict = new Configuration(conf);
        strict.setBoolean("hadoop.security.credential.clear-text-fallback", false);
        char[] secret;
        try {
            secret = strict.getPassword(keyAlias);
        } catch (IOException e) {
            throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, "cannot read the credential providers " + providers + ": " + e.getMessage());
        }
        if (secret == null) {
            throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, "no credential '" + keyAlias + "' in " + providers
                + "; create it with: hadoop credential create " + keyAlias + " -provider " + providers);
        }
        byte[] key = new String(secret).strip().getBytes(StandardCharsets.UTF_8);
        Arrays.fill(secret, '\0');
        if (key.length < 16) throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, "the credential '" + keyAlias + "' holds " + key.length + " bytes; a pseudonym key needs at least 16");
        Pseudonymizer p = new Pseudonymizer(key);
        Arrays.fill(key, (byte) 0);
        return p;
    }
}

package dk.gevinst.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.gevinst.privacy.Pseudonymizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.alias.CredentialProvider;
import org.apache.hadoop.security.alias.CredentialProviderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a cluster the pseudonym key can come from a Hadoop credential provider instead of a file on each node. */
class KeyOptionsTest {
    private static final String KEY = "a-cluster-key-of-at-least-16-bytes";

    @Test
    void aKeyInACredentialProviderPseudonymisesAsTheSameKeyInAFile(@TempDir Path tmp) throws Exception {
        Configuration conf = new Configuration(false);
        conf.set(KeyOptions.PROVIDER_PATH, "jceks://file" + tmp.resolve("gevinst.jceks"));
        CredentialProvider store = CredentialProviderFactory.getProviders(conf).get(0);
        store.createCredentialEntry("gevinst.pseudonym", KEY.toCharArray());
        store.flush();

        KeyOptions options = new KeyOptions();
        options.keyAlias = "gevinst.pseudonym";
        Pseudonymizer fromProvider = options.resolve(null, null, conf);
        assertThat(fromProvider.pseudonym("case-42")).isEqualTo(new Pseudonymizer(KEY.getBytes(StandardCharsets.UTF_8)).pseudonym("case-42"));

        options.keyAlias = "gevinst.other";
        assertThatThrownBy(() -> options.resolve(null, null, conf))
            .hasMessageContaining("no credential 'gevinst.other' in jceks://file")
            .hasMessageContaining("hadoop credential create gevinst.other -provider ");
    }

    @Test
    void anAliasWithoutAProviderSaysWhereToConfigureOne() {
        KeyOptions options = new KeyOptions();
        options.keyAlias = "gevinst.pseudonym";
        Configuration clearText = new Configuration(false);
        clearText.set("gevinst.pseudonym", KEY);
        assertThatThrownBy(() -> options.resolve(null, null, clearText))
            .hasMessageContaining("--key-alias gevinst.pseudonym needs a credential provider: set hadoop.security.credential.provider.path");
    }
}

package dk.gevinst.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.testing.Repo;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Every exit code the program can return is in the README's table, and the table lists no other. */
class ExitCodesDocumentedTest {
    @Test
    void theReadmeTableListsEveryExitCode() throws Exception {
        String readme = Files.readString(Repo.root().resolve("README.md"));
        String table = readme.substring(readme.indexOf("### Exit codes"), readme.indexOf("## Inputs and outputs"));
        var documented = table.lines().filter(l -> l.matches("\\| [0-9]+ \\|.*")).map(l -> Integer.parseInt(l.split("\\|")[1].trim())).toList();
        var codes = new java.util.ArrayList<Integer>();
        for (ExitCode c : ExitCode.values()) codes.add(c.code());
        assertThat(documented).containsExactlyInAnyOrderElementsOf(codes);
    }
}

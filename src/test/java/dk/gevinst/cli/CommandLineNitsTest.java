package dk.gevinst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.testing.Capture;
import dk.gevinst.testing.Repo;
import dk.gevinst.testing.TempDirs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line says what is wrong with a value and how to write it, and its help reads cleanly at 80 columns. */
class CommandLineNitsTest {
    private static final int[] EXIT = new int[1];

    private static String stderr(String... args) throws Exception {
        return Capture.stderr(() -> EXIT[0] = Main.execute(args));
    }

    @Test
    void aMistypedCommandGetsASuggestion() throws Exception {
        String err = stderr("rn", "--config", "jobs/nightly.yaml");
        assertThat(EXIT[0]).isEqualTo(2);
        assertThat(err).contains("Unmatched argument", "'rn'", "Did you mean", "run");
    }

    @Test
    void aWellFormedDayThatDoesNotExistIsCalledThat() throws Exception {
        String month = stderr("run", "--pilots", "p", "--data", "d", "--out", "o", "--as-of", "2026-13-01", "--demo-key");
        assertThat(EXIT[0]).isEqualTo(2);
        assertThat(month).contains("--as-of is '2026-13-01', which is not a real date (there is no month 13)").doesNotContain("YYYY-MM-DD;");
        String day = stderr("explain", "chatbot", "--as-of", "2026-02-30");
        assertThat(EXIT[0]).isEqualTo(2);
        assertThat(day).contains("'2026-02-30', which is not a real date (February 2026 has 28 days)");
        String shape = stderr("explain", "chatbot", "--as-of", "30-02-2026");
        assertThat(shape).contains("--as-of is '30-02-2026'; write a date as YYYY-MM-DD");
    }

    @Test
    void yesterdayIsADayASchedulerCanName() {
        assertThat(Arguments.date("yesterday", "--as-of")).isEqualTo(java.time.LocalDate.now().minusDays(1));
        assertThat(Arguments.date("2026-11-27", "--as-of")).isEqualTo(java.time.LocalDate.of(2026, 11, 27));
    }

    @Test
    void aMissingConfigFileIsCalledMissing(@TempDir Path tmp) throws Exception {
        TempDirs.write(tmp, "nightly.yaml", "pilots: p\n");
        String err = stderr("run", "--config", tmp.resolve("nightly.yml").toString(), "--demo-key");
        assertThat(EXIT[0]).isEqualTo(2);
        assertThat(err).contains("the config file " + tmp.resolve("nightly.yml") + " is missing", "(there is " + tmp.resolve("nightly.yaml") + ")")
            .doesNotContain("NoSuchFile");
        assertThat(stderr("run", "--config", tmp.toString())).contains("is a folder; give the run config file");
    }

    @Test
    void validateWantsAFolderOfSpecsNotAFile(@TempDir Path tmp) throws Exception {
        Path spec = Repo.root().resolve("jobs/pilots/chatbot.yaml");
        String file = stderr("validate", "--pilots", spec.toString());
        assertThat(EXIT[0]).isEqualTo(2);
        assertThat(file).contains("--pilots is the file " + spec + "; give the folder that holds it, e.g. --pilots jobs/pilots");
        String missing = stderr("validate", "--pilots", tmp.resolve("nowhere").toString());
        assertThat(EXIT[0]).isEqualTo(2);
        assertThat(missing).contains("does not exist");
    }

    @Test
    void aFailureEndsWithOneSummaryLine() throws Exception {
        String err = stderr("run", "--pilots", "p", "--data", "d", "--out", "o", "--as-of", "2026-13-01");
        List<String> lines = err.lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("gevinst: exit 2 (bad pilot spec or arguments): --as-of is '2026-13-01'");
    }

    /** cron mails the last line only: for a config error it names the first problem and counts the rest, not a bare heading. */
    @Test
    void anInvalidConfigsLastLineNamesItsFirstProblem(@TempDir Path tmp) throws Exception {
        Path config = TempDirs.write(tmp, "cfg.yaml", "pilots: p\nfreshnes:\n  cases: 5\ncolour: red\n");
        List<String> lines = stderr("run", "--config", config.toString(), "--demo-key").lines().toList();
        assertThat(EXIT[0]).isEqualTo(2);
        assertThat(lines.get(lines.size() - 1)).startsWith("gevinst: exit 2 (bad pilot spec or arguments): the config file is invalid: " + config
            + ":2:1: unknown key 'freshnes'").contains("did you mean 'freshness'?").endsWith(" (and 1 more above)");
    }

    /** An option picocli does not know ends with the summary line too, with picocli's suggestion, not with 'Try ... --help'. */
    @Test
    void anUnknownOptionEndsWithTheSummaryLineAndItsSuggestion() throws Exception {
        List<String> lines = stderr("run", "--as-off", "2026-11-27", "--config", "jobs/nightly.yaml").lines().toList();
        assertThat(EXIT[0]).isEqualTo(2);
        assertThat(lines.get(lines.size() - 1)).startsWith("gevinst: exit 2 (bad pilot spec or arguments): Unknown options: '--as-off'")
            .contains("(did you mean --as-of?)").endsWith("see 'gevinst run --help'");
    }

    /** Examples are written to fit: a line picocli wrapped would start in column 0 or cut a command in two. */
    @Test
    void everyHelpExampleFitsItsLineAndIsACommandThatParses() {
        CommandLine root = new CommandLine(new Main());
        List<CommandLine> commands = new ArrayList<>(List.of(root));
        commands.addAll(root.getSubcommands().values());
        int examples = 0;
        for (CommandLine c : commands) {
            StringWriter help = new StringWriter();
            c.usage(new PrintWriter(help));
            List<String> lines = help.toString().lines().toList();
            int start = lines.indexOf("Examples:");
            if (start < 0) continue;
            StringBuilder command = new StringBuilder();
            for (String line : lines.subList(start + 1, lines.size())) {
                if (line.isBlank()) break;
                assertThat(line).as(c.getCommandName() + " help").hasSizeLessThanOrEqualTo(80).matches("^ {2}gevinst .*|^ {6}\\S.*");
                assertThat(line.startsWith("      ")).as("a continuation follows a line ending in \\: " + line).isEqualTo(command.length() > 0);
                String text = line.strip().replaceAll("\\s+\\(.*\\)$", "");
                boolean continues = text.endsWith("\\");
                command.append(continues ? text.substring(0, text.length() - 1) : text).append(' ');
                if (!continues) {
                    String[] args = command.toString().strip().split("\\s+");
                    new CommandLine(new Main()).parseArgs(java.util.Arrays.copyOfRange(args, 1, args.length));
                    examples++;
                    command.setLength(0);
                }
            }
        }
        assertThat(examples).isGreaterThanOrEqualTo(10);
    }
}

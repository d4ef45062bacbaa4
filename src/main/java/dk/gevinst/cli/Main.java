package dk.gevinst.cli;

import dk.gevinst.pipeline.ExitCode;
import dk.gevinst.pipeline.GevinstException;
import java.io.PrintWriter;
import java.util.List;
import org.apache.commons.text.similarity.LevenshteinDistance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.UnmatchedArgumentException;

/** {@code gevinst}: the command-line entry point. Exit codes are documented in the README. */
@Command(name = "gevinst", mixinStandardHelpOptions = true, version = "gevinst 0.1.0",
    description = "Decides GO / EXTEND / STOP for municipal IT pilots, core task first.",
    subcommands = {RunCommand.class, ExplainCommand.class, ValidateCommand.class, GenerateCommand.class, DashboardCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 unexpected error, 2 bad spec or arguments, 3 a data source",
        "unreadable, 4 another run holds the lock, 5 stale data, 6 the output folder cannot be",
        "written, 7 the Spark cluster could not run the job, 143 stopped by SIGTERM.",
        "A failure ends with one line on stderr: gevinst: exit N (...): ...",
        "Add --verbose to a command for stack traces."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExitCodeExceptionMapper(t -> t instanceof GevinstException g ? g.exitCode().code() : ExitCode.UNEXPECTED.code());
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("gevinst: " + ex.getMessage());
            String hint = ex instanceof UnmatchedArgumentException u ? suggest(u, err) : "";
            String help = ex.getCommandLine().getCommandSpec().qualifiedName() + " --help";
            err.println("Try '" + help + "'.");
            // As after any failure, the last line is the summary a schedule mails: the problem and its fix on one line.
            err.println(ExitSummary.forError(ExitCode.BAD_SPEC_OR_ARGUMENTS, ex.getMessage() + hint + "; see '" + help + "'"));
            return ExitCode.BAD_SPEC_OR_ARGUMENTS.code();
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parsed) -> {
            // --verbose is each command's own option, so it is matched on the subcommand's parse result.
            boolean verbose = false;
            for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) verbose |= p.hasMatchedOption("--verbose");
            if (QuietShutdown.stopping() && !verbose) return ExitCode.TERMINATED.code();
            PrintWriter err = commandLine.getErr();
            ExitCode code = ex instanceof GevinstException g ? g.exitCode() : ExitCode.UNEXPECTED;
            String message = ex instanceof GevinstException ? ex.getMessage()
                : ex + (verbose ? "" : " (run again with --verbose for the stack trace)");
            // Details first; the last line is the one-line summary a scheduler mails.
            int nl = message.indexOf('\n');
            if (nl >= 0) err.println("gevinst: " + message);
            if (verbose) ex.printStackTrace(err);
            err.println(ExitSummary.forError(code, message));
            return code.code();
        });
        return cl.execute(args);
    }

    /**
     * picocli's suggestions, or for a mistyped command they miss ('rn') the commands within two edits; returns them
     * for the summary line (" (did you mean --as-of?)"), or "" when there are none.
     */
    private static String suggest(UnmatchedArgumentException u, PrintWriter err) {
        if (!u.getSuggestions().isEmpty() || u.getUnmatched().isEmpty()) {
            UnmatchedArgumentException.printSuggestions(u, err);
            return u.getSuggestions().isEmpty() ? "" : " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
        }
        String typed = u.getUnmatched().get(0);
        var commands = u.getCommandLine().getSubcommands().keySet();
        LevenshteinDistance distance = new LevenshteinDistance(2);
        List<String> close = commands.stream().filter(c -> distance.apply(typed, c) >= 0).sorted().toList();
        if (close.isEmpty()) return "";
        String name = u.getCommandLine().getCommandName();
        String commandsClose = String.join(" or ", close.stream().map(c -> name + " " + c).toList());
        err.println("Did you mean: " + commandsClose + "?");
        return " (did you mean " + commandsClose + "?)";
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

package dk.gevinst.cli;

import dk.gevinst.pipeline.ExitCode;
import dk.gevinst.pipeline.GevinstException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gevinst}: the command-line entry point. Exit codes are documented in the README. */
@Command(name = "gevinst", mixinStandardHelpOptions = true, version = "gevinst 0.1.0",
    description = "Decides GO / EXTEND / STOP for municipal IT pilots, core task first.",
    subcommands = {RunCommand.class, ValidateCommand.class, GenerateCommand.class, DashboardCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 unexpected error, 2 bad spec or arguments, 3 a data source unreadable,",
        "4 another run holds the lock, 5 stale data, 6 the output folder cannot be written, 143 stopped by SIGTERM.",
        "Add --verbose to a command for stack traces."})
public final class Main implements Runnable {
    /** 128 + 15, what a shell reports for a process ended by SIGTERM. */
    private static final int SIGTERM_EXIT = 143;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExitCodeExceptionMapper(t -> t instanceof GevinstException g ? g.exitCode().code() : ExitCode.UNEXPECTED.code());
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("gevinst: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.BAD_SPEC_OR_ARGUMENTS.code();
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parsed) -> {
            boolean verbose = parsed.hasMatchedOption("--verbose");
            if (QuietShutdown.stopping() && !verbose) return SIGTERM_EXIT;
            if (ex instanceof GevinstException g) {
                commandLine.getErr().println("gevinst: " + g.getMessage());
                if (verbose) ex.printStackTrace(commandLine.getErr());
                return g.exitCode().code();
            }
            commandLine.getErr().println("gevinst: unexpected error: " + ex + (verbose ? "" : " (run again with --verbose for the stack trace)"));
            if (verbose) ex.printStackTrace(commandLine.getErr());
            return ExitCode.UNEXPECTED.code();
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

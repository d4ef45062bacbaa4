package dk.gevinst.pipeline;

/** An expected failure with a message for the user and the exit code it maps to. */
public class GevinstException extends RuntimeException {
    private final transient ExitCode exitCode;

    public GevinstException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}

package dk.gevinst.config;

/** One validation error, located so an editor can jump to it: {@code file:line:column: message}. */
public record Problem(String file, int line, int column, String message) {
    /** A message may quote a spec's value: CPR-shaped text in it is masked before anyone prints it. */
    public Problem {
        message = dk.gevinst.privacy.CprScrubber.mask(message);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}

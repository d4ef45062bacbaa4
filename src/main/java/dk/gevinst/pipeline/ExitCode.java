package dk.gevinst.pipeline;

/** The documented exit codes (README, "Exit codes"). */
public enum ExitCode {
    OK(0), UNEXPECTED(1), BAD_SPEC_OR_ARGUMENTS(2), DATA_SOURCE_UNREADABLE(3), LOCKED(4), STALE_DATA(5), OUTPUT_NOT_WRITABLE(6);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}

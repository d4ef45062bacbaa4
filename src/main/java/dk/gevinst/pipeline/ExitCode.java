package dk.gevinst.pipeline;

/** The documented exit codes (README, "Exit codes"). */
public enum ExitCode {
    OK(0), UNEXPECTED(1), BAD_SPEC_OR_ARGUMENTS(2), DATA_SOURCE_UNREADABLE(3), LOCKED(4),
    /** The Spark cluster could not run the job: its master does not answer, no executor came, or executors were lost. */
    CLUSTER_FAILED(5);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}

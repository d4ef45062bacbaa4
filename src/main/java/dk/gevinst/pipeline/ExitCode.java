package dk.gevinst.pipeline;

/** The documented exit codes (README, "Exit codes"). */
public enum ExitCode {
    OK(0), UNEXPECTED(1), BAD_SPEC_OR_ARGUMENTS(2), DATA_SOURCE_UNREADABLE(3), LOCKED(4),
    /** A pilot's data is older than its freshness expectation: it keeps its last good decision. */
    STALE_DATA(5),
    /** The output folder cannot be written: the message names it, its permissions and owner. */
    OUTPUT_NOT_WRITABLE(6),
    /** The Spark cluster could not run the job: its master does not answer, no executor came, or executors were lost. */
    CLUSTER_FAILED(7),
    /** Stopped by SIGTERM (128 + 15, as a shell reports it): what is published stays whole. */
    TERMINATED(143);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}

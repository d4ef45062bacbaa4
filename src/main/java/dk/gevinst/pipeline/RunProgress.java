package dk.gevinst.pipeline;

/** Hears about each stage of a run as it finishes: how many things it handled and how long it took. */
@FunctionalInterface
public interface RunProgress {
    RunProgress NONE = (stage, count, what, seconds) -> { };

    void stageDone(String stage, long count, String what, double seconds);
}

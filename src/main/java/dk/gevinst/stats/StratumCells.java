package dk.gevinst.stats;

/**
 * The four period cells of one stratum (one case type): pilot and control arm, before and after the start.
 * A design that has no baseline or no control leaves those cells empty.
 */
public record StratumCells(String stratum, Moments pilotPre, Moments pilotPost, Moments controlPre, Moments controlPost) {

    /** The cells of two strata added together: what pooling them into one stratum means. */
    public StratumCells plus(StratumCells other, String name) {
        return new StratumCells(name, pilotPre.plus(other.pilotPre), pilotPost.plus(other.pilotPost),
            controlPre.plus(other.controlPre), controlPost.plus(other.controlPost));
    }
}

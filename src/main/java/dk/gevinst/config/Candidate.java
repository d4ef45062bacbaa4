package dk.gevinst.config;

import java.util.List;

/**
 * One candidate system of a comparison: the units that try it, the vendor people know it by, and the
 * deployment options it is offered in, each with its bid costs. Each candidate is judged against the
 * comparison's shared control and baseline, as a pilot would be.
 */
public record Candidate(String id, String vendor, List<String> units, List<DeploymentOption> options) {

    /** A deployment form a candidate is offered in, with its one-off and yearly cost in DKK. */
    public record DeploymentOption(String name, double oneOffDkk, double yearlyDkk) {}

    public Candidate {
        units = List.copyOf(units);
        options = List.copyOf(options);
    }
}

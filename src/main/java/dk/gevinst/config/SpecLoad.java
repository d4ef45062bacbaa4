package dk.gevinst.config;

import java.util.List;

/** The specs of a folder: those that validated, and the files that did not, each with all its problems. */
public record SpecLoad(List<PilotSpec> valid, List<Failure> failures) {
    public record Failure(String pilotId, String file, List<Problem> problems) {}

    public SpecLoad {
        valid = List.copyOf(valid);
        failures = List.copyOf(failures);
    }
}

package dk.gevinst.config;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in one file, reported together. */
public class InvalidSpecException extends Exception {
    private final transient List<Problem> problems;
    private final String pilotId;

    public InvalidSpecException(List<Problem> problems) {
        this(problems, null);
    }

    /** @param pilotId the id the file declares, when it could be read; it lets the failure replace that pilot's decision */
    public InvalidSpecException(List<Problem> problems, String pilotId) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
        this.pilotId = pilotId;
    }

    public String pilotId() {
        return pilotId;
    }

    public List<Problem> problems() {
        return problems;
    }
}

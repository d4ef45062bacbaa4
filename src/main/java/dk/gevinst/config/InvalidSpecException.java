package dk.gevinst.config;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in one file, reported together. */
public class InvalidSpecException extends Exception {
    private final transient List<Problem> problems;

    public InvalidSpecException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}

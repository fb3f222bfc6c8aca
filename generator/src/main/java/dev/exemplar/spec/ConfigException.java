package dev.exemplar.spec;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in the user's configuration; the CLI prints them all and exits 2. */
public class ConfigException extends RuntimeException {
    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() { return problems; }
}

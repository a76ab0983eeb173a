package io.tasker.core.config;

import io.tasker.core.yaml.Problem;
import java.util.List;

/**
 * Configuration that cannot be used. Lists every problem found, each naming the key, where it was set (file and
 * line, or environment variable) and what was expected.
 */
public final class ConfigException extends RuntimeException {
    private final List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super("invalid configuration:\n" + Problem.describeAll(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}

package io.tasker.core.template;

import io.tasker.core.yaml.Problem;
import java.util.List;

/**
 * A task template that cannot be used. Lists every problem found, each naming the file, the line, the field
 * and what was expected: {@code <file>:<line>: <field>: <what is wrong>, expected <what>}.
 */
public final class TemplateException extends RuntimeException {
    private final List<Problem> problems;

    public TemplateException(List<Problem> problems) {
        super(Problem.describeAll(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a TemplateException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}

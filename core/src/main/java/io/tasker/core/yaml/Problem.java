package io.tasker.core.yaml;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One thing wrong with an input, located precisely enough to be fixed without searching. Formatted as
 * {@code <file>:<line>: <field>: <what is wrong>, expected <what>}; parts that are unknown are left out.
 *
 * @param field the path of the offending value, e.g. {@code step_templates[2].depends_on_steps[0]}; null for
 *     problems of the whole file such as malformed YAML
 * @param expected what would have been accepted; null when the problem says it already
 */
public record Problem(Position position, String field, String problem, String expected) {

    public String source() {
        return position.source();
    }

    public int line() {
        return position.line();
    }

    public int column() {
        return position.column();
    }

    /** The problem without its location: what is wrong and what was expected. */
    public String message() {
        return expected == null ? problem : problem + ", expected " + expected;
    }

    @Override
    public String toString() {
        String where = position.describe() + ": ";
        return field == null ? where + message() : where + field + ": " + message();
    }

    /** One problem per line, in the order they were found. */
    public static String describeAll(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }
}

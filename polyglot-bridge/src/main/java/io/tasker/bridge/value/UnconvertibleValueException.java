package io.tasker.bridge.value;

/**
 * A guest value that cannot become JSON-shaped Java data; the message names where inside the value the problem
 * is ({@code $.items[2].price}) and what was found there.
 */
public final class UnconvertibleValueException extends Exception {
    private final String path;
    private final String problem;

    UnconvertibleValueException(String problem) {
        this("", problem);
    }

    private UnconvertibleValueException(String path, String problem) {
        super("at $" + path + ": " + problem, null, false, false);
        this.path = path;
        this.problem = problem;
    }

    /** The same problem one level further out: each enclosing map or list adds its key or index. */
    UnconvertibleValueException inside(String segment) {
        return new UnconvertibleValueException(segment + path, problem);
    }

    public String path() {
        return "$" + path;
    }

    public String problem() {
        return problem;
    }
}

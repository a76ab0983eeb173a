package io.tasker.core.template;

/**
 * One way a task context does not match its template's schema.
 *
 * @param path JSON path of the offending value, e.g. {@code $.even_number} or {@code $.address.zip}
 * @param message what is wrong with it, e.g. {@code is missing but it is required}
 */
public record ContextViolation(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}

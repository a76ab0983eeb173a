package io.tasker.core.query;

import java.util.Map;

/**
 * The failure of a step in one line, from the fields the engine adds to a failed step's results
 * ({@code error_class}, {@code error}); the backtrace stays in the results.
 */
final class ErrorSummary {
    private ErrorSummary() {
    }

    /** {@code ErrorClass: message}, the message alone, or null when the results say nothing about a failure. */
    static String of(Object results) {
        if (!(results instanceof Map<?, ?> fields)) {
            return null;
        }
        Object error = fields.get("error");
        Object errorClass = fields.get("error_class");
        if (error == null && errorClass == null) {
            return null;
        }
        return errorClass == null ? String.valueOf(error) : errorClass + ": " + (error == null ? "" : error);
    }
}

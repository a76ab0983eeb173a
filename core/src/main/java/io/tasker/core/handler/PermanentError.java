package io.tasker.core.handler;

import java.util.Map;

/** A failure that no retry can fix: the step stays in {@code error} and the task ends in {@code error}. */
public class PermanentError extends Exception {
    private final String errorCode;
    private final Map<String, Object> context;

    public PermanentError(String message) {
        this(message, null, Map.of());
    }

    public PermanentError(String message, String errorCode, Map<String, Object> context) {
        super(message);
        this.errorCode = errorCode;
        this.context = context == null ? Map.of() : Map.copyOf(context);
    }

    public String errorCode() {
        return errorCode;
    }

    public Map<String, Object> context() {
        return context;
    }
}

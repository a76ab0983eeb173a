package io.tasker.core.handler;

import java.time.Duration;
import java.util.Map;

/** A failure worth another attempt, optionally after a delay the handler asks for (capped by {@code max_backoff_seconds}). */
public class RetryableError extends Exception {
    private final Duration retryAfter;
    private final Map<String, Object> context;

    public RetryableError(String message) {
        this(message, null, Map.of());
    }

    public RetryableError(String message, Duration retryAfter, Map<String, Object> context) {
        super(message);
        this.retryAfter = retryAfter;
        this.context = context == null ? Map.of() : Map.copyOf(context);
    }

    /** Null when the handler leaves the delay to the backoff policy. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public Map<String, Object> context() {
        return context;
    }
}

package io.tasker.core.handler;

import java.time.Duration;
import java.util.Map;

/**
 * A failed attempt as data: the error's class name (Java, Ruby or Python), message and backtrace,
 * whether another attempt may help, the delay the handler asked for, the handler's error code and
 * context, and the results the handler itself set on the step before it failed (null when it set none).
 * This is what the engine stores in the step's results and events.
 */
public record StepFailure(
        String errorClass,
        String message,
        String backtrace,
        boolean retryable,
        Duration retryAfter,
        String errorCode,
        Map<String, Object> context,
        boolean timedOut,
        Object handlerResults) {

    public StepFailure {
        context = context == null ? Map.of() : context;
        message = message == null ? "" : message;
        backtrace = backtrace == null ? "" : backtrace;
    }

    /** A failure whose handler left no results of its own on the step. */
    public StepFailure(String errorClass, String message, String backtrace, boolean retryable, Duration retryAfter,
                       String errorCode, Map<String, Object> context, boolean timedOut) {
        this(errorClass, message, backtrace, retryable, retryAfter, errorCode, context, timedOut, null);
    }

    public static StepFailure retryable(String errorClass, String message, String backtrace) {
        return new StepFailure(errorClass, message, backtrace, true, null, null, Map.of(), false);
    }

    /**
     * The same failure carrying the results the handler assigned to the step before failing (Tasker keeps them,
     * merged with the error fields, instead of the step's earlier results).
     */
    public StepFailure withHandlerResults(Object results) {
        return new StepFailure(errorClass, message, backtrace, retryable, retryAfter, errorCode, context, timedOut,
                results);
    }
}

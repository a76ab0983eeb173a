package io.tasker.core.handler;

import java.time.Duration;
import java.util.Map;

/**
 * A failed attempt as data: the error's class name (Java, Ruby or Python), message and backtrace,
 * whether another attempt may help, the delay the handler asked for, and the handler's error code
 * and context. This is what the engine stores in the step's results and events.
 */
public record StepFailure(
        String errorClass,
        String message,
        String backtrace,
        boolean retryable,
        Duration retryAfter,
        String errorCode,
        Map<String, Object> context,
        boolean timedOut) {

    public StepFailure {
        context = context == null ? Map.of() : context;
        message = message == null ? "" : message;
        backtrace = backtrace == null ? "" : backtrace;
    }

    public static StepFailure retryable(String errorClass, String message, String backtrace) {
        return new StepFailure(errorClass, message, backtrace, true, null, null, Map.of(), false);
    }
}

package io.tasker.core.engine;

import io.tasker.core.handler.HandlerFailureException;
import io.tasker.core.handler.PermanentError;
import io.tasker.core.handler.RetryableError;
import io.tasker.core.handler.StepFailure;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;

/** Turns what a handler threw into a {@link StepFailure}: failures are stored as data, by class name. */
final class FailureMapper {
    static final String TIMEOUT_CLASS = "Tasker::StepTimeoutError";
    private static final int MAX_BACKTRACE_LINES = 50;

    private FailureMapper() {
    }

    static StepFailure map(Throwable thrown) {
        return switch (thrown) {
            case HandlerFailureException e -> e.failure();
            case RetryableError e -> new StepFailure(e.getClass().getName(), e.getMessage(), backtrace(e), true,
                    e.retryAfter(), null, e.context(), false);
            case PermanentError e -> new StepFailure(e.getClass().getName(), e.getMessage(), backtrace(e), false,
                    null, e.errorCode(), e.context(), false);
            default -> StepFailure.retryable(thrown.getClass().getName(), String.valueOf(thrown.getMessage()),
                    backtrace(thrown));
        };
    }

    static StepFailure timeout(Duration limit) {
        return new StepFailure(TIMEOUT_CLASS, "step attempt exceeded its timeout of " + limit.toSeconds() + " s",
                "", true, null, null, Map.of("timeout_seconds", limit.toSeconds()), true);
    }

    static StepFailure unstorable(String stepName, RuntimeException e) {
        return new StepFailure(e.getClass().getName(), "step '" + stepName + "' returned results that cannot be stored: "
                + e.getMessage(), backtrace(e), false, null, "UNSTORABLE_RESULT", Map.of(), false);
    }

    static String backtrace(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        String[] lines = text.toString().split("\n");
        if (lines.length <= MAX_BACKTRACE_LINES) {
            return text.toString().stripTrailing();
        }
        return String.join("\n", java.util.Arrays.copyOf(lines, MAX_BACKTRACE_LINES)) + "\n\t... "
                + (lines.length - MAX_BACKTRACE_LINES) + " more";
    }
}

package io.tasker.bridge;

import io.tasker.bridge.guest.GuestSession;
import io.tasker.bridge.value.ResultConverter;
import io.tasker.bridge.value.UnconvertibleValueException;
import io.tasker.core.handler.PermanentError;
import io.tasker.core.handler.RetryableError;
import io.tasker.core.handler.StepFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what escaped a guest handler into a {@link StepFailure}, by the guest exception's class name and
 * attributes ({@code retry_after}, {@code error_code}, {@code context}), keeping its message and its backtrace.
 * A {@code PermanentError} (or subclass) is not retried; anything else is.
 */
final class GuestFailures {
    static final String TIMEOUT_CLASS = "Tasker::StepTimeoutError";
    /** The member of a Ruby exception holding the results its handler set before raising (see step_invoker.rb). */
    static final String STEP_RESULTS = "tasker_step_results";
    private static final Logger LOG = LoggerFactory.getLogger(GuestFailures.class);
    private static final int MAX_FRAMES = 50;
    private static final Pattern JAVA_CLASS_PREFIX = Pattern.compile("^([a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*: ");

    private GuestFailures() {
    }

    static StepFailure of(PolyglotException e, GuestSession session, ResultConverter converter) {
        if (e.isInterrupted() || e.isCancelled()) {
            return new StepFailure(TIMEOUT_CLASS, "the attempt was interrupted at its timeout", guestFrames(e), true,
                    null, null, Map.of(), true);
        }
        if (e.isHostException()) {
            return hostError(e.asHostException(), e);
        }
        if (e.isGuestException() && e.getGuestObject() != null && !e.isExit()) {
            try {
                return guestError(e.getGuestObject(), session, converter);
            } catch (RuntimeException unreadable) {
                // An exception object the guest cannot describe (e.g. a foreign one): keep what the runtime says.
                return runtimeError(e);
            }
        }
        return runtimeError(e);
    }

    static StepFailure unconvertible(String stepName, UnconvertibleValueException e) {
        return new StepFailure(UnconvertibleValueException.class.getName(), "step '" + stepName
                + "' returned results that cannot be stored " + e.getMessage(), "", false, null, "UNSTORABLE_RESULT",
                Map.of("path", e.path()), false);
    }

    private static StepFailure guestError(Value error, GuestSession session, ResultConverter converter) {
        if (TIMEOUT_CLASS.equals(session.errorClass(error))) {
            // Raised by the bridge in the Ruby thread of an attempt past its timeout (see RubyTimeouts).
            return new StepFailure(TIMEOUT_CLASS, session.message(error), session.backtrace(error), true, null, null,
                    Map.of(), true);
        }
        boolean permanent = session.isPermanent(error);
        String backtrace = session.backtrace(error);
        return new StepFailure(session.errorClass(error), session.message(error), backtrace, !permanent,
                permanent ? null : seconds(session.attribute(error, "retry_after")),
                text(session.attribute(error, "error_code")), context(session.attribute(error, "context"), converter),
                false, handlerResults(session.attribute(error, STEP_RESULTS), converter));
    }

    /**
     * The results the handler assigned to the step before raising (the Ruby shim hands them over as the exception's
     * {@code tasker_step_results}); null when it assigned none or they cannot be stored.
     */
    private static Object handlerResults(Value value, ResultConverter converter) {
        if (value == null) {
            return null;
        }
        try {
            return converter.toJava(value);
        } catch (UnconvertibleValueException e) {
            LOG.warn("a failed step's own results cannot be stored and are dropped {}", e.getMessage());
            return null;
        }
    }

    private static StepFailure hostError(Throwable host, PolyglotException e) {
        String backtrace = guestFrames(e);
        return switch (host) {
            case PermanentError p -> new StepFailure(p.getClass().getName(), p.getMessage(), backtrace, false, null,
                    p.errorCode(), p.context(), false);
            case RetryableError r -> new StepFailure(r.getClass().getName(), r.getMessage(), backtrace, true,
                    r.retryAfter(), null, r.context(), false);
            default -> StepFailure.retryable(host.getClass().getName(), String.valueOf(host.getMessage()), backtrace);
        };
    }

    /** Failures of the runtime itself (a sandbox refusal, an exit, an exhausted stack): the class from the message. */
    private static StepFailure runtimeError(PolyglotException e) {
        String message = String.valueOf(e.getMessage());
        var prefix = JAVA_CLASS_PREFIX.matcher(message);
        String errorClass = e.isExit() ? "SystemExit" : e.isResourceExhausted() ? "ResourceExhausted" : "PolyglotError";
        if (prefix.find()) {
            errorClass = message.substring(0, prefix.end() - 2);
            message = message.substring(prefix.end());
        }
        return StepFailure.retryable(errorClass, message, guestFrames(e));
    }

    private static Duration seconds(Value value) {
        if (value == null || !value.isNumber() || !value.fitsInDouble()) {
            return null;
        }
        double seconds = value.asDouble();
        return seconds >= 0 && Double.isFinite(seconds) ? Duration.ofMillis(Math.round(seconds * 1000)) : null;
    }

    private static String text(Value value) {
        if (value == null) {
            return null;
        }
        return value.isString() ? value.asString() : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> context(Value value, ResultConverter converter) {
        if (value == null) {
            return Map.of();
        }
        try {
            Object converted = converter.toJava(value);
            return converted instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of("value", converted);
        } catch (UnconvertibleValueException e) {
            return Map.of("unreadable", e.getMessage());
        }
    }

    private static String guestFrames(PolyglotException e) {
        List<String> frames = new ArrayList<>();
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            if (frame.isGuestFrame() && frames.size() < MAX_FRAMES) {
                frames.add(frame.toString());
            }
        }
        return String.join("\n", frames);
    }
}

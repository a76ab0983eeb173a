package io.tasker.core.engine;

import io.tasker.core.handler.StepFailure;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a failed attempt leaves in the step's results (TASKER-COMPAT.md §1.5): the results the handler set before
 * failing, or else whatever the step held, merged with {@code error}, {@code backtrace} and {@code error_class},
 * plus the failure's own data.
 */
final class FailureResults {
    private FailureResults() {
    }

    static Object merge(Object previous, StepFailure failure, int attempt) {
        // A handler that assigned step.results and then raised meant those results, not the earlier attempt's.
        Object kept = failure.handlerResults() != null ? failure.handlerResults() : previous;
        Map<String, Object> results = new LinkedHashMap<>();
        if (kept instanceof Map<?, ?> map) {
            map.forEach((k, v) -> results.put(String.valueOf(k), v));
        } else if (kept != null) {
            results.put("original_results", kept);
        }
        results.put("error", failure.message());
        results.put("error_class", failure.errorClass());
        results.put("backtrace", failure.backtrace());
        results.put("retryable", failure.retryable());
        results.put("attempt", attempt);
        if (failure.errorCode() != null) {
            results.put("error_code", failure.errorCode());
        }
        if (failure.retryAfter() != null) {
            results.put("retry_after", failure.retryAfter().toSeconds());
        }
        if (!failure.context().isEmpty()) {
            results.put("error_context", failure.context());
        }
        if (failure.timedOut()) {
            results.put("timed_out", true);
        }
        return Collections.unmodifiableMap(results);
    }

    static Map<String, Object> metadata(StepFailure failure, int attempt, Integer backoffSeconds, boolean willRetry) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("error_class", failure.errorClass());
        metadata.put("error_message", failure.message());
        metadata.put("attempt_number", attempt);
        metadata.put("will_retry", willRetry);
        if (willRetry && backoffSeconds != null) {
            metadata.put("backoff_seconds", backoffSeconds);
        }
        return metadata;
    }
}

package io.tasker.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.handler.StepFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureResultsTest {
    private static final Map<String, Object> PREVIOUS = Map.of("charged", "10.00", "attempted_by", "attempt 1");

    private static StepFailure declined() {
        return new StepFailure("Tasker::PermanentError", "card declined", "charge.rb:12", false, null, "CARD_DECLINED",
                Map.of("amount", "10.00"), false);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> results(Object merged) {
        return (Map<String, Object>) merged;
    }

    @Test
    void a_failure_keeps_the_steps_earlier_results_merged_with_the_error_fields() {
        Map<String, Object> results = results(FailureResults.merge(PREVIOUS, declined(), 2));

        assertThat(results).containsEntry("charged", "10.00").containsEntry("attempted_by", "attempt 1")
                .containsEntry("error", "card declined").containsEntry("error_class", "Tasker::PermanentError")
                .containsEntry("backtrace", "charge.rb:12").containsEntry("retryable", false).containsEntry("attempt", 2)
                .containsEntry("error_code", "CARD_DECLINED").containsEntry("error_context", Map.of("amount", "10.00"));
    }

    @Test
    void results_the_handler_set_before_failing_replace_the_earlier_results() {
        StepFailure failure = declined().withHandlerResults(Map.of("gateway_reply", "declined", "charged", "0.00"));

        Map<String, Object> results = results(FailureResults.merge(PREVIOUS, failure, 2));

        assertThat(results).containsEntry("gateway_reply", "declined").containsEntry("charged", "0.00")
                .doesNotContainKey("attempted_by").containsEntry("error", "card declined").containsEntry("attempt", 2);
    }

    @Test
    void handler_results_that_are_not_an_object_are_kept_as_original_results() {
        StepFailure failure = declined().withHandlerResults(List.of(1L, 2L));

        Map<String, Object> results = results(FailureResults.merge(PREVIOUS, failure, 1));

        assertThat(results).containsEntry("original_results", List.of(1L, 2L)).doesNotContainKey("charged");
    }

    @Test
    void the_error_fields_win_over_handler_results_of_the_same_name() {
        StepFailure failure = StepFailure.retryable("Timeout::Error", "too slow", "")
                .withHandlerResults(Map.of("error", "the handler's own", "progress", 3L));

        Map<String, Object> results = results(FailureResults.merge(null, failure, 1));

        assertThat(results).containsEntry("error", "too slow").containsEntry("progress", 3L)
                .containsEntry("retryable", true).doesNotContainKeys("error_code", "retry_after", "timed_out");
    }

    @Test
    void a_retry_after_is_stored_in_seconds() {
        StepFailure failure = new StepFailure("Tasker::RetryableError", "busy", "", true, Duration.ofSeconds(5), null,
                Map.of(), false);

        assertThat(results(FailureResults.merge(null, failure, 1))).containsEntry("retry_after", 5L);
    }
}

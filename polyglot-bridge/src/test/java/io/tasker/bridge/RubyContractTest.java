package io.tasker.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tasker.core.handler.HandlerResolutionException;
import io.tasker.core.handler.StepFailure;
import io.tasker.core.handler.StepView;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java side of the contract with the Ruby shim, run against a minimal shim that implements only the
 * contract: {@code configure}, {@code handler_for}, {@code call}, the three views and the error mapping.
 */
class RubyContractTest {
    private static GuestHandlers ruby;

    @BeforeAll
    static void startRuby() {
        ruby = GuestHandlers.ruby();
    }

    @AfterAll
    static void stopRuby() {
        ruby.close();
    }

    @Test
    void a_handler_reads_every_member_of_task_step_and_sequence() throws Exception {
        Map<String, Object> context = Map.of("order_id", 7L, "items", List.of(Map.of("name", "book", "price", 12L)));
        StepView first = TestViews.completed("first", Map.of("total", 12L));
        StepView second = TestViews.step("second", context, Map.of(), List.of("first"), Map.of("rate", 3L));

        Object results = ruby.handler("RubyHandlers::Views", Map.of("rate", 3L))
                .process(TestViews.task(context), new TestViews.Sequence(List.of(first, second)), second);

        Map<String, Object> expected = new HashMap<>();
        expected.putAll(Map.of("task_id", 41L, "task_name", "order", "namespace", "shop", "version", "1.0.0",
                "order_id", 7L, "order_id_by_symbol", 7L, "item_names", List.of("book"), "initiator", "tests",
                "source_system", "junit", "reason", "testing"));
        expected.putAll(Map.of("tags", List.of("fast", "test"), "requested_at", "2026-03-01T10:00:00Z",
                "status", "in_progress", "step_name", "second", "step_id", second.workflowStepId(), "step_task_id", 41L,
                "attempts", 1L, "retry_limit", 3L, "retryable", true, "step_status", "in_progress"));
        expected.putAll(Map.of("inputs_order", 7L, "parent_names", List.of("first"), "parent_result", 12L,
                "step_count", 2L, "config_rate", 3L, "handle_rate", 3L, "roots", 1L));
        expected.put("missing_step", null);
        expected.put("environment", "development");
        assertThat(results).isEqualTo(expected);
    }

    @Test
    void a_retryable_error_keeps_its_ruby_class_name_retry_after_and_context() throws Exception {
        StepFailure failure = ruby.failure("RubyHandlers::Failures", Map.of("kind", "retryable"));

        assertThat(failure.errorClass()).isEqualTo("Tasker::RetryableError");
        assertThat(failure.message()).isEqualTo("rate limited");
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(failure.context()).isEqualTo(Map.of("attempt", 1L));
        assertThat(failure.backtrace()).contains("ruby_handlers/failures.rb:14:in `process'");
    }

    @Test
    void the_two_argument_raise_form_keeps_its_message() throws Exception {
        StepFailure failure = ruby.failure("RubyHandlers::Failures", Map.of("kind", "two_argument_raise"));

        assertThat(failure.errorClass()).isEqualTo("Tasker::RetryableError");
        assertThat(failure.message()).isEqualTo("plain message");
        assertThat(failure.retryAfter()).isNull();
    }

    @Test
    void a_permanent_error_and_its_subclasses_are_not_retried() throws Exception {
        StepFailure permanent = ruby.failure("RubyHandlers::Failures", Map.of("kind", "permanent"));
        StepFailure subclass = ruby.failure("RubyHandlers::Failures", Map.of("kind", "permanent_subclass"));

        assertThat(permanent.retryable()).isFalse();
        assertThat(permanent.errorCode()).isEqualTo("DECLINED");
        assertThat(permanent.context()).isEqualTo(Map.of("card", "visa"));
        assertThat(subclass.errorClass()).isEqualTo("RubyHandlers::CardDeclined");
        assertThat(subclass.retryable()).isFalse();
        assertThat(subclass.errorCode()).isEqualTo("DECLINED_AGAIN");
    }

    @Test
    void any_other_exception_is_retryable_with_its_class_message_and_backtrace() throws Exception {
        StepFailure failure = ruby.failure("RubyHandlers::Failures", Map.of("kind", "other"));

        assertThat(failure.errorClass()).isEqualTo("IndexError");
        assertThat(failure.message()).isEqualTo("index 3 out of bounds");
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.backtrace()).contains("in `fetch_missing'", "in `process'");
    }

    @Test
    void a_missing_class_fails_when_the_template_is_registered() {
        assertThatThrownBy(() -> ruby.handler("RubyHandlers::NoSuchHandler", null))
                .isInstanceOf(HandlerResolutionException.class)
                .hasMessageContaining("step 'a_step' of task 'order'")
                .hasMessageContaining("RubyHandlers::NoSuchHandler");
    }

    @Test
    void handlers_are_built_once_per_context_not_per_attempt() throws Exception {
        var handler = ruby.handler("RubyHandlers::Returns", Map.of("kind", "no_op"));
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(GuestHandlers.run(handler)).isEqualTo(Map.of());
        }
        assertThat(ruby.statistics().created()).isEqualTo(1);
    }

    @Test
    void ruby_code_cannot_look_up_host_classes() throws Exception {
        StepFailure failure = ruby.failure("RubyHandlers::Returns", Map.of("kind", "java_system"));

        assertThat(failure.message()).contains("java.lang.System");
        assertThat(failure.errorClass()).isNotEqualTo(GuestFailures.TIMEOUT_CLASS);
    }
}

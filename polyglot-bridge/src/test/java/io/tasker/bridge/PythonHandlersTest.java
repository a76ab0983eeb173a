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

/** Python handlers through the real GraalPy: what they see, what they return, and how their errors are kept. */
class PythonHandlersTest {
    private static GuestHandlers python;

    @BeforeAll
    static void startPython() {
        python = GuestHandlers.python();
    }

    @AfterAll
    static void stopPython() {
        python.close();
    }

    @Test
    void a_handler_reads_task_step_and_sequence_through_pythonic_attributes() throws Exception {
        Map<String, Object> context = Map.of("order_id", 7L,
                "items", List.of(Map.of("name", "book", "price", 12L), Map.of("name", "pen", "price", 3L)));
        StepView first = TestViews.completed("first", Map.of("total", 15L));
        StepView second = TestViews.step("second", context, Map.of(), List.of("first"), Map.of("rate", 3L));

        Object results = python.handler("shop.views.EchoViews", Map.of("rate", 3L))
                .process(TestViews.task(context), new TestViews.Sequence(List.of(first, second)), second);

        Map<String, Object> expected = new HashMap<>();
        expected.putAll(Map.of("task_id", 41L, "task_name", "order", "namespace", "shop", "version", "1.0.0",
                "order_id", 7L, "context_keys", List.of("items", "order_id"), "item_names", List.of("book", "pen"),
                "initiator", "tests", "tags", List.of("fast", "test"), "requested_at", "2026-03-01T10:00:00Z"));
        expected.putAll(Map.of("step_name", "second", "step_id", second.workflowStepId(), "attempts", 1L,
                "retry_limit", 3L, "retryable", true, "inputs_order", 7L, "parent_names", List.of("first"),
                "parent_result", 15L, "step_count", 2L, "config", Map.of("rate", 3L)));
        expected.put("missing_step", null);
        expected.put("handle_config", 3L);
        assertThat(results).isEqualTo(expected);
    }

    @Test
    void process_results_receives_the_output_and_the_results_before_the_attempt() throws Exception {
        assertThat(python.run("shop.views.WithProcessResults", null)).isEqualTo(Map.of("doubled", 42L, "initial", Map.of()));
    }

    @Test
    void any_class_with_a_process_method_is_a_handler() throws Exception {
        assertThat(python.run("shop.views.DuckTyped", null)).isEqualTo("quack");
    }

    @Test
    void views_are_read_only() throws Exception {
        StepFailure failure = python.failure("shop.views.WritesToView", null);

        assertThat(failure.message()).contains("order_id", "not writable");
        assertThat(failure.backtrace()).contains("shop/views.py");
    }

    @Test
    void a_retryable_error_keeps_its_class_message_retry_after_and_context() throws Exception {
        StepFailure failure = python.failure("shop.failures.RateLimited", null);

        assertThat(failure.errorClass()).isEqualTo("tasker.RetryableError");
        assertThat(failure.message()).isEqualTo("rate limited");
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(failure.context()).isEqualTo(Map.of("attempt", 1L));
        assertThat(failure.backtrace()).contains("Traceback", "shop/failures.py", "in process");
    }

    @Test
    void a_permanent_error_is_not_retried_and_keeps_its_error_code() throws Exception {
        StepFailure failure = python.failure("shop.failures.Declined", null);

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.errorCode()).isEqualTo("DECLINED");
        assertThat(failure.context()).isEqualTo(Map.of("card", "visa"));
        assertThat(failure.retryAfter()).isNull();
    }

    @Test
    void a_subclass_of_permanent_error_is_permanent_too() throws Exception {
        StepFailure failure = python.failure("shop.failures.DeclinedBySubclass", null);

        assertThat(failure.errorClass()).isEqualTo("shop.failures.CardDeclined");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.errorCode()).isEqualTo("DECLINED_AGAIN");
    }

    @Test
    void any_other_exception_is_retryable_and_keeps_its_backtrace() throws Exception {
        StepFailure failure = python.failure("shop.failures.LooksUpMissingKey", null);

        assertThat(failure.errorClass()).isEqualTo("KeyError");
        assertThat(failure.message()).isEqualTo("'missing'");
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.errorCode()).isNull();
        assertThat(failure.backtrace()).contains("in _lookup", "shop/failures.py");
    }

    @Test
    void a_missing_class_fails_when_the_template_is_registered() {
        assertThatThrownBy(() -> python.handler("shop.views.NoSuchHandler", null))
                .isInstanceOf(HandlerResolutionException.class)
                .hasMessageContaining("step 'a_step' of task 'order'")
                .hasMessageContaining("has no class 'NoSuchHandler'");
        assertThatThrownBy(() -> python.handler("no_such_package.handlers.Handler", null))
                .isInstanceOf(HandlerResolutionException.class)
                .hasMessageContaining("No module named 'no_such_package'");
    }
}

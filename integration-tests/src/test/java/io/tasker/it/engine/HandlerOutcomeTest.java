package io.tasker.it.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tasker.core.engine.TaskResult;
import io.tasker.core.handler.HandlerResolutionException;
import io.tasker.core.template.TaskTemplate;
import io.tasker.it.engine.handlers.BlockUntilInterrupted;
import io.tasker.it.engine.handlers.Returns;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TaskerDatabaseExtension.class)
class HandlerOutcomeTest {

    private static String returning(String kind) {
        return """
                name: returning_%s
                version: 1.0.0
                task_handler_class: Returning
                step_templates:
                  - name: produce
                    handler_class: %s
                    handler_config: {kind: "%s"}
                """.formatted(kind, Returns.class.getName(), kind);
    }

    private static TaskResult runReturning(TestDatabase db, String kind) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate template = fx.register(returning(kind));
            return fx.run(fx.create(template, Map.of()));
        }
    }

    @Test
    void stores_a_null_result_as_json_null(TestDatabase db) {
        TaskResult result = runReturning(db, "null");
        assertThat(result.status()).isEqualTo("complete");
        assertThat(result.step("produce").results()).isNull();
    }

    @Test
    void stores_a_list_result(TestDatabase db) {
        TaskResult result = runReturning(db, "list");
        assertThat(result.step("produce").results()).isEqualTo(List.of(1L, "two", 3.5, true));
    }

    @Test
    void fails_the_step_permanently_when_its_result_holds_an_object_json_cannot_store(TestDatabase db) {
        TaskResult result = runReturning(db, "object");
        assertThat(result.status()).isEqualTo("error");
        assertThat(result.step("produce").attempts()).isEqualTo(1);
        assertThat(result.step("produce").error())
                .contains("step 'produce' returned results that cannot be stored")
                .contains("a value of type java.lang.Thread").contains("at $.thread");
    }

    @Test
    void refuses_nan_and_cyclic_results_with_their_path(TestDatabase db) {
        assertThat(runReturning(db, "nan").step("produce").error()).contains("NaN").contains("$.ratio");
        assertThat(runReturning(db, "cycle").step("produce").error()).contains("cyclic").contains("$.self");
    }

    @Test
    void interrupts_a_runaway_handler_after_its_timeout_and_fails_the_attempt_as_retryable(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate template = fx.register("""
                    name: runaway
                    version: 1.0.0
                    task_handler_class: Runaway
                    step_templates:
                      - name: spin
                        handler_class: %s
                        timeout_seconds: 1
                        default_retry_limit: 1
                    """.formatted(BlockUntilInterrupted.class.getName()));
            TaskResult result = fx.run(fx.create(template, Map.of()));
            assertThat(result.status()).isEqualTo("error");
            Map<?, ?> results = (Map<?, ?>) result.step("spin").results();
            assertThat(results.get("error_class")).isEqualTo("Tasker::StepTimeoutError");
            assertThat(results.get("timed_out")).isEqualTo(true);
            assertThat(results.get("retryable")).isEqualTo(true);
        }
    }

    @Test
    void refuses_to_register_a_template_whose_handler_class_does_not_exist(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate template = fx.loader.parse("""
                    name: missing
                    version: 1.0.0
                    task_handler_class: Missing
                    step_templates:
                      - name: ghost
                        handler_class: com.example.DoesNotExist
                    """, "missing.yaml");
            assertThatThrownBy(() -> fx.engine.register(template))
                    .isInstanceOf(HandlerResolutionException.class)
                    .hasMessageContaining("step 'ghost' of task 'missing'")
                    .hasMessageContaining("com.example.DoesNotExist was not found");
        }
    }
}

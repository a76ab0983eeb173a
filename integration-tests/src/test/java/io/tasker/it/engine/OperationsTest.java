package io.tasker.it.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tasker.core.engine.Actor;
import io.tasker.core.engine.TaskNotFoundException;
import io.tasker.core.engine.TaskResult;
import io.tasker.core.model.IllegalTransitionException;
import io.tasker.core.template.TaskTemplate;
import io.tasker.it.engine.handlers.FailPermanently;
import io.tasker.it.engine.handlers.FailFirstTime;
import io.tasker.it.engine.handlers.Noop;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TaskerDatabaseExtension.class)
class OperationsTest {
    private static final Actor OPERATOR = new Actor("alice", "customer called");

    private static String template(String firstHandler, String config, int limit) {
        return """
                name: operated
                version: 1.0.0
                task_handler_class: Operated
                step_templates:
                  - name: charge
                    handler_class: %s
                    handler_config: %s
                    default_retry_limit: %d
                  - name: ship
                    handler_class: %s
                    depends_on_step: charge
                """.formatted(firstHandler, config, limit, Noop.class.getName());
    }

    @Test
    void cancels_a_pending_task_and_its_steps_with_the_actor_in_the_metadata(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate template = fx.register(template(Noop.class.getName(), "{}", 3));
            long taskId = fx.create(template, Map.of());
            TaskResult result = fx.engine.cancel(taskId, OPERATOR);
            assertThat(result.status()).isEqualTo("cancelled");
            assertThat(result.steps()).allSatisfy(s -> assertThat(s.status()).isEqualTo("cancelled"));
            assertThat(fx.strings("SELECT metadata->>'actor' || '/' || (metadata->>'reason') FROM tasker_task_transitions"
                    + " WHERE task_id = ? AND most_recent", taskId)).containsExactly("alice/customer called");
            assertThat(fx.run(taskId).status()).isEqualTo("cancelled");
            assertThat(fx.stepTransitions(taskId, "charge")).containsExactly("->pending", "pending>cancelled");
        }
    }

    @Test
    void retries_a_task_in_error_with_new_attempts_for_its_exhausted_steps(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate template = fx.register(template(FailFirstTime.class.getName(), "{}", 1));
            long taskId = fx.create(template, Map.of());
            assertThat(fx.run(taskId).status()).isEqualTo("error");

            TaskResult retried = fx.engine.retry(taskId, OPERATOR);
            assertThat(retried.status()).isEqualTo("pending");
            assertThat(retried.step("charge").status()).isEqualTo("pending");
            assertThat(retried.step("charge").attempts()).isZero();

            TaskResult done = fx.run(taskId);
            assertThat(done.status()).isEqualTo("complete");
            assertThat(fx.taskTransitions(taskId)).containsExactly("->pending", "pending>in_progress",
                    "in_progress>error", "error>pending", "pending>in_progress", "in_progress>complete");
        }
    }

    @Test
    void refuses_to_retry_a_task_that_is_not_in_error(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate template = fx.register(template(Noop.class.getName(), "{}", 3));
            long taskId = fx.create(template, Map.of());
            assertThat(fx.run(taskId).status()).isEqualTo("complete");
            assertThatThrownBy(() -> fx.engine.retry(taskId, OPERATOR))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessage("illegal task transition from 'complete' to 'pending'");
        }
    }

    @Test
    void resolving_a_failed_step_manually_lets_its_children_run(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate template = fx.register(template(FailPermanently.class.getName(), "{}", 3));
            long taskId = fx.create(template, Map.of());
            assertThat(fx.run(taskId).status()).isEqualTo("error");

            TaskResult resolved = fx.engine.resolveStep(taskId, "charge", Map.of("charged_by", "phone"), OPERATOR);
            assertThat(resolved.step("charge").status()).isEqualTo("resolved_manually");
            assertThat(resolved.step("charge").results()).isEqualTo(Map.of("charged_by", "phone"));
            assertThat(resolved.status()).isEqualTo("pending");

            TaskResult done = fx.run(taskId);
            assertThat(done.status()).isEqualTo("complete");
            assertThat(done.step("ship").status()).isEqualTo("complete");
            assertThat(fx.stepTransitions(taskId, "charge")).endsWith("in_progress>error", "error>resolved_manually");
        }
    }

    @Test
    void resetting_a_steps_attempts_makes_an_exhausted_step_runnable_again(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate template = fx.register(template(FailFirstTime.class.getName(), "{}", 1));
            long taskId = fx.create(template, Map.of());
            assertThat(fx.run(taskId).status()).isEqualTo("error");

            TaskResult reset = fx.engine.resetStep(taskId, "charge", OPERATOR);
            assertThat(reset.step("charge").attempts()).isZero();
            assertThat(reset.status()).isEqualTo("pending");
            assertThat(reset.step("charge").status()).isEqualTo("pending");
            assertThat(fx.strings("""
                    SELECT t.metadata->>'actor' FROM tasker_workflow_step_transitions t
                      JOIN tasker_workflow_steps ws ON ws.workflow_step_id = t.workflow_step_id
                     WHERE ws.task_id = ? AND t.from_state = 'error' AND t.to_state = 'pending'""", taskId))
                    .as("the reset is audited as a transition of the step").containsExactly(OPERATOR.who());
            fx.clock.advance(java.time.Duration.ofSeconds(5));
            assertThat(fx.run(taskId).status()).isEqualTo("complete");
        }
    }

    @Test
    void names_a_missing_task_or_step(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate template = fx.register(template(Noop.class.getName(), "{}", 3));
            long taskId = fx.create(template, Map.of());
            assertThatThrownBy(() -> fx.engine.cancel(999_999, OPERATOR))
                    .isInstanceOf(TaskNotFoundException.class).hasMessage("no task with id 999999");
            assertThatThrownBy(() -> fx.engine.resetStep(taskId, "nope", OPERATOR))
                    .isInstanceOf(TaskNotFoundException.class).hasMessage("task " + taskId + " has no step 'nope'");
        }
    }
}

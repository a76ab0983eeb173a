package io.tasker.it.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.engine.TaskResult;
import io.tasker.core.template.TaskTemplate;
import io.tasker.it.engine.handlers.AskRetryAfter;
import io.tasker.it.engine.handlers.FailPermanently;
import io.tasker.it.engine.handlers.FailTimes;
import io.tasker.it.engine.handlers.Noop;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TaskerDatabaseExtension.class)
class RetryTest {

    private static String template(String handler, String config, int retryLimit) {
        return """
                name: retrying
                namespace_name: retries
                version: 1.0.0
                task_handler_class: Retrying
                step_templates:
                  - name: flaky
                    handler_class: %s
                    default_retry_limit: %d
                    handler_config: %s
                  - name: after
                    handler_class: %s
                    depends_on_step: flaky
                """.formatted(handler, retryLimit, config, Noop.class.getName());
    }

    @Test
    void retries_a_failing_step_after_its_backoff_and_completes(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate template = fx.register(template(FailTimes.class.getName(), "{fail_times: 2}", 3));
            long taskId = fx.create(template, Map.of());

            TaskResult first = fx.run(taskId);
            assertThat(first.status()).isEqualTo("pending");
            assertThat(first.isWaiting()).isTrue();
            assertThat(first.step("flaky").status()).isEqualTo("error");
            assertThat(first.step("flaky").attempts()).isEqualTo(1);
            assertThat(first.step("flaky").error()).contains("planned failure 1 of 2");
            // Tasker's windows: backoff table entry 1 s, failure window 2^1 s: the later one wins.
            assertThat(first.nextRunAt()).isEqualTo(EngineFixture.START.plusSeconds(2));

            TaskResult tooEarly = fx.run(taskId);
            assertThat(tooEarly.step("flaky").attempts()).isEqualTo(1);
            assertThat(tooEarly.isWaiting()).isTrue();

            fx.clock.advance(Duration.ofSeconds(2));
            TaskResult second = fx.run(taskId);
            assertThat(second.step("flaky").attempts()).isEqualTo(2);
            assertThat(second.nextRunAt()).isEqualTo(EngineFixture.START.plusSeconds(2 + 4));

            fx.clock.advance(Duration.ofSeconds(4));
            TaskResult done = fx.run(taskId);
            assertThat(done.status()).isEqualTo("complete");
            assertThat(done.step("flaky").attempts()).isEqualTo(3);
            assertThat(done.step("flaky").results()).isEqualTo(Map.of("succeeded_on_attempt", 3L));
            assertThat(done.step("after").status()).isEqualTo("complete");
            assertThat(fx.stepTransitions(taskId, "flaky")).containsExactly("->pending", "pending>in_progress",
                    "in_progress>error", "error>pending", "pending>in_progress", "in_progress>error", "error>pending",
                    "pending>in_progress", "in_progress>complete");
            assertThat(fx.taskTransitions(taskId)).containsExactly("->pending", "pending>in_progress",
                    "in_progress>pending", "pending>in_progress", "in_progress>pending", "pending>in_progress",
                    "in_progress>complete");
        }
    }

    @Test
    void stops_after_the_retry_limit_and_fails_the_task(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate template = fx.register(template(FailTimes.class.getName(), "{fail_times: 9}", 2));
            long taskId = fx.create(template, Map.of());
            assertThat(fx.run(taskId).isWaiting()).isTrue();
            fx.clock.advance(Duration.ofMinutes(1));
            TaskResult result = fx.run(taskId);
            assertThat(result.status()).isEqualTo("error");
            assertThat(result.step("flaky").attempts()).isEqualTo(2);
            assertThat(result.step("after").status()).isEqualTo("pending");
            assertThat(result.step("after").attempts()).isZero();
            assertThat(fx.strings("SELECT metadata->>'error_message' FROM tasker_task_transitions"
                    + " WHERE task_id = ? AND most_recent", taskId)).containsExactly("steps_in_error_state");
        }
    }

    @Test
    void a_permanent_error_stops_retries_at_once(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate template = fx.register(template(FailPermanently.class.getName(), "{}", 5));
            long taskId = fx.create(template, Map.of());
            TaskResult result = fx.run(taskId);
            assertThat(result.status()).isEqualTo("error");
            assertThat(result.step("flaky").attempts()).isEqualTo(1);
            Map<?, ?> results = (Map<?, ?>) result.step("flaky").results();
            assertThat(results.get("error")).isEqualTo("card declined");
            assertThat(results.get("error_class")).isEqualTo("io.tasker.core.handler.PermanentError");
            assertThat(results.get("error_code")).isEqualTo("CARD_DECLINED");
            assertThat(results.get("error_context")).isEqualTo(Map.of("card", "4242"));
            assertThat((String) results.get("backtrace")).contains("FailPermanently.process");
            assertThat(fx.strings("SELECT retryable::text FROM tasker_workflow_steps WHERE task_id = ?"
                    + " ORDER BY workflow_step_id LIMIT 1", taskId)).containsExactly("false");
        }
    }

    @Test
    void honours_a_handlers_retry_after(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate template = fx.register(template(AskRetryAfter.class.getName(), "{retry_after: 90}", 3));
            long taskId = fx.create(template, Map.of());
            TaskResult first = fx.run(taskId);
            assertThat(first.nextRunAt()).isEqualTo(EngineFixture.START.plusSeconds(90));
            assertThat(fx.strings("SELECT backoff_request_seconds::text FROM tasker_workflow_steps"
                    + " WHERE task_id = ? ORDER BY workflow_step_id LIMIT 1", taskId)).containsExactly("90");
            fx.clock.advance(Duration.ofSeconds(89));
            assertThat(fx.run(taskId).step("flaky").attempts()).isEqualTo(1);
            fx.clock.advance(Duration.ofSeconds(1));
            assertThat(fx.run(taskId).status()).isEqualTo("complete");
        }
    }
}

package io.tasker.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.engine.TaskResult;
import io.tasker.core.template.TaskTemplate;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A timeout in Ruby's one context stops only its own attempt: a runaway step ({@code loop {}}) fails as a retryable
 * timeout while two busy steps, allowed to run in the same context at the same time, complete untouched.
 *
 * <p>Runs in a JVM of its own (see the module's pom): C extensions work in the first Ruby context of a JVM only, and
 * every engine builds its Ruby context; so each of these classes has one test.
 */
@ExtendWith(TaskerDatabaseExtension.class)
class RubySharedContextTimeoutTest {
    @Test
    void a_runaway_step_times_out_alone_while_the_other_steps_in_the_context_run_on(TestDatabase db) throws Exception {
        // Handlers that share no Hash or Array across threads may run at once when configured to.
        try (BridgeEngine bridge = BridgeEngine.withRubyThreads(db, 4, 4)) {
            TaskTemplate loops = bridge.register("""
                    name: loops
                    namespace_name: tests
                    version: 1.0.0
                    step_templates:
                      - name: spin
                        handler_language: ruby
                        handler_class: RubyHandlers::Forever
                        timeout_seconds: 1
                    """);
            TaskTemplate busy = bridge.register("""
                    name: busy
                    namespace_name: tests
                    version: 1.0.0
                    default_handler_language: ruby
                    step_templates:
                      - name: first
                        handler_class: RubyHandlers::Busy
                        handler_config: {seconds: 4}
                      - name: second
                        handler_class: RubyHandlers::Busy
                        handler_config: {seconds: 4}
                    """);
            long busyTask = bridge.create(busy, Map.of());
            long loopTask = bridge.create(loops, Map.of());

            CompletableFuture<TaskResult> busyRun = bridge.engine.run(busyTask);
            TaskResult timedOut = bridge.run(loopTask);
            TaskResult busyDone = busyRun.get(60, TimeUnit.SECONDS);

            Map<?, ?> failure = (Map<?, ?>) timedOut.step("spin").results();
            assertThat(failure.get("error_class")).isEqualTo("Tasker::StepTimeoutError");
            assertThat(failure.get("timed_out")).isEqualTo(true);
            assertThat(busyDone.status()).isEqualTo("complete");
            assertThat(busyDone.steps()).allSatisfy(step ->
                    assertThat(step.results()).isEqualTo(Map.of("task_id", busyTask, "busy", true)));
            TaskResult retried = bridge.runToEnd(loopTask);
            assertThat(retried.step("spin").results()).isEqualTo(Map.of("finished_on_attempt", 2L));
            assertThat(bridge.ruby.statistics().created()).isEqualTo(1);
        }
    }
}

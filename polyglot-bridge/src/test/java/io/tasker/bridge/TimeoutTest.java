package io.tasker.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.engine.TaskResult;
import io.tasker.core.template.TaskTemplate;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A handler stuck in an infinite loop is interrupted at the step's timeout (Python: its context is interrupted;
 * Ruby: the timeout is raised in its thread of the one context): that attempt fails as a retryable timeout, and the
 * same context runs the retry, which completes.
 */
@ExtendWith(TaskerDatabaseExtension.class)
class TimeoutTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"python, shop.views.Forever", "ruby, RubyHandlers::Forever"})
    void an_infinite_loop_is_interrupted_at_the_timeout_and_its_context_runs_the_retry(String language,
            String handlerClass, TestDatabase db) throws Exception {
        try (BridgeEngine bridge = new BridgeEngine(db, 1)) {
            TaskTemplate template = bridge.register("""
                    name: loops_%s
                    namespace_name: tests
                    version: 1.0.0
                    step_templates:
                      - name: spin
                        handler_language: %s
                        handler_class: %s
                        timeout_seconds: 1
                    """.formatted(language, language, handlerClass));
            long taskId = bridge.create(template, Map.of());

            TaskResult first = bridge.run(taskId);
            Map<?, ?> timedOut = (Map<?, ?>) first.step("spin").results();
            assertThat(first.isWaiting()).isTrue();
            assertThat(timedOut.get("error_class")).isEqualTo("Tasker::StepTimeoutError");
            assertThat(timedOut.get("timed_out")).isEqualTo(true);
            assertThat(timedOut.get("retryable")).isEqualTo(true);

            TaskResult done = bridge.runToEnd(taskId);
            assertThat(done.status()).isEqualTo("complete");
            assertThat(done.step("spin").results()).isEqualTo(Map.of("finished_on_attempt", 2L));
            PolyglotStepHandlerFactory factory = language.equals("ruby") ? bridge.ruby : bridge.python;
            assertThat(factory.statistics().created()).isEqualTo(1);
        }
    }
}

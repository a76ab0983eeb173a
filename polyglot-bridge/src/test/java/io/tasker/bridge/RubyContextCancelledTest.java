package io.tasker.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.engine.TaskResult;
import io.tasker.core.template.TaskTemplate;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Ruby handler that rescues its timeout and loops on gets the one Ruby context cancelled after the grace. No second
 * context is opened (TruffleRuby's C extensions would fail in it): every later Ruby step fails, retryable, saying
 * that Ruby needs a restart. Runs in a JVM of its own (see the module's pom): it leaves that JVM without Ruby.
 */
@ExtendWith(TaskerDatabaseExtension.class)
class RubyContextCancelledTest {

    @Test
    void guest_code_ignoring_its_timeout_ends_ruby_for_the_process(TestDatabase db) throws Exception {
        try (BridgeEngine bridge = new BridgeEngine(db, 2)) {
            TaskTemplate template = bridge.register("""
                    name: stubborn
                    namespace_name: tests
                    version: 1.0.0
                    default_handler_language: ruby
                    step_templates:
                      - name: ignore_timeout
                        handler_class: RubyHandlers::Stubborn
                        timeout_seconds: 1
                      - name: after
                        depends_on_step: ignore_timeout
                        handler_class: RubyHandlers::Busy
                        handler_config: {seconds: 0}
                    """);
            long stubborn = bridge.create(template, Map.of());

            TaskResult timedOut = bridge.run(stubborn);
            Map<?, ?> failure = (Map<?, ?>) timedOut.step("ignore_timeout").results();
            assertThat(failure.get("error_class")).isEqualTo("Tasker::StepTimeoutError");
            awaitCancelled(bridge);

            bridge.clock.set(timedOut.nextRunAt());
            TaskResult retried = bridge.run(stubborn);
            Map<?, ?> unavailable = (Map<?, ?>) retried.step("ignore_timeout").results();
            assertThat(unavailable.get("error_class")).isEqualTo(SharedContext.UNAVAILABLE_CLASS);
            assertThat(unavailable.get("error").toString())
                    .contains("Ruby handlers cannot run in this process any more")
                    .contains("step 'ignore_timeout' ignored its timeout")
                    .contains("restart the process");
            assertThat(unavailable.get("retryable")).isEqualTo(true);
            assertThat(bridge.ruby.statistics()).isEqualTo(new PoolStatistics(1, 0, 1));
        }
    }

    private static void awaitCancelled(BridgeEngine bridge) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (bridge.ruby.statistics().open() == 1 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}

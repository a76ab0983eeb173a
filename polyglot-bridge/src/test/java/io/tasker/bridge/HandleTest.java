package io.tasker.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tasker.core.engine.TaskResult;
import io.tasker.core.engine.TaskerEngine;
import io.tasker.core.events.TaskerEvent;
import io.tasker.core.template.TaskTemplate;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * Guest code reaches the engine through the handle: it creates a task and gets its id, reads task statuses,
 * publishes a custom event on its task, logs with its task's id, and reads its step's handler_config.
 */
@ExtendWith(TaskerDatabaseExtension.class)
class HandleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"python, shop.handle_user.CreateFollowUp", "ruby, RubyHandlers::FollowUp"})
    void a_handler_creates_a_task_reads_statuses_publishes_an_event_and_logs(String language, String handlerClass,
            TestDatabase db) throws Exception {
        Logger engineLog = (Logger) LoggerFactory.getLogger(TaskerEngine.class);
        Level level = engineLog.getLevel();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        engineLog.setLevel(Level.INFO);
        engineLog.addAppender(log);
        try (BridgeEngine bridge = new BridgeEngine(db, 2)) {
            bridge.register("""
                    name: follow_up
                    namespace_name: tests
                    version: 1.0.0
                    step_templates:
                      - name: wait
                        handler_language: python
                        handler_class: shop.views.DuckTyped
                    """);
            TaskTemplate order = bridge.register("""
                    name: order_%s
                    namespace_name: tests
                    version: 1.0.0
                    step_templates:
                      - name: follow_up
                        handler_language: %s
                        handler_class: %s
                        handler_config:
                          rate: 5
                    """.formatted(language, language, handlerClass));
            long taskId = bridge.create(order, Map.of());

            TaskResult result = bridge.runToEnd(taskId);

            Map<?, ?> results = (Map<?, ?>) result.step("follow_up").results();
            long followUp = (Long) results.get("follow_up");
            assertThat(result.status()).isEqualTo("complete");
            assertThat(results).isEqualTo(Map.of("follow_up", followUp, "status", "pending",
                    "own_status", "in_progress", "rate", 5L));
            assertThat(bridge.engine.findByIdempotencyKey("follow-up-of-" + taskId)).contains(followUp);
            assertThat(bridge.engine.status(followUp).key().name()).isEqualTo("follow_up");
            assertThat(bridge.events).filteredOn(event -> event.name().equals("order.follow_up_created"))
                    .extracting(TaskerEvent::payload)
                    .containsExactly(Map.of("follow_up", followUp, "task_id", taskId, "event_type", "custom"));
            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                    .contains("[task " + taskId + "] created a follow-up task {\"follow_up\":" + followUp + "}");
        } finally {
            engineLog.detachAppender(log);
            engineLog.setLevel(level);
        }
    }
}

package io.tasker.it.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.events.TaskerEvent;
import io.tasker.core.template.TaskTemplate;
import io.tasker.it.engine.handlers.FailPermanently;
import io.tasker.it.engine.handlers.Noop;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TaskerDatabaseExtension.class)
class EventsTest {

    private static String chain(String secondHandler) {
        return """
                name: evented
                version: 1.0.0
                task_handler_class: Evented
                step_templates:
                  - name: first
                    handler_class: %s
                  - name: second
                    handler_class: %s
                    depends_on_step: first
                    default_retry_limit: 1
                """.formatted(Noop.class.getName(), secondHandler);
    }

    @Test
    void publishes_taskers_lifecycle_events_in_order_after_they_are_committed(TestDatabase db) {
        List<TaskerEvent> events = new CopyOnWriteArrayList<>();
        long taskId;
        try (EngineFixture fx = new EngineFixture(db)) {
            fx.engine.subscribe(events::add);
            fx.engine.subscribe(event -> {
                throw new IllegalStateException("a broken subscriber");
            });
            TaskTemplate template = fx.register(chain(Noop.class.getName()));
            taskId = fx.create(template, Map.of());
            assertThat(fx.run(taskId).status()).as("a subscriber that throws fails nothing").isEqualTo("complete");
        }
        assertThat(events).extracting(TaskerEvent::name).containsExactly(
                "task.start_requested", "step.execution_requested", "step.completed", "step.execution_requested",
                "step.completed", "task.completed");
        TaskerEvent completed = events.get(2);
        assertThat(completed.payload()).containsEntry("task_id", taskId).containsEntry("step_name", "first")
                .containsEntry("from_state", "in_progress").containsEntry("to_state", "complete")
                .containsEntry("attempt_number", 1);
    }

    @Test
    void a_failed_step_publishes_its_error_and_the_task_its_failure(TestDatabase db) {
        List<TaskerEvent> events = new CopyOnWriteArrayList<>();
        try (EngineFixture fx = new EngineFixture(db)) {
            fx.engine.subscribe(events::add);
            TaskTemplate template = fx.register(chain(FailPermanently.class.getName()));
            assertThat(fx.run(fx.create(template, Map.of())).status()).isEqualTo("error");
        }
        TaskerEvent failed = events.stream().filter(e -> e.name().equals("step.failed")).findFirst().orElseThrow();
        assertThat(failed.payload()).containsEntry("step_name", "second")
                .containsEntry("error_class", "io.tasker.core.handler.PermanentError")
                .containsEntry("error_message", "card declined").containsEntry("will_retry", false);
        assertThat(events.getLast().name()).isEqualTo("task.failed");
        assertThat(events.getLast().payload()).containsEntry("error_message", "steps_in_error_state")
                .containsEntry("error_steps", List.of("second"));
    }
}

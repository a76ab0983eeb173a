package io.tasker.bridge;

import static io.tasker.bridge.TaskerTables.await;
import static io.tasker.bridge.TaskerTables.count;
import static io.tasker.bridge.TaskerTables.rows;
import static io.tasker.bridge.TaskerTables.stepDefaults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tasker.core.engine.TaskCreationException;
import io.tasker.core.template.ContextValidationException;
import io.tasker.core.template.TaskTemplate;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A Python task handler (tasker.TaskHandler) whose hooks the engine runs in the sandboxed Python contexts. */
@ExtendWith(TaskerDatabaseExtension.class)
class PythonTaskHooksEngineTest {
    private static final String TEMPLATE = """
            name: py_order
            namespace_name: hooks
            version: 1.0.0
            task_handler_class: shop.order_task.OrderTask
            default_handler_language: python
            step_templates:
              - name: first
                handler_class: shop.order_task.Echo
              - name: second
                handler_class: shop.order_task.Echo
                depends_on_step: first
            """;

    @Test
    void a_python_task_handlers_hooks_validate_tune_and_annotate_its_tasks(TestDatabase db) throws Exception {
        try (BridgeEngine bridge = new BridgeEngine(db, 2)) {
            TaskTemplate template = bridge.register(TEMPLATE);

            assertThatThrownBy(() -> bridge.create(template, Map.of("rush", true)))
                    .isInstanceOf(ContextValidationException.class).hasMessageContaining("$.order_id");
            long taskId = bridge.create(template, Map.of("order_id", 7, "rush", true));

            assertThat(stepDefaults(db, taskId)).containsExactly("first 4 true false", "second 3 true true");
            assertThat(bridge.runToEnd(taskId).step("first").results())
                    .isEqualTo(Map.of("lane", "express", "retry_limit", 4L));
            await("update_annotations",
                    () -> count(db, "SELECT count(*) FROM tasker_task_annotations WHERE task_id = ?", taskId) > 0);
            assertThat(rows(db, "SELECT annotation::text FROM tasker_task_annotations WHERE task_id = ?", taskId))
                    .containsExactly("{\"first\": {\"lane\": \"express\", \"retry_limit\": 4}, \"steps\": [\"first\", \"second\"],"
                            + " \"status\": \"complete\"}");
        }
    }

    @Test
    void what_a_python_hook_may_not_change_fails_the_creation_and_stores_nothing(TestDatabase db) throws Exception {
        try (BridgeEngine bridge = new BridgeEngine(db, 2)) {
            TaskTemplate template = bridge.register(TEMPLATE);

            assertThatThrownBy(() -> bridge.create(template, Map.of("order_id", 7, "try", "inputs")))
                    .isInstanceOf(TaskCreationException.class)
                    .hasMessageContaining("shop.order_task.OrderTask#establish_step_dependencies_and_defaults raised "
                            + "tasker._hooks.HookRefusal: establish_step_dependencies_and_defaults cannot change step.inputs");
            assertThat(count(db, "SELECT count(*) FROM tasker_tasks")).isZero();
        }
    }
}

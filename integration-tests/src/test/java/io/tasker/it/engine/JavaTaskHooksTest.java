package io.tasker.it.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tasker.core.engine.TaskCreationException;
import io.tasker.core.template.ContextValidationException;
import io.tasker.core.template.TaskTemplate;
import io.tasker.it.engine.handlers.Noop;
import io.tasker.it.engine.handlers.OrderHooks;
import io.tasker.it.engine.handlers.RenamingHooks;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A template whose task_handler_class is a Java class implementing TaskHooks, run by the engine. */
@ExtendWith(TaskerDatabaseExtension.class)
class JavaTaskHooksTest {

    private static String template(String name, Class<?> hooks) {
        return """
                name: %s
                namespace_name: orders
                version: 1.0.0
                task_handler_class: %s
                step_templates:
                  - name: a
                    handler_class: %s
                  - name: b
                    handler_class: %s
                    depends_on_step: a
                """.formatted(name, hooks.getName(), Noop.class.getName(), Noop.class.getName());
    }

    @Test
    void the_hooks_of_a_java_task_handler_validate_tune_and_annotate_its_tasks(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate template = fx.register(template("rush_order", OrderHooks.class));

            assertThatThrownBy(() -> fx.create(template, Map.of("rush", true)))
                    .isInstanceOf(ContextValidationException.class).hasMessageContaining("$.order_id");
            long taskId = fx.create(template, Map.of("order_id", 7, "rush", true));

            assertThat(fx.strings("SELECT ns.name || ' ' || ws.retry_limit || ' ' || ws.skippable"
                    + " FROM tasker_workflow_steps ws JOIN tasker_named_steps ns USING (named_step_id)"
                    + " WHERE ws.task_id = ? ORDER BY ws.workflow_step_id", taskId)).containsExactly("a 4 false", "b 3 true");
            assertThat(fx.strings("SELECT context->>'lane' FROM tasker_tasks WHERE task_id = ?", taskId))
                    .containsExactly("express");
            assertThat(fx.run(taskId).status()).isEqualTo("complete");
            awaitAnnotation(fx, taskId);
            assertThat(fx.strings("SELECT a.annotation::text FROM tasker_task_annotations a"
                    + " JOIN tasker_annotation_types t USING (annotation_type_id)"
                    + " WHERE a.task_id = ? AND t.name = 'order_summary'", taskId))
                    .containsExactly("{\"b\": {\"step\": \"b\"}, \"steps\": [\"a\", \"b\"], \"status\": \"complete\"}");
        }
    }

    @Test
    void a_java_hook_that_renames_a_step_or_throws_fails_the_creation_and_stores_nothing(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate template = fx.register(template("renaming", RenamingHooks.class));
            String hook = RenamingHooks.class.getName() + "#establish_step_dependencies_and_defaults";

            assertThatThrownBy(() -> fx.create(template, Map.of()))
                    .isInstanceOf(TaskCreationException.class)
                    .hasMessage("a task of orders.renaming@1.0.0 cannot be created: its task handler " + hook
                            + " changed the steps to [a2, b]; steps cannot be added, removed, renamed or reordered");
            assertThatThrownBy(() -> fx.create(template, Map.of("fail", true)))
                    .isInstanceOf(TaskCreationException.class)
                    .hasMessage("a task of orders.renaming@1.0.0 cannot be created: its task handler " + hook
                            + " raised java.lang.IllegalStateException: the order service is down");
            assertThat(fx.count("SELECT count(*) FROM tasker_tasks")).isZero();
        }
    }

    @Test
    void a_task_handler_class_that_does_not_implement_task_hooks_gives_none(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate template = fx.register(template("plain", Noop.class));

            assertThat(fx.run(fx.create(template, Map.of())).status()).isEqualTo("complete");
        }
    }

    /** update_annotations runs on the event thread after the completion committed, so the run's caller may be first. */
    private static void awaitAnnotation(EngineFixture fx, long taskId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (fx.count("SELECT count(*) FROM tasker_task_annotations WHERE task_id = ?", taskId) == 0) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("update_annotations did not run within 30 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }
}

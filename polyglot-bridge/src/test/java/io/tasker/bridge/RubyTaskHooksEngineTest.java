package io.tasker.bridge;

import static io.tasker.bridge.TaskerTables.await;
import static io.tasker.bridge.TaskerTables.count;
import static io.tasker.bridge.TaskerTables.rows;
import static io.tasker.bridge.TaskerTables.stepDefaults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.tasker.core.engine.TaskCreationException;
import io.tasker.core.handler.HandlerResolutionException;
import io.tasker.core.json.Json;
import io.tasker.core.template.ContextValidationException;
import io.tasker.core.template.TaskTemplate;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * A Ruby task handler's hooks (Tasker::TaskHandler's schema, establish_step_dependencies_and_defaults and
 * update_annotations) run by the real engine on real TruffleRuby: what each hook sees and may change, and what
 * happens when one raises.
 */
@ExtendWith(TaskerDatabaseExtension.class)
class RubyTaskHooksEngineTest {
    private static Path root(String name) throws URISyntaxException {
        return Path.of(RubyTaskHooksEngineTest.class.getResource("/ruby/" + name).toURI());
    }

    private static BridgeEngine engine(TestDatabase db) throws URISyntaxException {
        return BridgeEngine.withTaskerShim(db, 2, List.of(root("task_hooks")));
    }

    /** A template of two steps (charge, then notify) whose task handler class is {@code handlerClass}. */
    private static TaskTemplate template(BridgeEngine bridge, String handlerClass, String schema) throws Exception {
        return bridge.register("""
                name: %s
                namespace_name: hooks
                version: 1.0.0
                task_handler_class: %s
                %s
                step_templates:
                  - name: charge
                    handler_class: Hooked::EchoHandler
                  - name: last
                    depends_on_step: charge
                    handler_class: Hooked::EchoHandler
                  - name: notify
                    depends_on_step: last
                    handler_class: Hooked::EchoHandler
                """.formatted(handlerClass.replace("::", "_").toLowerCase(), handlerClass, schema));
    }

    private static TaskTemplate template(BridgeEngine bridge, String handlerClass) throws Exception {
        return template(bridge, handlerClass, "");
    }

    @Test
    void the_handlers_schema_validates_the_context_instead_of_the_templates(TestDatabase db) throws Exception {
        try (BridgeEngine bridge = engine(db)) {
            TaskTemplate template = template(bridge, "Hooked::SchemaTask", """
                    schema:
                      type: object
                      required: [from_yaml]""");

            assertThatThrownBy(() -> bridge.create(template, Map.of("order_id", 0)))
                    .isInstanceOf(ContextValidationException.class).hasMessageContaining("$.order_id");
            assertThatThrownBy(() -> bridge.create(template, Map.of("from_yaml", true)))
                    .isInstanceOf(ContextValidationException.class).hasMessageContaining("$.order_id");
            long taskId = bridge.create(template, Map.of("order_id", 7));

            assertThat(bridge.runToEnd(taskId).status()).isEqualTo("complete");
            assertThat(count(db, "SELECT count(*) FROM tasker_tasks")).isEqualTo(1);
        }
    }

    @Test
    void a_schema_that_raises_fails_the_creation_naming_the_class_and_the_error_and_stores_nothing(TestDatabase db)
            throws Exception {
        try (BridgeEngine bridge = engine(db)) {
            TaskTemplate template = template(bridge, "Hooked::BrokenSchemaTask");

            assertThatThrownBy(() -> bridge.create(template, Map.of()))
                    .isInstanceOf(TaskCreationException.class)
                    .hasMessageContaining("hooks.hooked_brokenschematask@1.0.0 cannot be created")
                    .hasMessageContaining("Hooked::BrokenSchemaTask#schema raised RuntimeError: schema registry unreachable")
                    .hasMessageContaining("broken_schema_task.rb:8");
            assertThat(count(db, "SELECT count(*) FROM tasker_tasks")).isZero();
            assertThat(count(db, "SELECT count(*) FROM tasker_workflow_steps")).isZero();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void establish_step_dependencies_and_defaults_changes_step_defaults_and_the_context_before_they_are_written(
            TestDatabase db) throws Exception {
        try (BridgeEngine bridge = engine(db)) {
            TaskTemplate template = template(bridge, "Hooked::DefaultsTask");

            long vip = bridge.create(template, Map.of("vip", true));
            long plain = bridge.create(template, Map.of("vip", false));

            assertThat(stepDefaults(db, vip)).containsExactly("charge 5 true false", "last 3 true false", "notify 3 false true");
            assertThat(stepDefaults(db, plain)).containsExactly("charge 3 true false", "last 3 true false", "notify 3 true false");
            Map<String, Object> context = Json.readObject(rows(db, "SELECT context::text FROM tasker_tasks WHERE task_id = ?", vip).getFirst());
            assertThat(context).containsEntry("vip", true).containsEntry("priority", "high");
            assertThat((Map<String, Object>) context.get("seen")).containsEntry("task_id", null)
                    .containsEntry("status", "pending").containsEntry("name", "hooked_defaultstask")
                    .containsEntry("steps", List.of(List.of("charge", 3L, List.of(), true),
                            List.of("last", 3L, List.of("charge"), true), List.of("notify", 3L, List.of("last"), true)));
            Map<String, Object> charge = (Map<String, Object>) bridge.runToEnd(vip).step("charge").results();
            assertThat(charge).containsEntry("retry_limit", 5L);
            assertThat((Map<String, Object>) charge.get("context")).containsEntry("priority", "high");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "inputs       | Tasker::ProceduralError: establish_step_dependencies_and_defaults cannot change step.inputs in Tasker JVM (a step's inputs are the task context: change task.context instead)",
        "zero_retries | Tasker::ProceduralError: establish_step_dependencies_and_defaults cannot change step.retry_limit to 0 in Tasker JVM (it must be an Integer of at least 1)",
        "reason       | Tasker::ProceduralError: establish_step_dependencies_and_defaults cannot change task.reason in Tasker JVM (it identifies the task request)",
        "raise        | ArgumentError: no warehouse serves this region",
        "unstorable   | answered with something that cannot be stored as JSON at $.context.callback: a Ruby object of class Object"
    })
    void what_establish_step_dependencies_and_defaults_may_not_do_fails_the_creation_and_stores_nothing(String attempt,
            String error, TestDatabase db) throws Exception {
        try (BridgeEngine bridge = engine(db)) {
            TaskTemplate template = template(bridge, "Hooked::RefusingTask");

            assertThatThrownBy(() -> bridge.create(template, Map.of("try", attempt)))
                    .isInstanceOf(TaskCreationException.class)
                    .hasMessageContaining("hooks.hooked_refusingtask@1.0.0 cannot be created: its task handler "
                            + "Hooked::RefusingTask#establish_step_dependencies_and_defaults")
                    .hasMessageContaining(error);
            assertThat(count(db, "SELECT count(*) FROM tasker_tasks")).isZero();
            assertThat(bridge.runToEnd(bridge.create(template, Map.of("try", "nothing"))).status()).isEqualTo("complete");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void update_annotations_runs_once_the_task_completed_and_sees_the_completed_task(TestDatabase db) throws Exception {
        try (BridgeEngine bridge = engine(db)) {
            TaskTemplate template = template(bridge, "Hooked::AnnotatedTask");
            long taskId = bridge.create(template, Map.of("customer", Map.of("name", "Ada")));

            assertThat(bridge.runToEnd(taskId).status()).isEqualTo("complete");

            await("update_annotations", () -> count(db, "SELECT count(*) FROM tasker_task_annotations WHERE task_id = ?", taskId) > 0);
            assertThat(rows(db, """
                    SELECT t.name || ' ' || t.description FROM tasker_task_annotations a
                      JOIN tasker_annotation_types t USING (annotation_type_id) WHERE a.task_id = ?""", taskId))
                    .containsExactly("run_summary What a run did");
            Map<String, Object> annotation = Json.readObject(rows(db,
                    "SELECT annotation::text FROM tasker_task_annotations WHERE task_id = ?", taskId).getFirst());
            assertThat(annotation).containsEntry("status", "complete").containsEntry("customer", "Ada")
                    .containsEntry("total", 42L)
                    .containsEntry("steps", List.of(List.of("charge", "complete", 1L), List.of("last", "complete", 1L),
                            List.of("notify", "complete", 1L)));
            assertThat((String) annotation.get("annotated_at")).matches("\\d{4}-\\d\\d-\\d\\dT.*");
        }
    }

    @Test
    void the_engine_closing_right_after_a_completion_still_lets_update_annotations_finish(TestDatabase db)
            throws Exception {
        long taskId;
        try (BridgeEngine bridge = engine(db)) {
            TaskTemplate template = template(bridge, "Hooked::AnnotatedTask");
            taskId = bridge.create(template, Map.of("customer", Map.of("name", "Grace")));

            assertThat(bridge.runToEnd(taskId).status()).isEqualTo("complete");
        }

        assertThat(count(db, "SELECT count(*) FROM tasker_task_annotations WHERE task_id = ?", taskId)).isEqualTo(1);
    }

    @Test
    void an_update_annotations_that_raises_is_logged_with_the_task_and_the_task_stays_complete(TestDatabase db)
            throws Exception {
        Logger hooksLog = (Logger) LoggerFactory.getLogger("io.tasker.core.engine.CompletionHooks");
        List<String> lines = new CopyOnWriteArrayList<>();
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                lines.add(event.getLevel() + " " + event.getFormattedMessage());
            }
        };
        appender.start();
        hooksLog.addAppender(appender);
        try (BridgeEngine bridge = engine(db)) {
            TaskTemplate template = template(bridge, "Hooked::FailingAnnotationsTask");
            long taskId = bridge.create(template, Map.of());

            assertThat(bridge.runToEnd(taskId).status()).isEqualTo("complete");

            await("the log line of the failed hook", () -> !lines.isEmpty());
            assertThat(lines.getFirst()).startsWith("ERROR task " + taskId + ": Hooked::FailingAnnotationsTask"
                    + "#update_annotations raised Tasker::ProceduralError: reporting database is read-only; the task stays complete");
            assertThat(bridge.engine.status(taskId).status()).isEqualTo("complete");
            assertThat(count(db, "SELECT count(*) FROM tasker_task_annotations WHERE task_id = ?", taskId)).isEqualTo(1);
        } finally {
            hooksLog.detachAppender(appender);
        }
    }

    @Test
    void a_task_handler_class_that_exists_but_cannot_be_loaded_fails_the_registration(TestDatabase db) throws Exception {
        try (BridgeEngine bridge = BridgeEngine.withTaskerShim(db, 1, List.of(root("task_hooks"), root("task_hooks_broken")))) {
            assertThatThrownBy(() -> template(bridge, "Exploding::SetupTask"))
                    .isInstanceOf(HandlerResolutionException.class)
                    .hasMessageContaining("task handler class Exploding::SetupTask of task 'exploding_setuptask' cannot be loaded")
                    .hasMessageContaining("this task handler cannot be loaded");
        }
    }

    @Test
    void a_template_whose_task_handler_class_exists_nowhere_runs_without_hooks(TestDatabase db) throws Exception {
        try (BridgeEngine bridge = engine(db)) {
            TaskTemplate template = template(bridge, "Hooked::NeverWrittenTask");

            assertThat(bridge.runToEnd(bridge.create(template, Map.of())).status()).isEqualTo("complete");
            assertThat(bridge.ruby.statistics().created()).isEqualTo(1);
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void a_handler_creating_a_task_whose_template_has_hooks_reuses_its_own_context_with_one_context(TestDatabase db)
            throws Exception {
        try (BridgeEngine bridge = BridgeEngine.withTaskerShim(db, 1, List.of(root("task_hooks")))) {
            template(bridge, "Hooked::DefaultsTask");
            TaskTemplate creating = bridge.register("""
                    name: creating
                    namespace_name: hooks
                    version: 1.0.0
                    step_templates:
                      - name: create
                        handler_class: Hooked::CreatingHandler
                    """);

            long taskId = bridge.create(creating, Map.of());
            Object created = ((Map<?, ?>) bridge.runToEnd(taskId).step("create").results()).get("task_id");

            assertThat(stepDefaults(db, created))
                    .containsExactly("charge 5 true false", "last 3 true false", "notify 3 false true");
            assertThat(bridge.ruby.statistics().created()).isEqualTo(1);
        }
    }
}

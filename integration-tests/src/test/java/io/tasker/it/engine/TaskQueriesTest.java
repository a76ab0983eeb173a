package io.tasker.it.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tasker.core.database.Jdbc;
import io.tasker.core.engine.Actor;
import io.tasker.core.engine.TaskRequest;
import io.tasker.core.query.TaskFilter;
import io.tasker.core.query.TaskQueries;
import io.tasker.core.query.TaskStatus;
import io.tasker.core.query.TaskSummary;
import io.tasker.core.template.TaskTemplate;
import io.tasker.it.engine.handlers.FailPermanently;
import io.tasker.it.engine.handlers.Noop;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operator's read-only view: one task with its steps, and listings across tasks. */
@ExtendWith(TaskerDatabaseExtension.class)
class TaskQueriesTest {

    private static String template(String namespace, String name, String firstHandler) {
        return """
                name: %s
                namespace_name: %s
                version: 1.0.0
                step_templates:
                  - name: charge
                    handler_class: %s
                    default_retry_limit: 2
                  - name: ship
                    handler_class: %s
                    depends_on_step: charge
                """.formatted(name, namespace, firstHandler, Noop.class.getName());
    }

    @Test
    void status_shows_the_task_and_each_step_with_the_error_of_a_failed_one(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate template = fx.register(template("billing", "charge", FailPermanently.class.getName()));
            long taskId = fx.engine.createTask(new TaskRequest("billing", "charge", "1.0.0", Map.of("amount", 12),
                    "shop", "web", "order 7", List.of("vip"), null, "order-7", 0, null)).taskId();
            fx.run(taskId);

            TaskStatus status = new TaskQueries(new Jdbc(db.dataSource())).status(taskId).orElseThrow();

            assertThat(status.key()).isEqualTo(template.key());
            assertThat(status.state()).isEqualTo("error");
            assertThat(status.context()).isEqualTo(Map.of("amount", 12L));
            assertThat(status.tags()).containsExactly("vip");
            assertThat(status.idempotencyKey()).isEqualTo("order-7");
            assertThat(status.initiator()).isEqualTo("shop");
            assertThat(status.createdAt()).isEqualTo(EngineFixture.START);
            assertThat(status.updatedAt()).isAfterOrEqualTo(status.createdAt());
            assertThat(status.stepNames()).containsExactly("charge", "ship");
            TaskStatus.StepStatus charge = status.step("charge").orElseThrow();
            assertThat(charge.state()).isEqualTo("error");
            assertThat(charge.attempts()).isEqualTo(1);
            assertThat(charge.retryLimit()).isEqualTo(2);
            assertThat(charge.retryable()).isFalse();
            assertThat(charge.lastAttemptedAt()).isEqualTo(EngineFixture.START);
            assertThat(charge.error()).isEqualTo("io.tasker.core.handler.PermanentError: card declined");
            assertThat(charge.results()).isInstanceOf(Map.class);
            TaskStatus.StepStatus ship = status.step("ship").orElseThrow();
            assertThat(ship.state()).isEqualTo("pending");
            assertThat(ship.attempts()).isZero();
            assertThat(ship.error()).isNull();
        }
    }

    @Test
    void status_of_an_unknown_task_is_empty(TestDatabase db) {
        assertThat(new TaskQueries(new Jdbc(db.dataSource())).status(42)).isEmpty();
    }

    @Test
    void lists_tasks_newest_first_filtered_by_state_namespace_and_name(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate charge = fx.register(template("billing", "charge", Noop.class.getName()));
            TaskTemplate refund = fx.register(template("billing", "refund", Noop.class.getName()));
            TaskTemplate ship = fx.register(template("shipping", "ship", Noop.class.getName()));
            long complete = fx.create(charge, Map.of("n", 1));
            fx.run(complete);
            long cancelled = fx.create(refund, Map.of("n", 2));
            fx.engine.cancel(cancelled, new Actor("ops", null));
            long pending = fx.create(ship, Map.of("n", 3));
            TaskQueries queries = new TaskQueries(new Jdbc(db.dataSource()));

            assertThat(ids(queries.list(TaskFilter.newest()))).containsExactly(pending, cancelled, complete);
            assertThat(queries.list(TaskFilter.newest().inState("cancelled"))).singleElement().satisfies(task -> {
                assertThat(task.taskId()).isEqualTo(cancelled);
                assertThat(task.key()).isEqualTo(refund.key());
                assertThat(task.state()).isEqualTo("cancelled");
            });
            assertThat(ids(queries.list(TaskFilter.newest().inState("pending")))).containsExactly(pending);
            assertThat(ids(queries.list(TaskFilter.newest().inNamespace("billing")))).containsExactly(cancelled, complete);
            assertThat(ids(queries.list(TaskFilter.newest().inNamespace("billing").named("charge"))))
                    .containsExactly(complete);
            assertThat(ids(queries.list(TaskFilter.newest().inState("complete").inNamespace("shipping")))).isEmpty();
        }
    }

    @Test
    void pages_through_tasks_with_a_limit_and_a_keyset_cursor(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate charge = fx.register(template("billing", "charge", Noop.class.getName()));
            List<Long> created = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                created.add(fx.create(charge, Map.of("n", i)));
            }
            TaskQueries queries = new TaskQueries(new Jdbc(db.dataSource()));

            List<Long> seen = new ArrayList<>();
            TaskFilter page = TaskFilter.newest().inState("pending").limitedTo(3);
            for (List<TaskSummary> tasks = queries.list(page); !tasks.isEmpty(); tasks = queries.list(page)) {
                assertThat(tasks).hasSizeLessThanOrEqualTo(3);
                seen.addAll(ids(tasks));
                page = page.before(tasks.getLast().taskId());
            }

            assertThat(seen).containsExactlyElementsOf(created.reversed());
        }
    }

    @Test
    void a_filter_names_a_state_or_limit_it_cannot_use() {
        assertThatThrownBy(() -> TaskFilter.newest().inState("done"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown task state 'done'");
        assertThatThrownBy(() -> TaskFilter.newest().limitedTo(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit: got 0, expected 1 to 10000");
    }

    private static List<Long> ids(List<TaskSummary> tasks) {
        return tasks.stream().map(TaskSummary::taskId).toList();
    }
}

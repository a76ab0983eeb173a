package io.tasker.it.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tasker.core.config.EngineConfig;
import io.tasker.core.engine.TaskCreationException;
import io.tasker.core.engine.TaskRequest;
import io.tasker.core.persistence.CreatedTask;
import io.tasker.core.template.ContextValidationException;
import io.tasker.core.template.TaskTemplate;
import io.tasker.it.engine.handlers.Noop;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TaskerDatabaseExtension.class)
class CreationTest {

    private static String template(String name) {
        return """
                name: %s
                namespace_name: orders
                version: 2.0.0
                task_handler_class: Orders
                schema:
                  type: object
                  required: [order_id]
                  properties:
                    order_id: {type: integer}
                step_templates:
                  - name: a
                    handler_class: %s
                  - name: b
                    handler_class: %s
                    depends_on_step: a
                """.formatted(name, Noop.class.getName(), Noop.class.getName());
    }

    @Test
    void creates_the_task_its_steps_edges_and_initial_transitions_in_one_go(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate template = fx.register(template("process_order"));
            long taskId = fx.create(template, Map.of("order_id", 7));
            assertThat(fx.count("SELECT count(*) FROM tasker_workflow_steps WHERE task_id = ?", taskId)).isEqualTo(2);
            assertThat(fx.count("SELECT count(*) FROM tasker_workflow_step_edges WHERE task_id = ?", taskId)).isEqualTo(1);
            assertThat(fx.strings("SELECT inputs::text FROM tasker_workflow_steps WHERE task_id = ?", taskId))
                    .containsOnly("{\"order_id\": 7}");
            assertThat(fx.taskTransitions(taskId)).containsExactly("->pending");
            assertThat(fx.stepTransitions(taskId, "a")).containsExactly("->pending");
            assertThat(fx.strings("SELECT ns.name || '.' || nt.name || '@' || nt.version FROM tasker_tasks t"
                    + " JOIN tasker_named_tasks nt USING (named_task_id)"
                    + " JOIN tasker_task_namespaces ns USING (task_namespace_id) WHERE t.task_id = ?", taskId))
                    .containsExactly("orders.process_order@2.0.0");
        }
    }

    @Test
    void rejects_a_context_that_fails_the_schema_and_stores_nothing(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate template = fx.register(template("process_order"));
            assertThatThrownBy(() -> fx.create(template, Map.of("order_id", "seven")))
                    .isInstanceOf(ContextValidationException.class)
                    .hasMessageContaining("order_id");
            assertThat(fx.count("SELECT count(*) FROM tasker_tasks")).isZero();
        }
    }

    @Test
    void a_repeated_idempotency_key_returns_the_existing_task(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate template = fx.register(template("process_order"));
            TaskRequest request = TaskRequest.of("orders", "process_order", "2.0.0", Map.of("order_id", 1))
                    .withIdempotencyKey("order-1");
            CreatedTask first = fx.engine.createTask(request);
            CreatedTask again = fx.engine.createTask(request);
            assertThat(first.created()).isTrue();
            assertThat(again.created()).isFalse();
            assertThat(again.taskId()).isEqualTo(first.taskId());
            assertThat(fx.count("SELECT count(*) FROM tasker_tasks")).isEqualTo(1);
            assertThat(fx.engine.findByIdempotencyKey("order-1")).contains(first.taskId());
        }
    }

    @Test
    void an_idempotency_key_of_another_template_is_an_error(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            fx.register(template("process_order"));
            fx.register(template("refund_order"));
            fx.engine.createTask(TaskRequest.of("orders", "process_order", "2.0.0", Map.of("order_id", 1))
                    .withIdempotencyKey("shared"));
            assertThatThrownBy(() -> fx.engine.createTask(TaskRequest.of("orders", "refund_order", "2.0.0",
                    Map.of("order_id", 1)).withIdempotencyKey("shared")))
                    .isInstanceOf(TaskCreationException.class)
                    .hasMessageContaining("idempotency key 'shared' already names task")
                    .hasMessageContaining("orders.process_order@2.0.0");
        }
    }

    @Test
    void the_default_identity_strategy_never_deduplicates(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate template = fx.register(template("process_order"));
            assertThat(fx.create(template, Map.of("order_id", 1))).isNotEqualTo(fx.create(template, Map.of("order_id", 1)));
        }
    }

    @Test
    void the_hash_identity_strategy_deduplicates_identical_requests_within_a_minute(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db, EngineFixture.config(4, EngineConfig.IdentityStrategy.HASH))) {
            TaskTemplate template = fx.register(template("process_order"));
            long first = fx.create(template, Map.of("order_id", 1));
            assertThat(fx.create(template, Map.of("order_id", 1))).isEqualTo(first);
            assertThat(fx.create(template, Map.of("order_id", 2))).isNotEqualTo(first);
            fx.clock.advance(Duration.ofMinutes(1));
            assertThat(fx.create(template, Map.of("order_id", 1))).isNotEqualTo(first);
        }
    }

    @Test
    void refuses_a_request_for_a_template_that_is_not_registered(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            assertThatThrownBy(() -> fx.engine.createTask(TaskRequest.of("orders", "nope", "1.0.0", Map.of())))
                    .isInstanceOf(TaskCreationException.class)
                    .hasMessage("no task template orders.nope@1.0.0 is registered");
        }
    }

    @Test
    void the_same_name_may_exist_in_several_namespaces_and_versions(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            fx.register(template("process_order"));
            fx.register(template("process_order").replace("version: 2.0.0", "version: 3.0.0"));
            fx.register(template("process_order").replace("namespace_name: orders", "namespace_name: billing"));
            for (String key : new String[] {"orders/2.0.0", "orders/3.0.0", "billing/2.0.0"}) {
                String[] parts = key.split("/");
                long id = fx.engine.createTask(TaskRequest.of(parts[0], "process_order", parts[1],
                        Map.of("order_id", 1))).taskId();
                assertThat(fx.run(id).key().toString()).isEqualTo(parts[0] + ".process_order@" + parts[1]);
            }
        }
    }
}

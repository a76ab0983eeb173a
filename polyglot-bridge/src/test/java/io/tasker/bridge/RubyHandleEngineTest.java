package io.tasker.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.engine.TaskResult;
import io.tasker.core.json.Json;
import io.tasker.core.template.TaskTemplate;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Tasker shim's calls on the real engine's handle: annotation types and task annotations stored in Tasker's
 * tables, a ConfiguredTask whose YAML the engine reads for it, and Rails.env from the engine's environment name.
 */
@ExtendWith(TaskerDatabaseExtension.class)
class RubyHandleEngineTest {
    private static final Path SHOP = Path.of("..", "examples", "order_fulfillment").toAbsolutePath().normalize();

    private static Path handlers() throws URISyntaxException {
        return Path.of(RubyHandleEngineTest.class.getResource("/ruby/engine_handlers").toURI());
    }

    private static TaskTemplate oneStep(BridgeEngine bridge, String handlerClass) throws Exception {
        return bridge.register("""
                name: %s
                namespace_name: tests
                version: 1.0.0
                step_templates:
                  - name: only_step
                    handler_class: %s
                """.formatted(handlerClass.replace("::", "_").toLowerCase(), handlerClass));
    }

    @Test
    @SuppressWarnings("unchecked")
    void annotations_go_to_taskers_annotation_tables_and_read_back(TestDatabase db) throws Exception {
        try (BridgeEngine bridge = BridgeEngine.withTaskerShim(db, 2, List.of(handlers()))) {
            long taskId = bridge.create(oneStep(bridge, "Annotating::OrderSummaryHandler"), Map.of());

            TaskResult result = bridge.runToEnd(taskId);

            assertThat(result.status()).isEqualTo("complete");
            Map<String, Object> results = (Map<String, Object>) result.step("only_step").results();
            assertThat(results.get("type_id")).isEqualTo(results.get("same_type_id"));
            assertThat(results).containsEntry("orphan_saved", false).containsEntry("orphan_errors", 1L)
                    .containsEntry("annotations", List.of(
                            List.of("order_summary", Map.of("items", 2L, "total", "105.23", "rush", true)),
                            List.of("audit", Map.of("by", "order_bot"))));
            assertThat(rows(db, """
                    SELECT t.name || ' ' || coalesce(t.description, '-') || ' ' || a.annotation::text
                      FROM tasker_task_annotations a
                      JOIN tasker_annotation_types t ON t.annotation_type_id = a.annotation_type_id
                     WHERE a.task_id = ? ORDER BY a.task_annotation_id""", taskId))
                    .containsExactly("order_summary What a customer ordered {\"rush\": true, \"items\": 2, \"total\": \"105.23\"}",
                            "audit - {\"by\": \"order_bot\"}");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_configured_task_reads_its_yaml_through_the_engine_and_creates_a_task_that_runs(TestDatabase db)
            throws Exception {
        try (BridgeEngine bridge = BridgeEngine.withTaskerShim(db, 2, List.of(SHOP, handlers()))) {
            bridge.register(SHOP.resolve("config/tasker/tasks/order_fulfillment.yaml"));
            Map<String, Object> order = Json.readObject(Files.readString(SHOP.resolve("sample_order.json")));
            long taskId = bridge.create(oneStep(bridge, "Reordering::ReorderHandler"), Map.of("order", order));

            Map<String, Object> results = (Map<String, Object>) bridge.runToEnd(taskId).step("only_step").results();

            assertThat(results).containsEntry("steps", List.of("validate_order", "reserve_inventory", "process_payment",
                    "ship_order", "send_confirmation"))
                    .containsEntry("payment_config", Map.of("gateway", "simulated", "currency", "USD"));
            long reorder = (Long) results.get("reorder_task_id");
            assertThat(bridge.runToEnd(reorder).status()).isEqualTo("complete");
        }
    }

    @Test
    void rails_env_is_the_environment_name_the_engine_was_built_with(TestDatabase db) throws Exception {
        try (BridgeEngine bridge = BridgeEngine.withTaskerShim(db, 2, List.of(handlers()))) {
            long taskId = bridge.create(oneStep(bridge, "Environment::RailsEnvHandler"), Map.of());

            assertThat(bridge.runToEnd(taskId).step("only_step").results())
                    .isEqualTo(Map.of("env", "test", "test", true, "production", false));
        }
    }

    private static List<String> rows(TestDatabase db, String sql, Object... values) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            List<String> found = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(r.getString(1));
                }
            }
            return found;
        }
    }
}

package io.tasker.bridge;

import static io.tasker.bridge.TaskerTables.await;
import static io.tasker.bridge.TaskerTables.count;
import static io.tasker.bridge.TaskerTables.rows;
import static io.tasker.bridge.TaskerTables.stepDefaults;
import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.engine.TaskResult;
import io.tasker.core.json.Json;
import io.tasker.core.template.TaskTemplate;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Ruby examples, unchanged, through the real engine and the real Tasker shim on a test database: the linear
 * workflow and the Rails-style order fulfilment app with its sample order, its declined card and its flaky gateway.
 */
@ExtendWith(TaskerDatabaseExtension.class)
class RubyExamplesEngineTest {
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    private static final Path SHOP = EXAMPLES.resolve("order_fulfillment");
    private static final Path ORDER_TEMPLATE = SHOP.resolve("config/tasker/tasks/order_fulfillment.yaml");

    @Test
    void the_ruby_linear_workflow_turns_two_into_two_to_the_sixteenth(TestDatabase db) throws Exception {
        try (BridgeEngine bridge = BridgeEngine.withTaskerShim(db, 2, List.of(EXAMPLES.resolve("linear/ruby")))) {
            TaskTemplate template = bridge.register(EXAMPLES.resolve("linear/ruby/linear.yaml"));

            TaskResult result = bridge.runToEnd(bridge.create(template, Map.of("even_number", 2)));

            assertThat(result.status()).isEqualTo("complete");
            assertThat(result.step("linear_step_1").results()).isEqualTo(Map.of("result", 4L));
            assertThat(result.step("linear_step_4").results()).isEqualTo(Map.of("result", 65536L));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_sample_order_is_validated_reserved_paid_shipped_and_confirmed(TestDatabase db) throws Exception {
        try (BridgeEngine bridge = BridgeEngine.withTaskerShim(db, 2, List.of(SHOP))) {
            TaskTemplate template = bridge.register(ORDER_TEMPLATE);

            TaskResult result = bridge.runToEnd(bridge.create(template, sampleOrder()));

            assertThat(result.status()).isEqualTo("complete");
            assertThat((Map<String, Object>) result.step("validate_order").results())
                    .containsEntry("order_total", "105.23").containsEntry("customer_email", "ada@example.com");
            assertThat((Map<String, Object>) result.step("process_payment").results())
                    .containsEntry("amount_charged", "105.23").containsEntry("currency", "USD")
                    .containsEntry("payment_processed", true).containsEntry("gateway", "simulated");
            Map<String, Object> shipment = (Map<String, Object>) result.step("ship_order").results();
            assertThat(shipment).containsEntry("carrier", "FedEx").containsEntry("packages", 2L);
            assertThat((String) shipment.get("tracking_number")).matches("FEDEX\\d{10}");
            assertThat((Map<String, Object>) result.step("send_confirmation").results())
                    .containsEntry("email_sent", true).containsEntry("tracking_number", shipment.get("tracking_number"));
            assertThat(bridge.events).anySatisfy(event -> {
                assertThat(event.name()).isEqualTo("order.fulfilled");
                assertThat(event.payload()).containsEntry("task_id", result.taskId())
                        .containsEntry("tracking_number", shipment.get("tracking_number"));
            });
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_task_handler_gives_express_orders_more_payment_attempts_and_annotates_each_fulfilled_order(TestDatabase db)
            throws Exception {
        try (BridgeEngine bridge = BridgeEngine.withTaskerShim(db, 2, List.of(SHOP))) {
            TaskTemplate template = bridge.register(ORDER_TEMPLATE);
            Map<String, Object> standard = new LinkedHashMap<>(sampleOrder());
            standard.put("shipping_info", Map.of("address", "1 Loom Street, Manchester", "method", "standard"));

            long express = bridge.create(template, sampleOrder());
            long slow = bridge.create(template, standard);

            assertThat(stepDefaults(db, express)).contains("process_payment 5 true false");
            assertThat(stepDefaults(db, slow)).contains("process_payment 3 true false");
            TaskResult result = bridge.runToEnd(express);
            assertThat(result.status()).isEqualTo("complete");
            await("the order summary annotation",
                    () -> count(db, "SELECT count(*) FROM tasker_task_annotations WHERE task_id = ?", express) > 0);
            Map<String, Object> summary = Json.readObject(rows(db, """
                    SELECT a.annotation::text FROM tasker_task_annotations a
                      JOIN tasker_annotation_types t USING (annotation_type_id)
                     WHERE a.task_id = ? AND t.name = 'order_summary'""", express).getFirst());
            assertThat(summary).containsEntry("customer_id", 12345L).containsEntry("order_total", "105.23")
                    .containsEntry("items", 3L).containsEntry("carrier", "FedEx")
                    .containsEntry("tracking_number", ((Map<String, Object>) result.step("ship_order").results())
                            .get("tracking_number"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_declined_card_fails_the_payment_for_good_and_the_task_ends_in_error(TestDatabase db) throws Exception {
        try (BridgeEngine bridge = BridgeEngine.withTaskerShim(db, 2, List.of(SHOP))) {
            TaskTemplate template = bridge.register(ORDER_TEMPLATE);

            TaskResult result = bridge.runToEnd(bridge.create(template, orderPaidWith("tok_declined")));

            assertThat(result.status()).isEqualTo("error");
            TaskResult.StepResult payment = result.step("process_payment");
            assertThat(payment.status()).isEqualTo("error");
            assertThat(payment.attempts()).isEqualTo(1);
            assertThat((Map<String, Object>) payment.results()).containsEntry("error_class", "Tasker::PermanentError")
                    .containsEntry("error", "Card declined by the issuer").containsEntry("error_code", "CARD_DECLINED")
                    .containsEntry("retryable", false).containsEntry("error_context", Map.of("amount", "105.23"));
            assertThat(result.step("ship_order").status()).isEqualTo("pending");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_gateway_timeout_is_retried_after_the_five_seconds_it_asked_for(TestDatabase db) throws Exception {
        try (BridgeEngine bridge = BridgeEngine.withTaskerShim(db, 2, List.of(SHOP))) {
            TaskTemplate template = bridge.register(ORDER_TEMPLATE);
            long taskId = bridge.create(template, orderPaidWith("tok_flaky"));

            TaskResult waiting = bridge.run(taskId);

            assertThat(waiting.isWaiting()).isTrue();
            assertThat(waiting.nextRunAt()).isEqualTo(BridgeEngine.START.plus(Duration.ofSeconds(5)));
            assertThat((Map<String, Object>) waiting.step("process_payment").results())
                    .containsEntry("error_class", "Tasker::RetryableError").containsEntry("retry_after", 5L)
                    .containsEntry("error_context", Map.of("attempt", 1L));
            bridge.clock.set(BridgeEngine.START.plus(Duration.ofSeconds(4)));
            assertThat(bridge.run(taskId).step("process_payment").attempts()).isEqualTo(1);

            bridge.clock.set(waiting.nextRunAt());
            TaskResult result = bridge.runToEnd(taskId);

            assertThat(result.status()).isEqualTo("complete");
            assertThat(result.step("process_payment").attempts()).isEqualTo(2);
            assertThat((Map<String, Object>) result.step("process_payment").results())
                    .containsEntry("payment_processed", true).doesNotContainKey("error");
        }
    }

    private static Map<String, Object> sampleOrder() throws java.io.IOException {
        return Json.readObject(Files.readString(SHOP.resolve("sample_order.json")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> orderPaidWith(String token) throws java.io.IOException {
        Map<String, Object> order = new LinkedHashMap<>(sampleOrder());
        Map<String, Object> payment = new LinkedHashMap<>((Map<String, Object>) order.get("payment_info"));
        payment.put("token", token);
        order.put("payment_info", payment);
        return order;
    }
}

package io.tasker.bridge.ruby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Ruby examples, unchanged, step by step in the order their templates give, each step seeing the results of
 * the ones before as the engine would show them.
 */
class RubyExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    private static final List<String> ORDER_STEPS = List.of("validate_order", "reserve_inventory", "process_payment", "ship_order",
            "send_confirmation");
    private static RubyShim linear;
    private static RubyShim shop;

    @BeforeAll
    static void start() {
        linear = RubyShim.start(List.of(EXAMPLES.resolve("linear/ruby")));
        shop = RubyShim.start(List.of(EXAMPLES.resolve("order_fulfillment")));
    }

    @AfterAll
    static void stop() {
        linear.close();
        shop.close();
    }

    /** Step templates of a YAML file: [name, handler_class, handler_config, parents] per step. */
    @SuppressWarnings("unchecked")
    private static List<List<Object>> templates(Path yaml) throws java.io.IOException {
        Map<String, Object> template = new org.yaml.snakeyaml.Yaml().load(java.nio.file.Files.readString(yaml));
        return ((List<Map<String, Object>>) template.get("step_templates")).stream()
                .map(step -> java.util.Arrays.asList(step.get("name"), step.get("handler_class"), step.get("handler_config"),
                        step.containsKey("depends_on_step") ? List.of(step.get("depends_on_step"))
                                : step.getOrDefault("depends_on_steps", List.of())))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static TestWorkflow runAll(RubyShim ruby, Path yaml, Map<String, Object> context) throws java.io.IOException {
        List<List<Object>> steps = templates(yaml);
        TestWorkflow workflow = new TestWorkflow("example", context);
        steps.forEach(step -> workflow.step((String) step.get(0), (List<String>) step.get(3)));
        for (List<Object> step : steps) {
            Value invoker = ruby.handlerFor((String) step.get(1), GuestData.of(step.get(2)));
            workflow.results((String) step.get(0), ruby.call(invoker, workflow.attempt((String) step.get(0))));
        }
        return workflow;
    }

    private static Map<String, Object> order(String token) {
        return Map.of("customer_info", Map.of("id", 12345L, "email", "ada@example.com", "name", "Ada"),
                "order_items", List.of(Map.of("product_id", 101L, "quantity", 2L), Map.of("product_id", 102L, "quantity", 1L)),
                "payment_info", Map.of("method", "credit_card", "token", token),
                "shipping_info", Map.of("address", "12 Analytical Way", "method", "express"));
    }

    @Test
    void the_ruby_linear_workflow_turns_n_into_n_to_the_sixteenth() throws java.io.IOException {
        TestWorkflow workflow = runAll(linear, EXAMPLES.resolve("linear/ruby/linear.yaml"), Map.of("even_number", 2L));

        assertThat(workflow.resultsOf("linear_step_1")).isEqualTo(Map.of("result", 4L));
        assertThat(workflow.resultsOf("linear_step_4")).isEqualTo(Map.of("result", 65536L));
    }

    @Test
    void the_ruby_linear_workflow_handles_numbers_beyond_64_bits() throws java.io.IOException {
        TestWorkflow workflow = runAll(linear, EXAMPLES.resolve("linear/ruby/linear.yaml"), Map.of("even_number", 16L));

        assertThat(workflow.resultsOf("linear_step_4")).isEqualTo(Map.of("result", java.math.BigInteger.valueOf(16).pow(16)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_order_is_validated_reserved_paid_shipped_and_confirmed() throws java.io.IOException {
        TestWorkflow workflow = runAll(shop, EXAMPLES.resolve("order_fulfillment/config/tasker/tasks/order_fulfillment.yaml"),
                order("tok_visa_4242"));

        Map<String, Object> validated = (Map<String, Object>) workflow.resultsOf("validate_order");
        assertThat(validated).containsEntry("order_total", "105.23").containsEntry("customer_email", "ada@example.com");
        Map<String, Object> payment = (Map<String, Object>) workflow.resultsOf("process_payment");
        assertThat(payment).containsEntry("amount_charged", "105.23").containsEntry("currency", "USD")
                .containsEntry("payment_processed", true).containsEntry("gateway", "simulated");
        Map<String, Object> shipment = (Map<String, Object>) workflow.resultsOf("ship_order");
        assertThat(shipment).containsEntry("carrier", "FedEx").containsEntry("packages", 2L);
        assertThat((String) shipment.get("tracking_number")).matches("FEDEX\\d{10}");
        assertThat((Map<String, Object>) workflow.resultsOf("send_confirmation")).containsEntry("email_sent", true)
                .containsEntry("tracking_number", shipment.get("tracking_number"));
        assertThat(shop.handle.events).anySatisfy(event -> assertThat(event.get(0)).isEqualTo("order.fulfilled"));
    }

    @Test
    void a_declined_card_fails_the_payment_permanently() {
        Value error = paymentFailure("tok_declined", 1);

        assertThat(error.getMetaObject().getMetaQualifiedName()).isEqualTo("Tasker::PermanentError");
        assertThat(error.invokeMember("error_code").asString()).isEqualTo("CARD_DECLINED");
    }

    @Test
    void a_gateway_timeout_asks_for_a_retry_after_five_seconds_and_the_retry_succeeds() {
        Value error = paymentFailure("tok_flaky", 1);
        assertThat(error.getMetaObject().getMetaQualifiedName()).isEqualTo("Tasker::RetryableError");
        assertThat(error.invokeMember("retry_after").asLong()).isEqualTo(5L);

        TestWorkflow workflow = paymentReady("tok_flaky").attempts("process_payment", 2);
        Object results = shop.call(shop.handlerFor("OrderFulfillment::StepHandlers::ProcessPaymentHandler",
                GuestData.of(Map.of("gateway", "simulated", "currency", "USD"))), workflow.attempt("process_payment"));
        assertThat(results).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("payment_processed", true);
    }

    @Test
    void the_configured_task_registers_the_template_and_creates_tasks_through_the_engine() {
        assertThat(shop.eval("""
                OrderFulfillment::OrderFulfillmentTask.new
                handler = Tasker::HandlerFactory.instance.get('order_fulfillment', namespace_name: 'ecommerce', version: '1.0.0')
                task = handler.initialize_task!(Tasker::Types::TaskRequest.new(name: 'order_fulfillment', namespace: 'ecommerce',
                  version: '1.0.0', context: { customer_info: { id: 1, email: 'a@b.c' } }))
                [handler.class.name, handler.step_templates.map(&:name), handler.schema[:required],
                 handler.step_handler_config_map['process_payment'], task.task_id, task.status]
                """)).isEqualTo(List.of("OrderFulfillment::OrderFulfillmentTask",
                ORDER_STEPS, List.of("customer_info", "order_items", "payment_info", "shipping_info"),
                Map.of("gateway", "simulated", "currency", "USD"), 1001L, "pending"));
        assertThat(shop.handle.createdTasks.getLast()).containsExactly("ecommerce", "order_fulfillment", "1.0.0",
                Map.of("customer_info", Map.of("id", 1L, "email", "a@b.c")), null);
    }

    private static TestWorkflow paymentReady(String token) {
        TestWorkflow workflow = new TestWorkflow("order", order(token));
        ORDER_STEPS.forEach(step -> workflow.step(step, List.of()));
        return workflow.results("validate_order", Map.of("order_total", "105.23"));
    }

    private static Value paymentFailure(String token, long attempts) {
        Value invoker = shop.handlerFor("OrderFulfillment::StepHandlers::ProcessPaymentHandler",
                GuestData.of(Map.of("gateway", "simulated", "currency", "USD")));
        TestWorkflow.Attempt attempt = paymentReady(token).attempts("process_payment", attempts).attempt("process_payment");
        return assertThrows(PolyglotException.class,
                () -> invoker.invokeMember("call", attempt.task(), attempt.sequence(), attempt.step())).getGuestObject();
    }
}

package io.tasker.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tasker.core.engine.TaskResult;
import io.tasker.core.template.TaskTemplate;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tasker's Api handlers through the engine, against a real HTTP server on 127.0.0.1, and what the engine stores when
 * a Ruby handler fails: the results it set on the step before raising, merged with the error.
 */
@ExtendWith(TaskerDatabaseExtension.class)
class RubyFailureResultsEngineTest {
    private HttpServer server;
    private final AtomicInteger busyCalls = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/charges/ok", exchange -> reply(exchange, 200, "{\"charge_id\":\"ch_1\"}"));
        server.createContext("/api/charges/busy_once", exchange -> {
            boolean first = busyCalls.getAndIncrement() == 0;
            exchange.getResponseHeaders().add("Retry-After", "17");
            reply(exchange, first ? 429 : 200, first ? "slow down" : "{\"charge_id\":\"ch_2\"}");
        });
        server.createContext("/api/charges/missing", exchange -> reply(exchange, 404, "{\"error\":\"no such card\"}"));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static List<Path> roots() throws URISyntaxException {
        return List.of(Path.of(RubyFailureResultsEngineTest.class.getResource("/ruby/api_handlers").toURI()),
                Path.of(RubyFailureResultsEngineTest.class.getResource("/ruby/handlers").toURI()));
    }

    private TaskTemplate charge(BridgeEngine bridge) throws Exception {
        return bridge.register("""
                name: charge_card
                namespace_name: payments
                version: 1.0.0
                step_templates:
                  - name: charge
                    handler_class: Payments::ChargeHandler
                    default_retry_limit: 2
                    handler_config:
                      type: api
                      url: http://127.0.0.1:%d/api
                      headers:
                        Content-Type: application/json
                """.formatted(server.getAddress().getPort()));
    }

    @Test
    void an_api_handler_calls_the_service_and_stores_what_process_results_made_of_the_reply(TestDatabase db)
            throws Exception {
        try (BridgeEngine bridge = BridgeEngine.withTaskerShim(db, 2, roots())) {
            long taskId = bridge.create(charge(bridge), Map.of("scenario", "ok", "amount", 1250));

            TaskResult result = bridge.runToEnd(taskId);

            assertThat(result.status()).isEqualTo("complete");
            assertThat(result.step("charge").results())
                    .isEqualTo(Map.of("charge_id", "ch_1", "http_status", 200L, "success", true));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_429_is_retried_after_its_retry_after_and_the_failed_attempt_keeps_the_handlers_error_details(
            TestDatabase db) throws Exception {
        try (BridgeEngine bridge = BridgeEngine.withTaskerShim(db, 2, roots())) {
            long taskId = bridge.create(charge(bridge), Map.of("scenario", "busy_once", "amount", 1250));

            TaskResult waiting = bridge.run(taskId);

            assertThat(waiting.nextRunAt()).isEqualTo(BridgeEngine.START.plus(Duration.ofSeconds(17)));
            Map<String, Object> failed = (Map<String, Object>) waiting.step("charge").results();
            assertThat(failed).containsEntry("error_class", "Tasker::RetryableError").containsEntry("retry_after", 17L)
                    .containsEntry("retryable", true);
            assertThat((Map<String, Object>) failed.get("error_details")).containsEntry("class", "Tasker::RetryableError")
                    .containsEntry("context", Map.of("status", 429L, "body", "slow down")).containsEntry("retry_after", 17L);

            bridge.clock.set(waiting.nextRunAt());
            TaskResult result = bridge.runToEnd(taskId);

            assertThat(result.status()).isEqualTo("complete");
            assertThat(result.step("charge").attempts()).isEqualTo(2);
            assertThat(result.step("charge").results())
                    .isEqualTo(Map.of("charge_id", "ch_2", "http_status", 200L, "success", true));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_404_fails_the_step_for_good(TestDatabase db) throws Exception {
        try (BridgeEngine bridge = BridgeEngine.withTaskerShim(db, 2, roots())) {
            long taskId = bridge.create(charge(bridge), Map.of("scenario", "missing", "amount", 1250));

            TaskResult result = bridge.runToEnd(taskId);

            assertThat(result.status()).isEqualTo("error");
            assertThat(result.step("charge").attempts()).isEqualTo(1);
            assertThat((Map<String, Object>) result.step("charge").results())
                    .containsEntry("error_class", "Tasker::PermanentError").containsEntry("retryable", false)
                    .hasEntrySatisfying("error_details", details -> assertThat((Map<String, Object>) details)
                            .containsEntry("error_code", "HTTP_404")
                            .containsEntry("context", Map.of("status", 404L, "body", "{\"error\":\"no such card\"}")));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void results_a_handler_set_before_raising_are_stored_with_the_error(TestDatabase db) throws Exception {
        try (BridgeEngine bridge = BridgeEngine.withTaskerShim(db, 2, roots())) {
            TaskTemplate template = bridge.register("""
                    name: checkout
                    namespace_name: shop
                    version: 1.0.0
                    step_templates:
                      - name: print_label
                        handler_class: Failing::PartialResultsHandler
                        default_retry_limit: 1
                    """);

            TaskResult result = bridge.runToEnd(bridge.create(template, Map.of()));

            assertThat(result.status()).isEqualTo("error");
            assertThat((Map<String, Object>) result.step("print_label").results())
                    .containsEntry("charged", true).containsEntry("at", "checkout")
                    .containsEntry("error", "shipping label printer on fire").containsEntry("error_class", "RuntimeError")
                    .containsEntry("attempt", 1).containsEntry("retryable", true);
        }
    }
}

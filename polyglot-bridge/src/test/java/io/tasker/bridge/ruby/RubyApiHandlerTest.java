package io.tasker.bridge.ruby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tasker::StepHandler::Api and the Faraday-compatible connection against a real HTTP server on 127.0.0.1. */
class RubyApiHandlerTest {
    private static RubyShim ruby;
    private static HttpServer server;
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json; charset=utf-8");
    private static final Map<String, String> lastRequest = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws IOException, URISyntaxException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/charges/ok", exchange -> reply(exchange, 200, "{\"charge_id\":\"ch_1\"}", JSON));
        server.createContext("/api/charges/busy", exchange -> reply(exchange, 429, "slow down", Map.of("Retry-After", "17")));
        server.createContext("/api/charges/down", exchange -> reply(exchange, 503, "maintenance",
                Map.of("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")));
        server.createContext("/api/charges/missing", exchange -> reply(exchange, 404, "{\"error\":\"no such card\"}", JSON));
        server.createContext("/api/charges/broken", exchange -> reply(exchange, 500, "oops", Map.of()));
        server.createContext("/api/status", exchange -> reply(exchange, 200, "up", Map.of("X-Echo-Query", String.valueOf(exchange.getRequestURI().getQuery()))));
        server.start();
        ruby = RubyShim.start(List.of(Path.of(RubyApiHandlerTest.class.getResource("/ruby/api_handlers").toURI())));
    }

    @AfterAll
    static void stop() {
        ruby.close();
        server.stop(0);
    }

    private static void reply(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
        lastRequest.put("method", exchange.getRequestMethod());
        lastRequest.put("path", exchange.getRequestURI().getPath());
        lastRequest.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        lastRequest.put("content-type", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
        lastRequest.put("x-request-id", String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id")));
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static Object apiConfig() {
        return GuestData.of(Map.of("type", "api", "url", "http://127.0.0.1:" + server.getAddress().getPort() + "/api",
                "headers", Map.of("Content-Type", "application/json")));
    }

    private static TestWorkflow charge(String scenario) {
        return new TestWorkflow("pay", Map.of("scenario", scenario, "amount", 1250L)).step("charge", List.of());
    }

    private static Value failure(String scenario) {
        Value invoker = ruby.handlerFor("Payments::ChargeHandler", apiConfig());
        TestWorkflow.Attempt attempt = charge(scenario).attempt("charge");
        PolyglotException e = assertThrows(PolyglotException.class,
                () -> invoker.invokeMember("call", attempt.task(), attempt.sequence(), attempt.step()));
        return e.getGuestObject();
    }

    @Test
    void a_200_response_is_parsed_by_process_results_and_the_json_body_was_sent() {
        Object results = ruby.call(ruby.handlerFor("Payments::ChargeHandler", apiConfig()), charge("ok").attempt("charge"));

        assertThat(results).isEqualTo(Map.of("charge_id", "ch_1", "http_status", 200L, "success", true));
        assertThat(lastRequest).containsEntry("method", "POST").containsEntry("path", "/api/charges/ok")
                .containsEntry("body", "{\"amount\":1250}").containsEntry("content-type", "application/json")
                .containsEntry("x-request-id", "req-1");
    }

    @Test
    void a_429_is_retryable_after_the_seconds_of_retry_after() {
        Value error = failure("busy");

        assertThat(error.getMetaObject().getMetaQualifiedName()).isEqualTo("Tasker::RetryableError");
        assertThat(error.invokeMember("retry_after").asLong()).isEqualTo(17L);
        assertThat(RubyValues.toJava(error.invokeMember("context"))).isEqualTo(Map.of("status", 429L, "body", "slow down"));
    }

    @Test
    void a_503_with_an_http_date_in_the_past_is_retryable_after_at_least_one_second() {
        Value error = failure("down");

        assertThat(error.getMetaObject().getMetaQualifiedName()).isEqualTo("Tasker::RetryableError");
        assertThat(error.invokeMember("retry_after").asLong()).isEqualTo(1L);
    }

    @Test
    void a_404_is_permanent_with_error_code_http_404_and_the_error_is_written_into_the_results() {
        Value error = failure("missing");

        assertThat(error.getMetaObject().getMetaQualifiedName()).isEqualTo("Tasker::PermanentError");
        assertThat(error.invokeMember("error_code").asString()).isEqualTo("HTTP_404");
        @SuppressWarnings("unchecked")
        Map<String, Object> results = (Map<String, Object>) RubyValues.toJava(error.invokeMember("tasker_step_results"));
        assertThat(results).containsEntry("error", true);
        assertThat(castMap(results.get("error_details"))).containsEntry("class", "Tasker::PermanentError").containsEntry("error_code", "HTTP_404");
    }

    @Test
    void a_500_is_retryable_without_a_server_requested_delay() {
        Value error = failure("broken");

        assertThat(error.getMetaObject().getMetaQualifiedName()).isEqualTo("Tasker::RetryableError");
        assertThat(error.invokeMember("retry_after").isNull()).isTrue();
        assertThat(error.invokeMember("is_a?", ruby.evalValue("Tasker::PermanentError")).asBoolean()).isFalse();
    }

    @Test
    void a_handler_that_keeps_the_raw_response_stores_status_body_and_headers_and_sends_params_as_query() {
        @SuppressWarnings("unchecked")
        Map<String, Object> results = (Map<String, Object>) ruby.call(ruby.handlerFor("Payments::RawResponseHandler", apiConfig()),
                charge("ok").attempt("charge"));

        assertThat(results).containsEntry("status", 200L).containsEntry("body", "up");
        assertThat(castMap(results.get("headers"))).containsEntry("x-echo-query", "verbose=true");
    }

    @Test
    void an_old_api_handler_implementing_call_runs_as_if_it_were_process() {
        @SuppressWarnings("unchecked")
        Map<String, Object> results = (Map<String, Object>) ruby.call(ruby.handlerFor("Payments::OldStyleHandler", apiConfig()),
                charge("ok").attempt("charge"));

        assertThat(results).containsEntry("status", 200L);
    }

    @Test
    void a_type_api_handler_config_becomes_an_api_config_with_tasker_defaults_for_missing_values() {
        Value invoker = ruby.handlerFor("Payments::ChargeHandler", apiConfig());
        Value config = ruby.evalValue("->(invoker) { c = invoker.handler.send(:config); "
                + "[c.class.name, c.url.end_with?('/api'), c.params, c.enable_exponential_backoff, c.retry_delay] }").execute(invoker);

        assertThat(RubyValues.toJava(config)).isEqualTo(java.util.Arrays.asList("Tasker::StepHandler::Api::Config", true, Map.of(), null, null));
    }

    @Test
    void api_config_defaults_to_json_headers_and_exponential_backoff() {
        assertThat(ruby.eval("c = Tasker::StepHandler::Api::Config.new(url: 'https://x.test'); [c.headers, c.params, c.enable_exponential_backoff, c.retry_delay.is_a?(Float) && c.retry_delay == 1.0]"))
                .isEqualTo(List.of(Map.of("Content-Type", "application/json", "Accept", "application/json"), Map.of(), true, true));
    }

    @Test
    void an_api_handler_without_a_usable_url_is_refused_with_argument_error() {
        assertThat(ruby.eval("begin; Payments::ChargeHandler.new(config: Tasker::StepHandler::Api::Config.new(url: '/just/a/path')); "
                + "rescue ArgumentError => e; e.message; end")).asString().contains("needs a scheme and a host");
    }

    @Test
    void the_connection_supports_faraday_verbs_blocks_json_middleware_and_raise_error_in_faraday_order() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
        assertThat(ruby.eval("""
                conn = Faraday.new(url: '%s') do |f|
                  f.request :json
                  f.response :json
                  f.response :raise_error
                end
                ok = conn.put('charges/ok') { |req| req.body = { n: 1 }; req.headers['X-Request-Id'] = 'blk' }
                # raise_error sits inside json (registered later), so it sees the unparsed body, as in Faraday
                missing = begin; conn.delete('charges/missing'); rescue Faraday::ResourceNotFound => e; [e.class.name, e.response_status, e.response_body]; end
                [ok.body, ok.status, ok.success?, missing]
                """.formatted(base))).isEqualTo(List.of(Map.of("charge_id", "ch_1"), 200L, true,
                List.of("Faraday::ResourceNotFound", 404L, "{\"error\":\"no such card\"}")));
        assertThat(lastRequest).containsEntry("method", "DELETE");
    }

    @Test
    void a_hash_body_without_a_json_content_type_is_sent_as_a_form_as_faraday_does() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
        assertThat(ruby.eval("Faraday.new(url: '%s').post('charges/ok', { amount: 5, tags: %%w[a b] }).status".formatted(base))).isEqualTo(200L);
        assertThat(lastRequest).containsEntry("body", "amount=5&tags%5B%5D=a&tags%5B%5D=b")
                .containsEntry("content-type", "application/x-www-form-urlencoded");
    }

    @Test
    void a_refused_connection_raises_faraday_connection_failed() {
        assertThat(ruby.eval("begin; Faraday.new(url: 'http://127.0.0.1:1').get('x'); rescue Faraday::ConnectionFailed => e; e.class.name; end"))
                .isEqualTo("Faraday::ConnectionFailed");
    }
}

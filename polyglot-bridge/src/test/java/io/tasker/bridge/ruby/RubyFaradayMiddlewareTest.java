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

/** The Faraday connection's middleware stack (custom, registered and built-in middleware) against a real HTTP server. */
class RubyFaradayMiddlewareTest {
    private static RubyShim ruby;
    private static HttpServer server;
    private static final Map<String, String> seen = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws IOException, URISyntaxException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/echo", exchange -> reply(exchange, 200, "echo " + exchange.getRequestURI().getPath(),
                "text/plain"));
        server.createContext("/api/json", exchange -> reply(exchange, 200, "{\"name\":\"tasker\"}", "application/json"));
        server.createContext("/api/busy", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "9");
            reply(exchange, 429, "slow down", "text/plain");
        });
        server.start();
        ruby = RubyShim.start(List.of(Path.of(RubyFaradayMiddlewareTest.class.getResource("/ruby/api_handlers").toURI())));
        ruby.eval("""
                module Mw
                  # Adds a header from its options, on the way in.
                  class Trace < Faraday::Middleware
                    def on_request(env)
                      env.request_headers['X-Trace'] = options.fetch(:id)
                    end
                  end

                  # Rewrites the response body by overriding call, as older middleware do.
                  class Shout < Faraday::Middleware
                    def call(env)
                      @app.call(env).on_complete { |response_env| response_env.body = response_env.body.to_s.upcase }
                    end
                  end

                  # Leaves its name on the request header and, on the way out, in a custom env member.
                  class Tag < Faraday::Middleware
                    def initialize(app, name)
                      super(app)
                      @name = name
                    end

                    def on_request(env)
                      env.request_headers['X-Order'] = [env.request_headers['X-Order'], @name].compact.join(',')
                    end

                    def on_complete(env)
                      env[:trail] = (env[:trail] || []) + ["#{@name}:#{env.body.class}"]
                    end
                  end

                  # Faraday 1's response middleware: parse replaces the body.
                  class Reverse < Faraday::Response::Middleware
                    def parse(body)
                      body.reverse
                    end
                  end
                end
                """);
    }

    @AfterAll
    static void stop() {
        ruby.close();
        server.stop(0);
    }

    private static void reply(HttpExchange exchange, int status, String body, String type) throws IOException {
        seen.put("trace", String.valueOf(exchange.getRequestHeaders().getFirst("X-Trace")));
        seen.put("order", String.valueOf(exchange.getRequestHeaders().getFirst("X-Order")));
        seen.put("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        exchange.getResponseHeaders().add("Content-Type", type);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    private static Object eval(String ruby) {
        return RubyFaradayMiddlewareTest.ruby.eval(ruby.replace("BASE", base()));
    }

    @Test
    void a_custom_middleware_adds_a_request_header_and_another_rewrites_the_response_body() {
        assertThat(eval("""
                conn = Faraday.new(url: 'BASE') { |f| f.use Mw::Trace, id: 't-1'; f.use Mw::Shout }
                response = conn.get('echo')
                [response.status, response.body, response.finished?]
                """)).isEqualTo(List.of(200L, "ECHO /API/ECHO", true));
        assertThat(seen).containsEntry("trace", "t-1");
    }

    @Test
    void middleware_see_the_request_in_the_order_they_were_added_and_the_response_in_reverse() {
        assertThat(eval("""
                conn = Faraday.new(url: 'BASE') do |f|
                  f.use Mw::Tag, 'a'
                  f.use Mw::Tag, 'b'
                  f.response :json
                  f.use Mw::Tag, 'c'
                end
                response = conn.get('json')
                [response.env[:trail], response.body, conn.builder.handlers.map(&:name)]
                """)).isEqualTo(List.of(List.of("c:String", "b:Hash", "a:Hash"), Map.of("name", "tasker"),
                List.of("Mw::Tag", "Mw::Tag", "Faraday::Response::Json", "Mw::Tag")));
        assertThat(seen).containsEntry("order", "a,b,c");
    }

    @Test
    void middleware_registered_by_name_are_used_through_request_response_and_use() {
        assertThat(eval("""
                Faraday::Request.register_middleware(trace: Mw::Trace)
                Faraday::Middleware.register_middleware(shout: -> { Mw::Shout })
                Faraday::Response.register_middleware(reverse: :'Mw::Reverse')
                conn = Faraday.new(url: 'BASE') { |f| f.request :trace, id: 'by-name'; f.response :reverse; f.use :shout }
                conn.get('echo').body
                """)).isEqualTo("OHCE/IPA/ OHCE");
        assertThat(seen).containsEntry("trace", "by-name");
    }

    @Test
    void a_middleware_name_nobody_registered_is_refused_naming_it_and_what_exists() {
        assertThat(eval("""
                begin
                  Faraday.new(url: 'BASE') { |f| f.request :retry, max: 2 }
                rescue Faraday::Error => e
                  e.message
                end
                """)).asString().contains(":retry is not registered on Faraday::Request", ":json", ":authorization",
                "Faraday::Request.register_middleware(retry: YourMiddleware)");
    }

    @Test
    void on_complete_blocks_wait_for_the_response_and_run_at_once_when_it_is_there() {
        assertThat(eval("""
                seen = []
                response = Faraday::Response.new
                response.on_complete { |env| seen << env.status }
                before = [response.finished?, seen.dup, response.status]
                response.finish(Faraday::Env.from(status: 201, response_headers: {}, response_body: 'made'))
                response.on_complete { |env| seen << env.body }
                [before, response.finished?, seen, response.body]
                """)).isEqualTo(List.of(java.util.Arrays.asList(false, List.of(), null), true, List.of(201L, "made"), "made"));
    }

    @Test
    void env_body_is_the_request_body_until_a_status_arrives_and_unknown_keys_are_custom_members() {
        assertThat(eval("""
                env = Faraday::Env.from(method: :post, request_body: 'sent', request_headers: Faraday::Utils::Headers.new)
                before = env.body
                env[:signature] = 'abc'
                env.status = 200
                env.body = 'received'
                [before, env.request_body, env.response_body, env[:body], env[:signature], env.success?, env.parse_body?]
                """)).isEqualTo(List.of("sent", "sent", "received", "received", "abc", true, true));
    }

    @Test
    void a_request_middleware_may_sign_the_encoded_json_body_it_finds_in_env_body() {
        assertThat(eval("""
                signer = Class.new(Faraday::Middleware) do
                  def on_request(env)
                    env.request_headers['X-Trace'] = "len=#{env.body.bytesize}"
                  end
                end
                Faraday.new(url: 'BASE') { |f| f.request :json; f.use signer }.post('echo', { n: 12 }).status
                """)).isEqualTo(200L);
        assertThat(seen).containsEntry("body", "{\"n\":12}").containsEntry("trace", "len=8");
    }

    @Test
    void on_error_runs_when_an_inner_middleware_raises_and_the_error_still_propagates() {
        assertThat(eval("""
                errors = []
                watcher = Class.new(Faraday::Middleware) { define_method(:on_error) { |e| errors << e.class.name } }
                conn = Faraday.new(url: 'BASE') { |f| f.use watcher; f.response :raise_error }
                raised = begin; conn.get('busy'); rescue Faraday::TooManyRequestsError => e; e.response_status; end
                [raised, errors]
                """)).isEqualTo(List.of(429L, List.of("Faraday::TooManyRequestsError")));
    }

    @Test
    void authorization_basic_auth_and_token_auth_set_the_authorization_header() {
        eval("Faraday.new(url: 'BASE') { |f| f.request :authorization, 'Bearer', -> { 'fresh-token' } }.get('echo').status");
        assertThat(seen).containsEntry("authorization", "Bearer fresh-token");
        eval("Faraday.new(url: 'BASE') { |f| f.request :authorization, :basic, 'ann', 'pw' }.get('echo').status");
        assertThat(seen).containsEntry("authorization", "Basic YW5uOnB3");
        eval("Faraday.new(url: 'BASE') { |f| f.request :basic_auth, 'ann', 'pw' }.get('echo').status");
        assertThat(seen).containsEntry("authorization", "Basic YW5uOnB3");
        eval("Faraday.new(url: 'BASE') { |f| f.request :token_auth, 'abc' }.get('echo').status");
        assertThat(seen).containsEntry("authorization", "Token token=\"abc\"");
    }

    @Test
    void connection_headers_options_and_adapter_are_faradays_and_the_stack_locks_after_the_first_request() {
        assertThat(eval("""
                conn = Faraday.new(url: 'BASE', request: { timeout: 5 })
                conn.headers['X-Trace'] = 'from-headers'
                conn.options.open_timeout = 2
                conn.adapter Faraday.default_adapter
                conn.adapter :net_http
                status = conn.get('echo').status
                locked = begin; conn.use Mw::Shout; rescue Faraday::RackBuilder::StackLocked => e; e.message; end
                test_adapter = begin; Faraday.new(url: 'BASE') { |f| f.adapter :test }; rescue Faraday::Error => e; e.message; end
                [status, conn.options.timeout, conn.options[:open_timeout], conn.builder.handlers.map(&:name), locked,
                 test_adapter.include?(':test is not registered on Faraday::Adapter')]
                """)).isEqualTo(List.of(200L, 5L, 2L, List.of("Faraday::Request::UrlEncoded"),
                "can't modify the middleware stack after making a request", true));
        assertThat(seen).containsEntry("trace", "from-headers");
    }

    @Test
    void an_api_handler_whose_connection_has_custom_middleware_keeps_taskers_status_mapping() {
        Value invoker = ruby.handlerFor("Payments::SignedHandler", GuestData.of(Map.of("type", "api", "url", base())));
        TestWorkflow.Attempt attempt = new TestWorkflow("pay", Map.of()).step("charge", List.of()).attempt("charge");
        PolyglotException e = assertThrows(PolyglotException.class,
                () -> invoker.invokeMember("call", attempt.task(), attempt.sequence(), attempt.step()));

        Value error = e.getGuestObject();
        assertThat(error.getMetaObject().getMetaQualifiedName()).isEqualTo("Tasker::RetryableError");
        assertThat(error.invokeMember("retry_after").asLong()).isEqualTo(9L);
        assertThat(seen).containsEntry("trace", "signed").containsEntry("authorization", "Bearer t0k");
    }
}

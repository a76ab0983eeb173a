package io.tasker.bridge.ruby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tasker::StepHandler::Base, legacy handlers, the views of task, sequence and step, and failures, through the bridge. */
class RubyStepHandlerTest {
    private static RubyShim ruby;

    @BeforeAll
    static void start() throws URISyntaxException {
        ruby = RubyShim.start(List.of(Path.of(RubyStepHandlerTest.class.getResource("/ruby/handlers").toURI())));
    }

    @AfterAll
    static void stop() {
        ruby.close();
    }

    private static TestWorkflow oneStep(Map<String, Object> context) {
        return new TestWorkflow("greet", context).step("greet", List.of());
    }

    private static Object run(String handlerClass, Object handlerConfig, TestWorkflow workflow, String step) {
        return ruby.call(ruby.handlerFor(handlerClass, handlerConfig), workflow.attempt(step));
    }

    private static Value failure(String handlerClass, TestWorkflow workflow) {
        Value invoker = ruby.handlerFor(handlerClass, null);
        PolyglotException e = org.junit.jupiter.api.Assertions.assertThrows(PolyglotException.class,
                () -> invoker.invokeMember("call", workflow.attempt("greet").task(), workflow.attempt("greet").sequence(),
                        workflow.attempt("greet").step()));
        assertThat(e.isGuestException()).isTrue();
        return e.getGuestObject();
    }

    @Test
    void process_return_value_becomes_the_results_in_their_json_form() {
        Map<String, Object> context = Map.of("customer", Map.of("name", "Ada"), "items", List.of(Map.of("sku", "A1")));

        Object results = run("Greeting::HelloHandler", null, oneStep(context), "greet");

        assertThat(results).isEqualTo(Map.of("message", "Hello Ada", "first_item", "A1", "status", "greeted",
                "at", "2026-03-01T10:00:00.500Z", "on", "2026-03-01", "total", "19.99",
                "nested", List.of(Map.of("deep", Map.of("key", "value")))));
    }

    @Test
    void results_assigned_inside_process_win_over_its_return_value() {
        assertThat(run("Greeting::AssigningHandler", null, oneStep(Map.of()), "greet")).isEqualTo(Map.of("assigned", true));
    }

    @Test
    void an_overridden_process_results_decides_what_is_stored() {
        assertThat(run("Greeting::CustomResultsHandler", null, oneStep(Map.of()), "greet"))
                .isEqualTo(Map.of("charged", "10.5", "processed_at", "2026-01-01T00:00:00.000Z"));
    }

    @Test
    void a_legacy_handler_with_only_handle_stores_what_it_assigned_to_step_results() {
        assertThat(run("Legacy::PoroHandler", null, oneStep(Map.of("amount", 21L)), "greet"))
                .isEqualTo(Map.of("legacy", true, "doubled", 42L));
    }

    @Test
    void handlers_read_earlier_results_and_every_task_and_step_field_through_the_views() {
        TestWorkflow workflow = new TestWorkflow("checkout", Map.of("customer_id", 7L))
                .step("fetch_cart", List.of()).step("price_cart", List.of("fetch_cart"))
                .step("summarize", List.of("fetch_cart", "price_cart"))
                .results("fetch_cart", Map.of("total", 99.5))
                .results("price_cart", Map.of("discount", Map.of("percent", 10L)))
                .attempts("summarize", 2);

        Object results = run("Sequence::ReaderHandler", null, workflow, "summarize");

        assertThat(results).isEqualTo(Map.ofEntries(Map.entry("cart_total", 99.5), Map.entry("indifferent_total", 99.5),
                Map.entry("discount", 10L), Map.entry("missing_step", true), Map.entry("parents", List.of("fetch_cart", "price_cart")),
                Map.entry("step_count", 3L), Map.entry("inputs_customer", 7L),
                Map.entry("task_fields", List.of(42L, 42L, "checkout", "default", "0.1.0", "tester", "unit-test", "testing",
                        List.of("ruby", "shim"), "in_progress")),
                Map.entry("requested_at", "2026-03-01T10:00:00Z"),
                Map.entry("step_fields", Arrays.asList(102L, 42L, "summarize", 2L, 3L, true, "in_progress", null)),
                Map.entry("context_class", "ActiveSupport::HashWithIndifferentAccess"),
                Map.entry("results_class", "ActiveSupport::HashWithIndifferentAccess")));
    }

    @Test
    void a_retryable_error_carries_retry_after_in_seconds_and_its_context_as_plain_data() {
        Value error = failure("Failing::RetryLaterHandler", oneStep(Map.of()));

        assertThat(error.getMetaObject().getMetaQualifiedName()).isEqualTo("Tasker::RetryableError");
        assertThat(error.invokeMember("message").asString()).isEqualTo("gateway busy");
        assertThat(error.invokeMember("retry_after").asLong()).isEqualTo(120L);
        assertThat(RubyValues.toJava(error.invokeMember("context")))
                .isEqualTo(Map.of("reason", "busy", "since", "2026-03-01T00:00:00.000Z"));
        assertThat(error.invokeMember("is_a?", ruby.evalValue("Tasker::PermanentError")).asBoolean()).isFalse();
    }

    @Test
    void a_permanent_error_carries_its_error_code_and_context_and_is_a_permanent_error() {
        Value error = failure("Failing::PermanentHandler", oneStep(Map.of()));

        assertThat(error.getMetaObject().getMetaQualifiedName()).isEqualTo("Tasker::PermanentError");
        assertThat(error.invokeMember("error_code").asString()).isEqualTo("CARD_DECLINED");
        assertThat(RubyValues.toJava(error.invokeMember("context"))).isEqualTo(Map.of("card", "visa"));
        assertThat(error.invokeMember("is_a?", ruby.evalValue("Tasker::PermanentError")).asBoolean()).isTrue();
    }

    @Test
    void both_error_classes_can_be_raised_with_a_class_and_a_message() {
        Value retryable = failure("Failing::TwoArgumentRaiseHandler", oneStep(Map.of()));
        Value permanent = failure("Failing::TwoArgumentRaiseHandler", oneStep(Map.of("permanent", true)));

        assertThat(retryable.invokeMember("message").asString()).isEqualTo("flaky");
        assertThat(retryable.invokeMember("retry_after").isNull()).isTrue();
        assertThat(RubyValues.toJava(retryable.invokeMember("context"))).isEqualTo(Map.of());
        assertThat(permanent.getMetaObject().getMetaQualifiedName()).isEqualTo("Tasker::PermanentError");
        assertThat(permanent.invokeMember("error_code").isNull()).isTrue();
    }

    @Test
    void error_classes_form_tasker_hierarchy() {
        assertThat(ruby.eval("[Tasker::RetryableError.ancestors.include?(Tasker::ProceduralError), "
                + "Tasker::PermanentError.superclass.name, Tasker::ProceduralError.superclass.name, Tasker::Error.superclass.name, "
                + "Tasker::ConfigurationError.superclass.name]"))
                .isEqualTo(List.of(true, "Tasker::ProceduralError", "Tasker::Error", "StandardError", "Tasker::Error"));
    }

    @Test
    void results_assigned_before_a_failure_travel_with_the_exception() {
        Value error = failure("Failing::PartialResultsHandler", oneStep(Map.of()));

        assertThat(error.getMetaObject().getMetaQualifiedName()).isEqualTo("RuntimeError");
        assertThat(RubyValues.toJava(error.invokeMember("tasker_step_results"))).isEqualTo(Map.of("charged", true, "at", "checkout"));
    }

    @Test
    void a_base_handler_without_process_fails_with_not_implemented_error() {
        Value error = failure("Failing::UnimplementedHandler", oneStep(Map.of()));

        assertThat(error.getMetaObject().getMetaQualifiedName()).isEqualTo("NotImplementedError");
        assertThat(error.invokeMember("message").asString()).contains("Failing::UnimplementedHandler must implement process");
    }

    @Test
    void handler_config_reaches_the_handler_as_a_string_keyed_hash() {
        Object config = GuestData.of(Map.of("retries", 3L, "mode", "fast"));

        assertThat(run("Configured::ConfigEchoHandler", config, oneStep(Map.of()), "greet")).isEqualTo(Map.of(
                "config_class", "ActiveSupport::HashWithIndifferentAccess", "retries", 3L, "mode", "fast", "keys", List.of("mode", "retries")));
    }

    @Test
    void without_handler_config_the_handler_is_built_with_new() {
        assertThat(run("Configured::NoConfigHandler", null, oneStep(Map.of()), "greet")).isEqualTo(Map.of("config_is_nil", true));
    }

    @Test
    void a_handler_config_for_a_class_that_takes_no_config_keyword_is_refused_clearly() {
        assertThatThrownBy(() -> ruby.handlerFor("Configured::ArgumentlessHandler", GuestData.of(Map.of("a", 1L))))
                .isInstanceOf(PolyglotException.class)
                .hasMessageContaining("Configured::ArgumentlessHandler.new takes no config: keyword");
    }

    @Test
    void custom_events_and_log_lines_go_through_the_handle_and_event_helpers_never_raise() {
        Object results = run("Events::AnnouncingHandler", null, oneStep(Map.of("order_id", 77L)), "greet");

        assertThat(results).isEqualTo(Map.of("unregistered_published", true, "lifecycle_published", false));
        List<Object> announced = ruby.handle.events.stream().filter(e -> e.get(0).equals("order.announced")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) announced.get(1);
        assertThat(payload).containsEntry("order_id", 77L).containsEntry("event_type", "custom").containsKey("timestamp");
        assertThat(ruby.handle.logLines).contains(List.of("info", "announced", Map.of("order_id", 77L, "step", "greet")),
                List.of("info", "announcing 77", Map.of()));
        assertThat(ruby.eval("Events::AnnouncingHandler.custom_event_configuration.first[:name]")).isEqualTo("order.announced");
    }

    @Test
    void a_custom_event_the_engine_refuses_is_logged_and_does_not_fail_the_step() {
        ruby.handle.failEventsWith = "event names need a dot";
        try {
            assertThat(run("Events::AnnouncingHandler", null, oneStep(Map.of("order_id", 1L)), "greet"))
                    .isEqualTo(Map.of("unregistered_published", false, "lifecycle_published", false));
            assertThat(ruby.handle.logLines).anySatisfy(line -> assertThat(line.get(1).toString()).contains("event names need a dot"));
        } finally {
            ruby.handle.failEventsWith = null;
        }
    }

    @Test
    void the_invoker_builds_a_new_handler_per_attempt_as_tasker_does() {
        Value invoker = ruby.handlerFor("Legacy::PoroHandler", null);
        Value first = invoker.invokeMember("handler");
        ruby.call(invoker, oneStep(Map.of("amount", 1L)).attempt("greet"));
        assertThat(invoker.invokeMember("handler").invokeMember("equal?", first).asBoolean()).isFalse();
        assertThat(invoker.invokeMember("handler").getMetaObject().getMetaQualifiedName()).isEqualTo("Legacy::PoroHandler");
    }
}

package io.tasker.bridge.ruby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Handler classes found as Rails finds them: constant path to file under a root or its app/* folders, eager loading last. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RubyHandlerDiscoveryTest {
    private static RubyShim ruby;

    @BeforeAll
    static void start() throws URISyntaxException {
        ruby = RubyShim.start(List.of(resource("rails_app"), resource("handlers"), resource("broken_root")));
    }

    @AfterAll
    static void stop() {
        ruby.close();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(RubyHandlerDiscoveryTest.class.getResource("/ruby/" + name).toURI());
    }

    private static boolean fileLoaded(String relativePath) {
        return (Boolean) ruby.eval("$LOADED_FEATURES.any? { |f| f.end_with?('/" + relativePath + "') }");
    }

    @Test
    void a_class_in_app_tasks_is_found_by_its_constant_path_with_its_dependencies_autoloaded() {
        Object results = ruby.call(ruby.handlerFor("Shop::CheckoutHandler", null),
                new TestWorkflow("checkout", Map.of("items", List.of(Map.of("price", 3L, "quantity", 2L)))).step("greet", List.of())
                        .attempt("greet"));

        assertThat(results).isEqualTo(Map.of("total", 6L, "root", "rails_app"));
        assertThat(ruby.eval("[Shop.class.name, Shop::Pricing.class.name, Shop::BaseStepHandler.superclass.name]"))
                .isEqualTo(List.of("Module", "Module", "Tasker::StepHandler::Base"));
    }

    /** First, because a later test eager-loads every root. */
    @Test
    @Order(1)
    void a_class_in_a_plain_root_is_loaded_from_its_file_alone() {
        ruby.handlerFor("Legacy::PoroHandler", null);

        assertThat(fileLoaded("legacy/poro_handler.rb")).isTrue();
        assertThat(fileLoaded("greeting/hello_handler.rb")).isFalse();
    }

    @Test
    void a_class_whose_file_does_not_follow_its_name_is_found_by_eager_loading_the_roots() {
        Object results = ruby.call(ruby.handlerFor("Elsewhere::HiddenHandler", null),
                new TestWorkflow("t", Map.of()).step("s", List.of()).attempt("s"));

        assertThat(results).isEqualTo(Map.of("found_by", "eager loading"));
    }

    @Test
    void a_missing_class_names_the_roots_searched_and_the_files_that_failed_to_load() {
        assertThatThrownBy(() -> ruby.handlerFor("Nowhere::MissingHandler", null))
                .isInstanceOf(PolyglotException.class)
                .hasMessageContaining("Ruby handler class Nowhere::MissingHandler was not found")
                .hasMessageContaining("nowhere/missing_handler.rb")
                .hasMessageContaining("rails_app/app/tasks")
                .hasMessageContaining("syntax_error.rb");
    }

    @Test
    void a_constant_that_is_a_module_is_refused_as_a_handler_class() {
        assertThatThrownBy(() -> ruby.handlerFor("Shop::Pricing", null))
                .isInstanceOf(PolyglotException.class)
                .hasMessageContaining("Shop::Pricing is a module, not a handler class");
    }

    @Test
    void rails_root_is_the_first_root_that_looks_like_a_rails_app() {
        assertThat(ruby.eval("Rails.root.basename.to_s")).isEqualTo("rails_app");
    }
}

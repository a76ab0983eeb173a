package io.tasker.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tasker.bridge.guest.PythonSandbox;
import io.tasker.bridge.value.ResultLimits;
import io.tasker.core.config.ConfigLoader;
import io.tasker.core.config.TaskerConfig;
import io.tasker.core.handler.HandlerEnvironment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The handlers.ruby and handlers.python settings: documented defaults, strict keys and types. */
class SettingsTest {

    private static HandlerEnvironment environment(Map<String, Object> languageSettings) {
        return new HandlerEnvironment(List.of(), languageSettings, new NoEngine());
    }

    @Test
    void the_defaults_in_the_code_are_the_ones_documented_in_tasker_core_yaml() {
        Map<String, Map<String, Object>> handlers = TaskerConfig.defaults().handlers();
        ResultLimits limits = new ResultLimits(BridgeSettings.DEFAULT_MAX_RESULT_DEPTH, BridgeSettings.DEFAULT_MAX_RESULT_BYTES);

        assertThat(BridgeSettings.read(new SettingsReader("ruby", handlers.get("ruby"))))
                .isEqualTo(new BridgeSettings(1, BridgeSettings.DEFAULT_RUBY_MAX_THREADS, limits));
        assertThat(BridgeSettings.read(new SettingsReader("python", handlers.get("python"))))
                .isEqualTo(new BridgeSettings(BridgeSettings.DEFAULT_MAX_CONTEXTS, BridgeSettings.UNBOUNDED, limits));
        PythonStepHandlerFactory python = new PythonStepHandlerFactory();
        python.start(environment(Map.copyOf(handlers)));
        assertThat(python.sandbox()).isEqualTo(PythonSandbox.CONFINED);
        assertThat(python.statistics()).isEqualTo(new PoolStatistics(0, 0, 12));
    }

    @Test
    void a_deployment_grants_python_rights_one_at_a_time_also_through_variables() {
        TaskerConfig config = ConfigLoader.load(null, Map.of("TASKER_HANDLERS_PYTHON_ALLOW_IO", "true",
                "TASKER_HANDLERS_PYTHON_MAX_CONTEXTS", "3"));
        PythonStepHandlerFactory python = new PythonStepHandlerFactory();

        python.start(environment(Map.copyOf(config.handlers())));

        assertThat(python.sandbox()).isEqualTo(new PythonSandbox(true, false, false, false, false));
        assertThat(python.statistics().maxContexts()).isEqualTo(3);
    }

    @Test
    void ruby_refuses_max_contexts_naming_max_threads_which_bounds_its_steps() {
        RubyStepHandlerFactory ruby = new RubyStepHandlerFactory();

        assertThatThrownBy(() -> ruby.start(environment(Map.of("ruby", Map.of("max_contexts", 4L)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("handlers.ruby.max_contexts: no longer a setting: Ruby handlers run in one context")
                .hasMessageContaining("handlers.ruby.max_threads")
                .hasMessageNotContaining("unknown setting");
        assertThat(BridgeSettings.read(new SettingsReader("ruby", Map.of("max_threads", 3L))).maxThreads()).isEqualTo(3);
        assertThatThrownBy(() -> new RubyStepHandlerFactory().start(environment(Map.of("ruby", Map.of("max_threads", -1L)))))
                .hasMessageContaining("handlers.ruby.max_threads: expected an integer >= 0, got -1");
    }

    @Test
    void an_unknown_key_or_a_wrong_value_is_refused_naming_each() {
        PythonStepHandlerFactory python = new PythonStepHandlerFactory();

        assertThatThrownBy(() -> python.start(environment(Map.of("python",
                Map.of("alow_io", true, "max_contexts", 0L, "allow_create_thread", "yes")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("handlers.python.alow_io: unknown setting (known: max_contexts,")
                .hasMessageContaining("handlers.python.max_contexts: expected an integer >= 1, got 0")
                .hasMessageContaining("handlers.python.allow_create_thread: expected true or false, got yes");
    }
}

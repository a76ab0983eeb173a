package io.tasker.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tasker.core.config.EngineConfig.IdentityStrategy;
import io.tasker.core.yaml.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private static final String DIR = "src/test/resources/config/";
    private static final Path USER_FILE = Path.of(DIR + "user.yaml");

    @Test
    void defaults_are_the_values_documented_in_tasker_core_yaml() {
        TaskerConfig config = TaskerConfig.defaults();

        assertThat(config.backoff()).isEqualTo(new BackoffConfig(List.of(1, 2, 4, 8, 16, 32), 300, 2.0, true, 0.1));
        assertThat(config.execution()).isEqualTo(new ExecutionConfig(12, 300, 512, 16 * 1024 * 1024, 1));
        assertThat(config.database()).isEqualTo(new DatabaseConfig(null, null, null, 8, 5, 30, ".tasker/pgdata", true));
        assertThat(config.engine()).isEqualTo(new EngineConfig(IdentityStrategy.DEFAULT, false));
        assertThat(config.worker()).isEqualTo(WorkerConfig.DEFAULTS).isEqualTo(new WorkerConfig(10, 2, 64, 512, 1000, 30));
        assertThat(config.handlers()).isEqualTo(Map.of("java", Map.of(),
                "ruby", Map.of("max_threads", 1L, "max_result_depth", 64L, "max_result_bytes", 16777216L),
                "python", Map.of("allow_io", false, "allow_create_process", false, "allow_native_access", false,
                        "allow_create_thread", false, "allow_environment_access", false,
                        "max_contexts", 12L, "max_result_depth", 64L, "max_result_bytes", 16777216L)));
    }

    @Test
    void loading_without_a_user_file_or_variables_gives_the_defaults() {
        assertThat(ConfigLoader.load(null, Map.of())).isEqualTo(TaskerConfig.defaults());
        assertThat(ConfigLoader.load(Path.of(DIR + "only_comments.yaml"), Map.of())).isEqualTo(TaskerConfig.defaults());
    }

    @Test
    void a_heartbeat_slower_than_half_the_lease_is_refused_naming_both_keys() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("TASKER_WORKER_LEASE_SECONDS", "4",
                "TASKER_WORKER_HEARTBEAT_SECONDS", "3")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("worker.heartbeat_seconds")
                .hasMessageContaining("worker.lease_seconds (4)")
                .hasMessageContaining("at most 2");
    }

    @Test
    void a_user_file_overrides_the_defaults_key_by_key() {
        TaskerConfig config = ConfigLoader.load(USER_FILE, Map.of());

        assertThat(config.execution().maxConcurrentSteps()).isEqualTo(24);
        assertThat(config.execution().maxApplyBatch()).isEqualTo(512);
        assertThat(config.database().url()).isEqualTo("postgres://tasker:secret@db.internal:5432/tasker");
        assertThat(config.database().poolSize()).isEqualTo(16);
        assertThat(config.database().embeddedFsync()).isTrue();
        assertThat(config.backoff().defaultBackoffSeconds()).containsExactly(2, 4);
    }

    @Test
    void the_environments_section_named_by_tasker_env_overrides_the_rest_of_its_file() {
        TaskerConfig production = ConfigLoader.load(USER_FILE, Map.of("TASKER_ENV", "production"));
        TaskerConfig test = ConfigLoader.load(USER_FILE, Map.of("TASKER_ENV", "test"));

        assertThat(production.database().poolSize()).isEqualTo(32);
        assertThat(production.engine().identityStrategy()).isEqualTo(IdentityStrategy.HASH);
        assertThat(production.database().embeddedFsync()).isTrue();
        assertThat(test.database().poolSize()).isEqualTo(16);
        assertThat(test.database().embeddedFsync()).isFalse();
    }

    @Test
    void variables_override_the_files_and_their_environment_sections() {
        TaskerConfig config = ConfigLoader.load(USER_FILE, Map.of("TASKER_ENV", "production",
                "TASKER_DATABASE_POOL_SIZE", "64", "TASKER_EXECUTION_MAX_CONCURRENT_STEPS", "6"));

        assertThat(config.database().poolSize()).isEqualTo(64);
        assertThat(config.execution().maxConcurrentSteps()).isEqualTo(6);
        assertThat(config.engine().identityStrategy()).isEqualTo(IdentityStrategy.HASH);
    }

    @Test
    void reads_every_kind_of_value_from_a_variable() {
        TaskerConfig config = ConfigLoader.load(null, Map.of(
                "TASKER_DATABASE_URL", "jdbc:postgresql://localhost:5432/tasker",
                "TASKER_BACKOFF_DEFAULT_BACKOFF_SECONDS", "1, 2,4",
                "TASKER_BACKOFF_JITTER_MAX_PERCENTAGE", "0.25",
                "TASKER_BACKOFF_JITTER_ENABLED", "FALSE",
                "TASKER_ENGINE_IDENTITY_STRATEGY", "hash"));

        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://localhost:5432/tasker");
        assertThat(config.backoff().defaultBackoffSeconds()).containsExactly(1, 2, 4);
        assertThat(config.backoff().jitterMaxPercentage()).isEqualTo(0.25);
        assertThat(config.backoff().jitterEnabled()).isFalse();
        assertThat(config.engine().identityStrategy()).isEqualTo(IdentityStrategy.HASH);
    }

    @Test
    void an_empty_variable_unsets_a_key_that_may_be_null() {
        TaskerConfig config = ConfigLoader.load(USER_FILE, Map.of("TASKER_DATABASE_URL", ""));

        assertThat(config.database().url()).isNull();
    }

    @Test
    void tasker_config_names_the_user_file_when_none_is_given() {
        TaskerConfig fromVariable = ConfigLoader.load(null, Map.of("TASKER_CONFIG", USER_FILE.toString()));
        TaskerConfig givenWins = ConfigLoader.load(Path.of(DIR + "only_comments.yaml"), Map.of("TASKER_CONFIG", USER_FILE.toString()));

        assertThat(fromVariable.execution().maxConcurrentSteps()).isEqualTo(24);
        assertThat(givenWins.execution().maxConcurrentSteps()).isEqualTo(12);
    }

    @Test
    void handler_settings_are_free_form_per_language_and_the_ones_a_file_defines_can_be_set_by_variables() {
        TaskerConfig config = ConfigLoader.load(USER_FILE, Map.of("TASKER_HANDLERS_PYTHON_MAX_CONTEXTS", "8"));

        assertThat(config.handlers().get("python")).containsEntry("allow_io", true).containsEntry("max_contexts", 8L);
        assertThat(config.handlers().get("ruby")).isEqualTo(TaskerConfig.defaults().handlers().get("ruby"));
        assertThat(ConfigLoader.load(null, Map.of("TASKER_HANDLERS_PYTHON_ALLOW_IO", "true")).handlers().get("python"))
                .containsEntry("allow_io", true);
        assertThatThrownBy(() -> config.handlers().get("python").put("allow_io", false)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ignores_the_launcher_variables_and_tasker_variables_that_name_no_section() {
        Map<String, String> variables = Map.of("TASKER_ENV", "development", "TASKER_HOME", "/opt/tasker",
                "TASKER_JAVA_OPTS", "-Xmx1g", "TASKER_LOG_STYLE", "json", "PATH", "/usr/bin");

        assertThat(ConfigLoader.load(null, variables)).isEqualTo(TaskerConfig.defaults());
    }

    @Test
    void names_the_selected_environment_development_unless_tasker_env_says_otherwise() {
        assertThat(ConfigLoader.environmentName(Map.of())).isEqualTo("development");
        assertThat(ConfigLoader.environmentName(Map.of("TASKER_ENV", " "))).isEqualTo("development");
        assertThat(ConfigLoader.environmentName(Map.of("TASKER_ENV", "production"))).isEqualTo("production");
    }

    @Test
    void rejects_unknown_keys_naming_the_file_the_line_and_the_allowed_keys() {
        ConfigException e = failureOf(Path.of(DIR + "unknown_keys.yaml"), Map.of());

        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                DIR + "unknown_keys.yaml:2: execution.max_concurrent_step: unknown key, expected one of max_concurrent_steps,"
                        + " default_step_timeout_seconds, max_apply_batch, max_result_bytes, orchestrator_threads",
                DIR + "unknown_keys.yaml:3: databse: unknown key, expected one of backoff, execution, database, engine, worker, handlers,"
                        + " environments",
                DIR + "unknown_keys.yaml:6: backoff.retry_delay: unknown key, expected one of default_backoff_seconds,"
                        + " max_backoff_seconds, backoff_multiplier, jitter_enabled, jitter_max_percentage",
                DIR + "unknown_keys.yaml:8: handlers.perl: unknown handler language, expected one of ruby, python, java");
    }

    @Test
    void rejects_wrong_types_and_values_out_of_range_naming_the_key_the_file_and_the_line() {
        ConfigException e = failureOf(Path.of(DIR + "wrong_values.yaml"), Map.of());

        String file = DIR + "wrong_values.yaml:";
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                file + "2: backoff.default_backoff_seconds: got an empty list, expected a non-empty list of integers >= 0",
                file + "3: backoff.jitter_max_percentage: got the number 1.5, expected a number from 0.0 to 1.0",
                file + "4: backoff.jitter_enabled: got the string \"no\", expected true or false",
                file + "5: backoff.backoff_multiplier: got the integer -2, expected a number >= 0.0",
                file + "7: execution.max_concurrent_steps: got the string \"twelve\", expected an integer from 1 to 2147483647",
                file + "8: execution.max_result_bytes: got the integer 4294967296, expected an integer from 1 to 2147483647",
                file + "10: database.url: got the string \"mysql://localhost/tasker\", expected null (the embedded database) or a"
                        + " URL such as jdbc:postgresql://host:5432/db or postgres://user:pw@host/db",
                file + "11: database.pool_size: got the integer -1, expected an integer from 1 to 2147483647",
                file + "12: database.embedded_data_directory: got the string \"\", expected a non-empty path",
                file + "13: database.password: got the integer 1234, expected a string or null",
                file + "15: engine.identity_strategy: got the string \"custom\", expected one of default, hash",
                file + "16: engine.strict_context_validation: got the integer 1, expected true or false");
    }

    @Test
    void checks_every_environment_section_not_only_the_selected_one() {
        ConfigException e = failureOf(Path.of(DIR + "bad_environments.yaml"), Map.of("TASKER_ENV", "production"));

        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                DIR + "bad_environments.yaml:4: environments.staging.database.pool_size: got the integer 0, expected an integer"
                        + " from 1 to 2147483647",
                DIR + "bad_environments.yaml:8: environments.production.environments: unknown key, expected one of backoff,"
                        + " execution, database, engine, worker, handlers",
                DIR + "bad_environments.yaml:10: environments.qa: got a list, expected a mapping");
    }

    @Test
    void rejects_a_variable_that_looks_like_a_setting_but_names_none() {
        ConfigException e = failureOf(null, Map.of("TASKER_EXECUTION_MAX_CONCURENT_STEPS", "4", "TASKER_HANDLERS_RUBY_ALLOW_IO", "true"));

        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                "environment variable TASKER_EXECUTION_MAX_CONCURENT_STEPS: names no setting, expected one of"
                        + " TASKER_EXECUTION_MAX_CONCURRENT_STEPS, TASKER_EXECUTION_DEFAULT_STEP_TIMEOUT_SECONDS,"
                        + " TASKER_EXECUTION_MAX_APPLY_BATCH, TASKER_EXECUTION_MAX_RESULT_BYTES, TASKER_EXECUTION_ORCHESTRATOR_THREADS",
                "environment variable TASKER_HANDLERS_RUBY_ALLOW_IO: names no setting, expected one of"
                        + " TASKER_HANDLERS_RUBY_MAX_THREADS, TASKER_HANDLERS_RUBY_MAX_RESULT_DEPTH,"
                        + " TASKER_HANDLERS_RUBY_MAX_RESULT_BYTES, TASKER_HANDLERS_PYTHON_ALLOW_IO,"
                        + " TASKER_HANDLERS_PYTHON_ALLOW_CREATE_PROCESS, TASKER_HANDLERS_PYTHON_ALLOW_NATIVE_ACCESS,"
                        + " TASKER_HANDLERS_PYTHON_ALLOW_CREATE_THREAD, TASKER_HANDLERS_PYTHON_ALLOW_ENVIRONMENT_ACCESS,"
                        + " TASKER_HANDLERS_PYTHON_MAX_CONTEXTS, TASKER_HANDLERS_PYTHON_MAX_RESULT_DEPTH,"
                        + " TASKER_HANDLERS_PYTHON_MAX_RESULT_BYTES");
    }

    @Test
    void rejects_a_variable_whose_value_does_not_fit_its_setting() {
        ConfigException e = failureOf(null, Map.of("TASKER_DATABASE_POOL_SIZE", "-1", "TASKER_BACKOFF_DEFAULT_BACKOFF_SECONDS", "1,,4",
                "TASKER_EXECUTION_MAX_APPLY_BATCH", "", "TASKER_HANDLERS_PYTHON_ALLOW_IO", "sometimes"));

        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                "environment variable TASKER_BACKOFF_DEFAULT_BACKOFF_SECONDS: backoff.default_backoff_seconds: got \"1,,4\","
                        + " expected a non-empty list of integers >= 0",
                "environment variable TASKER_DATABASE_POOL_SIZE: database.pool_size: got \"-1\", expected an integer from 1 to 2147483647",
                "environment variable TASKER_EXECUTION_MAX_APPLY_BATCH: execution.max_apply_batch: got an empty value,"
                        + " expected an integer from 1 to 2147483647",
                "environment variable TASKER_HANDLERS_PYTHON_ALLOW_IO: handlers.python.allow_io: got \"sometimes\", expected true or false");
    }

    @Test
    void reports_a_user_file_that_cannot_be_read_or_parsed() {
        assertThat(failureOf(Path.of(DIR + "missing.yaml"), Map.of()))
                .hasMessageStartingWith("invalid configuration:\n" + DIR + "missing.yaml: cannot be read (NoSuchFileException");
        assertThat(failureOf(Path.of(DIR + "malformed.yaml"), Map.of())).hasMessage("invalid configuration:\n"
                + DIR + "malformed.yaml:3: malformed YAML: mapping values are not allowed here, expected well-formed YAML");
    }

    @Test
    void reports_the_problems_of_the_file_and_of_the_variables_together() {
        ConfigException e = failureOf(Path.of(DIR + "unknown_keys.yaml"), Map.of("TASKER_DATABASE_POOL_SIZE", "many"));

        assertThat(e.problems()).hasSize(5);
        assertThat(e.problems().getLast().source()).isEqualTo("environment variable TASKER_DATABASE_POOL_SIZE");
    }

    private static ConfigException failureOf(Path userFile, Map<String, String> variables) {
        return catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(userFile, variables));
    }
}

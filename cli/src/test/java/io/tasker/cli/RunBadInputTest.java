package io.tasker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every kind of bad input ends with exit code 2, a message naming what to fix, and nothing on stdout. */
@ExtendWith(TaskerDatabaseExtension.class)
class RunBadInputTest {

    private static final int INVALID_INPUT = 2;

    @Test
    void rejects_malformed_context_json_naming_the_flag_line_and_column() {
        CommandOutcome run = runLinear(Fixtures.unreachableDatabase(), "--context", "{\"even_number\": }");

        assertInvalid(run, "tasker run: --context: invalid JSON at line 1, column 17");
    }

    @Test
    void rejects_malformed_json_in_a_context_file_naming_the_file_line_and_column() {
        String file = Fixtures.context("missing_comma.json");

        CommandOutcome run = runLinear(Fixtures.unreachableDatabase(), "--context-file", file);

        assertInvalid(run, "--context-file " + file + ": invalid JSON at line 4, column");
    }

    @Test
    void rejects_a_context_that_is_not_a_json_object() {
        CommandOutcome run = runLinear(Fixtures.unreachableDatabase(), "--context", "[2]");

        assertInvalid(run, "--context: got an array, expected a JSON object");
    }

    @Test
    void rejects_text_after_the_context_object() {
        CommandOutcome run = runLinear(Fixtures.unreachableDatabase(), "--context", "{\"even_number\": 2}}");

        assertInvalid(run, "--context: invalid JSON at line 1, column 19");
    }

    @Test
    void rejects_a_context_file_that_does_not_exist() {
        CommandOutcome run = runLinear(Fixtures.unreachableDatabase(), "--context-file", "no/such/context.json");

        assertInvalid(run, "--context-file no/such/context.json: no such file");
    }

    @Test
    void rejects_both_context_flags_together() {
        CommandOutcome run = runLinear(Fixtures.unreachableDatabase(),
                "--context", "{}", "--context-file", Fixtures.context("even_number_2.json"));

        assertInvalid(run, "--context=JSON, --context-file=FILE are mutually exclusive");
    }

    @Test
    void lists_every_schema_violation_of_the_context() {
        CommandOutcome run = Tasker.run(Fixtures.unreachableDatabase(), "run", Fixtures.template("two_required_fields.yaml"),
                "--handlers", Fixtures.exampleHandlers(), "--context", "{\"even_number\": 3}");

        assertInvalid(run, "--context: the context does not match the schema of task template"
                + " cli_tests.two_required_fields@1.0.0");
        assertThat(run.err()).contains("$.even_number: ").contains("$.label: ");
    }

    @Test
    void rejects_a_missing_context_when_the_schema_requires_fields() {
        CommandOutcome run = Tasker.run(Fixtures.unreachableDatabase(), "run", Fixtures.example("linear"),
                "--handlers", Fixtures.exampleHandlers());

        assertInvalid(run, "the context {} (neither --context nor --context-file was given)");
        assertThat(run.err()).contains("$.even_number");
    }

    @Test
    void names_the_step_and_class_of_a_handler_that_does_not_exist(TestDatabase database) {
        String template = Fixtures.template("missing_handler.yaml");

        CommandOutcome run = Tasker.run(Fixtures.environmentFor(database), "run", template,
                "--handlers", Fixtures.exampleHandlers());

        assertInvalid(run, template + ": step handlers cannot be used");
        assertThat(run.err()).contains("step 'does_not_exist'").contains("io.tasker.cli.NoSuchHandler");
    }

    @Test
    void rejects_an_idempotency_key_that_names_a_task_of_another_template(TestDatabase database) {
        Tasker.run(Fixtures.environmentFor(database), "run", Fixtures.example("linear"), "--handlers",
                Fixtures.exampleHandlers(), "--context", "{\"even_number\": 2}", "--idempotency-key", "taken");

        CommandOutcome run = Tasker.run(Fixtures.environmentFor(database), "run", Fixtures.example("diamond"), "--handlers",
                Fixtures.exampleHandlers(), "--context", "{\"even_number\": 2}", "--idempotency-key", "taken");

        assertInvalid(run, "idempotency key 'taken' already names task");
        assertThat(run.err()).contains("examples.linear_workflow@1.0.0").contains("examples.diamond_workflow@1.0.0");
    }

    @Test
    void rejects_a_handlers_folder_that_does_not_exist() {
        CommandOutcome run = Tasker.run(Fixtures.unreachableDatabase(), "run", Fixtures.example("linear"),
                "--handlers", "no/such/handlers", "--context", "{\"even_number\": 2}");

        assertInvalid(run, "--handlers no/such/handlers: no such folder or jar");
    }

    @Test
    void rejects_a_template_file_that_does_not_exist() {
        CommandOutcome run = Tasker.run(Fixtures.unreachableDatabase(), "run", "no/such/template.yaml");

        assertInvalid(run, "template no/such/template.yaml: no such file");
    }

    @Test
    void names_the_file_and_line_of_malformed_template_yaml() {
        String template = Fixtures.template("malformed.yaml");

        CommandOutcome run = Tasker.run(Fixtures.unreachableDatabase(), "run", template);

        assertInvalid(run, template + " is not a valid task template:\n  " + template + ":");
    }

    @Test
    void rejects_an_output_format_it_does_not_know() {
        CommandOutcome run = runLinear(Fixtures.unreachableDatabase(), "--context", "{\"even_number\": 2}", "--output", "xml");

        assertInvalid(run, "Invalid value for option '--output'");
        assertThat(run.err()).contains("expected one of [text, json]").contains("Run 'tasker run --help' for usage.");
    }

    @Test
    void rejects_an_empty_idempotency_key() {
        CommandOutcome run = runLinear(Fixtures.unreachableDatabase(), "--context", "{\"even_number\": 2}",
                "--idempotency-key", " ");

        assertInvalid(run, "--idempotency-key: got an empty key");
    }

    @Test
    void rejects_a_config_file_that_does_not_exist() {
        CommandOutcome run = runLinear(Fixtures.unreachableDatabase(), "--context", "{\"even_number\": 2}",
                "--config", "no/such/tasker.yaml");

        assertInvalid(run, "--config no/such/tasker.yaml: no such file");
    }

    @Test
    void names_an_environment_variable_with_a_wrong_value() {
        CommandOutcome run = runLinear(Map.of("TASKER_DATABASE_URL", Fixtures.UNREACHABLE_URL,
                "TASKER_EXECUTION_MAX_CONCURRENT_STEPS", "many"), "--context", "{\"even_number\": 2}");

        assertInvalid(run, "environment variable TASKER_EXECUTION_MAX_CONCURRENT_STEPS");
    }

    @Test
    void rejects_a_database_url_that_is_not_a_postgresql_url() {
        CommandOutcome run = runLinear(Fixtures.unreachableDatabase(), "--context", "{\"even_number\": 2}",
                "--database-url", "mysql://localhost/db");

        assertInvalid(run, "--database-url: Unsupported database URL 'mysql://localhost/db'");
    }

    @Test
    void rejects_an_option_it_does_not_know() {
        CommandOutcome run = runLinear(Fixtures.unreachableDatabase(), "--contxt", "{}");

        assertInvalid(run, "Unknown options: '--contxt', '{}'");
        assertThat(run.err()).contains("Possible solutions: --context, --context-file");
    }

    private static CommandOutcome runLinear(Map<String, String> environment, String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "run";
        args[1] = Fixtures.example("linear");
        args[2] = "--handlers";
        args[3] = Fixtures.exampleHandlers();
        System.arraycopy(options, 0, args, 4, options.length);
        return Tasker.run(environment, args);
    }

    private static void assertInvalid(CommandOutcome run, String message) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(INVALID_INPUT);
        assertThat(run.err()).as(run.toString()).contains(message);
        assertThat(run.out()).as(run.toString()).isEmpty();
    }
}

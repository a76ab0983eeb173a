package io.tasker.core.template;

import static io.tasker.core.template.Fixtures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tasker.core.yaml.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every problem names the file, the line, the field and what was expected. */
class TemplateValidationTest {
    private static final String DIR = "src/test/resources/templates/invalid/";

    @Test
    void reports_malformed_yaml_at_the_line_of_the_parser() {
        TemplateException e = failureOf("invalid/malformed.yaml");

        assertThat(e).hasMessageStartingWith(DIR + "malformed.yaml:5: malformed YAML: expected ',' or ']'")
                .hasMessageContaining("flow sequence that starts at line 4");
        assertThat(e.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.source()).isEqualTo(DIR + "malformed.yaml");
            assertThat(problem.line()).isEqualTo(5);
            assertThat(problem.column()).isPositive();
        });
    }

    @Test
    void reports_a_missing_name_and_missing_step_templates_together() {
        TemplateException e = failureOf("invalid/missing_name_and_steps.yaml");

        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                DIR + "missing_name_and_steps.yaml:1: name: is missing, expected the name of the task",
                DIR + "missing_name_and_steps.yaml:1: step_templates: is missing, expected a non-empty list of step templates");
    }

    @Test
    void reports_a_step_without_handler_class() {
        assertThat(failureOf("invalid/missing_handler_class.yaml")).hasMessage(
                DIR + "missing_handler_class.yaml:5: step_templates[1].handler_class: is missing, expected the class of the step"
                        + " handler, such as Shop::ChargeCardHandler or com.example.ChargeCard");
    }

    @Test
    void reports_every_wrong_type_of_a_file_at_once() {
        TemplateException e = failureOf("invalid/wrong_types.yaml");

        String file = DIR + "wrong_types.yaml:";
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                file + "1: name: got a list, expected a string",
                file + "2: version: got the number 1.0, expected a string (put it in quotes)",
                file + "3: concurrent: got the string \"sometimes\", expected true or false",
                file + "7: step_templates[0].default_retry_limit: got the integer 0, expected a positive integer",
                file + "8: step_templates[0].default_retryable: got the string \"true\", expected true or false",
                file + "9: step_templates[0].skippable: got the integer 1, expected true or false",
                file + "10: step_templates[0].timeout_seconds: got the number 2.5, expected a positive integer",
                file + "11: step_templates[0].description: got a list, expected a string",
                file + "12: step_templates[0].depends_on_steps: got the string \"second\", expected a list of strings",
                file + "15: step_templates[1].default_retry_limit: got the string \"three\", expected a positive integer",
                file + "16: step_templates[1].handler_config: got the string \"just a string\", expected a mapping",
                file + "17: step_templates[2]: got the string \"just a string\", expected a mapping with name and handler_class");
    }

    @Test
    void rejects_a_duplicate_step_name_and_points_at_the_first() {
        assertThat(failureOf("invalid/duplicate_step.yaml")).hasMessage(DIR + "duplicate_step.yaml:8: step_templates[2].name: "
                + "step \"charge\" is defined twice (first as step_templates[0].name at line 3), expected unique step names");
    }

    @Test
    void rejects_an_unknown_dependency_and_lists_the_known_steps() {
        assertThat(failureOf("invalid/unknown_dependency.yaml")).hasMessage(DIR + "unknown_dependency.yaml:9: "
                + "step_templates[1].depends_on_steps[1]: unknown step \"pack\", expected one of the steps charge, ship");
    }

    @Test
    void rejects_a_template_with_a_cycle_and_prints_it() {
        TemplateException e = failureOf("invalid/cycle.yaml");

        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                DIR + "cycle.yaml:7: step_templates[1].depends_on_steps[1]: dependency cycle a -> b -> c -> a, expected steps"
                        + " that do not depend on themselves, directly or through other steps",
                DIR + "cycle.yaml:19: step_templates[5].depends_on_step: dependency cycle selfish -> selfish, expected steps"
                        + " that do not depend on themselves, directly or through other steps");
    }

    @Test
    void requires_every_step_and_dependency_in_named_steps_when_it_is_present() {
        TemplateException e = failureOf("invalid/named_steps.yaml");

        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                DIR + "named_steps.yaml:6: step_templates[1].name: step \"pack\" is not listed in named_steps, expected one of charge, ship",
                DIR + "named_steps.yaml:11: step_templates[2].depends_on_step: step \"pack\" is not listed in named_steps,"
                        + " expected one of charge, ship");
    }

    @Test
    void rejects_a_handler_language_other_than_ruby_python_or_java() {
        TemplateException e = failureOf("invalid/invalid_language.yaml");

        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                DIR + "invalid_language.yaml:2: default_handler_language: got the string \"cobol\", expected one of ruby, python, java",
                DIR + "invalid_language.yaml:6: step_templates[0].handler_language: got the string \"javascript\","
                        + " expected one of ruby, python, java");
    }

    @Test
    void rejects_a_schema_that_is_not_an_object() {
        assertThat(failureOf("invalid/schema_not_object.yaml")).hasMessage(DIR + "schema_not_object.yaml:2: schema: got a list,"
                + " expected a JSON Schema object (a mapping such as {type: object, properties: ...})");
    }

    @Test
    void rejects_a_schema_that_is_not_valid_json_schema_at_the_line_of_each_mistake() {
        TemplateException e = failureOf("invalid/schema_invalid.yaml");

        assertThat(e.problems()).extracting(Problem::line, Problem::field).containsExactly(
                tuple(4, "schema.required"),
                tuple(7, "schema.properties.order_id.type"),
                tuple(10, "schema.properties.quantity.minimum"));
        assertThat(e).hasMessageContaining(DIR + "schema_invalid.yaml:4: schema.required: is not valid JSON Schema (draft-07):"
                + " string found, array expected");
    }

    @Test
    void rejects_a_schema_whose_references_do_not_resolve() {
        assertThat(failureOf("invalid/schema_unresolvable.yaml")).hasMessage(DIR + "schema_unresolvable.yaml:3: schema: cannot be"
                + " compiled: Reference /definitions/order cannot be resolved, expected a JSON Schema whose references and patterns resolve");
    }

    @Test
    void refuses_a_schema_reference_that_would_be_fetched_from_elsewhere() {
        assertThat(failureOf("invalid/schema_remote_reference.yaml")).hasMessage(DIR + "schema_remote_reference.yaml:6:"
                + " schema.properties.customer.$ref: got the string \"https://schemas.example.test/customer.json\","
                + " expected a reference inside the schema, such as \"#/definitions/order\" (other schemas are not fetched)");
    }

    @Test
    void rejects_unknown_keys_of_a_step_template_and_lists_the_allowed_ones() {
        TemplateException e = failureOf("invalid/unknown_step_key.yaml");

        String allowed = ", expected one of name, handler_class, description, dependent_system, depends_on_step, depends_on_steps,"
                + " default_retryable, default_retry_limit, skippable, handler_config, custom_events, handler_language, timeout_seconds";
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                DIR + "unknown_step_key.yaml:5: step_templates[0].retry_limit: unknown key" + allowed,
                DIR + "unknown_step_key.yaml:6: step_templates[0].depends_on: unknown key" + allowed);
    }

    @Test
    void checks_the_overrides_of_every_environment_and_the_merged_values_of_the_selected_one() {
        TemplateException e = failureOf("invalid/environment_override.yaml", "test");

        String file = DIR + "environment_override.yaml:";
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                file + "9: step_templates[0].default_retry_limit: got the integer -3, expected a positive integer",
                file + "12: environments.staging.step_templates[0].name: is missing, expected the name of the step to override",
                file + "13: environments.staging.step_templates[0].colour: unknown key, expected one of name, handler_class,"
                        + " description, dependent_system, depends_on_step, depends_on_steps, default_retryable, default_retry_limit,"
                        + " skippable, handler_config, custom_events, handler_language, timeout_seconds",
                file + "14: environments.production: got a list, expected a mapping with step_templates");
    }

    @Test
    void rejects_a_file_that_is_not_a_mapping() {
        assertThat(failureOf("invalid/not_a_mapping.yaml")).hasMessage(DIR + "not_a_mapping.yaml:1: (top level): got a list,"
                + " expected a mapping with name and step_templates");
    }

    @Test
    void rejects_a_key_written_twice_in_one_mapping() {
        String yaml = """
                name: twice
                name: again
                step_templates:
                  - {name: only, handler_class: com.example.Only}
                """;

        assertThatThrownBy(() -> new TemplateLoader("development").parse(yaml, "twice.yaml")).hasMessage(
                "twice.yaml:2: name: the key appears twice in the same mapping (first at line 1), expected each key once");
    }

    @Test
    void rejects_names_longer_than_the_database_columns_they_are_stored_in() {
        String yaml = """
                name: %s
                version: 1.0.0-a-very-long-prerelease
                step_templates:
                  - {name: only, handler_class: com.example.Only}
                """.formatted("n".repeat(65));

        assertThatThrownBy(() -> new TemplateLoader("development").parse(yaml, "long.yaml"))
                .hasMessageContaining("long.yaml:1: name: got the string \"nnnn")
                .hasMessageContaining("expected a non-blank string of at most 64 characters")
                .hasMessageContaining("long.yaml:2: version: got the string \"1.0.0-a-very-long-prerelease\","
                        + " expected a non-blank string of at most 16 characters");
    }

    @Test
    void rejects_ruby_specific_yaml_tags() {
        String yaml = """
                name: tagged
                step_templates:
                  - name: only
                    handler_class: !ruby/class Shop::Only
                """;

        assertThatThrownBy(() -> new TemplateLoader("development").parse(yaml, "tagged.yaml")).hasMessage(
                "tagged.yaml:4: step_templates[0].handler_class: unsupported YAML tag !ruby/class, expected plain YAML values"
                        + " (strings, numbers, booleans, lists and mappings)");
    }

    @Test
    void reports_a_file_that_cannot_be_read() {
        Path missing = Fixtures.template("no_such_template.yaml");

        assertThatThrownBy(() -> new TemplateLoader("development").load(missing))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(missing + ": cannot be read (NoSuchFileException");
    }
}

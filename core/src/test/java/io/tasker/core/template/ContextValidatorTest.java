package io.tasker.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasker.core.json.Json;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ContextValidatorTest {
    private static final TaskTemplate NUMBERS = Fixtures.load("numbers.yaml");

    private final ContextValidator lenient = new ContextValidator(false);
    private final ContextValidator strict = new ContextValidator(true);

    @Test
    void validates_against_a_schema_given_in_place_of_the_templates_own() {
        JsonNode handlers = Json.tree(Map.of("type", "object",
                "required", List.of("order_id"), "properties", Map.of("order_id", Map.of("type", "integer"))));

        assertThatThrownBy(() -> lenient.validate(NUMBERS, handlers, Map.of("even_number", 2)))
                .isInstanceOf(ContextValidationException.class).hasMessageContaining("$.order_id: is missing");
        lenient.validate(NUMBERS, handlers, Map.of("order_id", 1));
        lenient.validate(NUMBERS, null, Map.of());
        assertThatThrownBy(() -> strict.validate(NUMBERS, handlers, Map.of("order_id", 1, "extra", true)))
                .isInstanceOf(ContextValidationException.class).hasMessageContaining("$.extra");
    }

    @Test
    void names_the_template_when_a_given_schema_cannot_be_compiled() {
        JsonNode broken = Json.tree(Map.of("$ref", "https://schemas.example.com/order.json"));

        assertThatThrownBy(() -> lenient.compile(NUMBERS.key(), broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the context schema of task template " + NUMBERS.key() + " cannot be compiled");
    }

    @Test
    void enforces_the_declared_required_properties() {
        assertThat(lenient.violations(NUMBERS, Map.of())).extracting(ContextViolation::toString)
                .containsExactly("$.even_number: is missing but it is required");
    }

    @Test
    void allows_undeclared_properties_and_absent_optional_ones_by_default() {
        assertThat(lenient.violations(NUMBERS, Map.of("even_number", 2, "extra", "anything"))).isEmpty();
        assertThat(lenient.violations(NUMBERS, Map.of("even_number", 2, "owner", Map.of("id", 1, "nickname", "x")))).isEmpty();
    }

    @Test
    void names_the_path_of_every_value_that_breaks_the_schema() {
        Map<String, Object> context = Map.of("even_number", 3, "owner", Map.of("id", "seven"));

        assertThat(lenient.violations(NUMBERS, context)).extracting(ContextViolation::path).containsExactly("$.even_number", "$.owner.id");
        assertThat(lenient.violations(NUMBERS, context).get(1).message()).isEqualTo("string found, integer expected");
    }

    @Test
    void throws_an_exception_that_lists_every_violation_with_its_path() {
        assertThatThrownBy(() -> lenient.validate(NUMBERS, Map.of("owner", List.of())))
                .isInstanceOf(ContextValidationException.class)
                .hasMessage("""
                        the context does not match the schema of task template default.numbers@0.1.0:
                          $.even_number: is missing but it is required
                          $.owner: array found, object expected""")
                .satisfies(e -> assertThat(((ContextValidationException) e).template()).isEqualTo(NUMBERS.key()));
    }

    @Test
    void strict_mode_requires_every_declared_property_that_has_no_default() {
        assertThat(strict.violations(NUMBERS, Map.of("even_number", 2))).extracting(ContextViolation::toString)
                .containsExactly("$.owner: is missing but it is required");
        assertThat(strict.violations(NUMBERS, Map.of("even_number", 2, "owner", Map.of("id", 1)))).extracting(ContextViolation::toString)
                .containsExactly("$.owner.email: is missing but it is required");
    }

    @Test
    void strict_mode_rejects_undeclared_properties_at_every_level() {
        Map<String, Object> context = Map.of("even_number", 2, "extra", true,
                "owner", Map.of("id", 1, "email", "a@example.test", "nickname", "x"));

        assertThat(strict.violations(NUMBERS, context)).extracting(ContextViolation::toString).containsExactly(
                "$.extra: is not a property the schema declares, and it allows no others",
                "$.owner.nickname: is not a property the schema declares, and it allows no others");
    }

    @Test
    void strict_mode_accepts_a_context_that_supplies_every_declared_property() {
        Map<String, Object> context = Map.of("even_number", 2, "owner", Map.of("id", 1, "email", "a@example.test"));

        assertThat(strict.violations(NUMBERS, context)).isEmpty();
    }

    @Test
    void strict_mode_respects_an_explicit_additional_properties() {
        TaskTemplate open = withSchema("open", Map.of("type", "object", "additionalProperties", true,
                "properties", Map.of("a", Map.of("type", "integer"))));

        assertThat(strict.violations(open, Map.of("a", 1, "b", 2))).isEmpty();
        assertThat(strict.violations(open, Map.of("b", 2))).extracting(ContextViolation::toString)
                .containsExactly("$.a: is missing but it is required");
    }

    @Test
    void strict_mode_leaves_the_schema_of_the_template_unchanged() {
        String before = NUMBERS.schema().toString();

        strict.violations(NUMBERS, Map.of());

        assertThat(NUMBERS.schema().toString()).isEqualTo(before);
    }

    @Test
    void accepts_any_context_when_the_template_has_no_schema() {
        TaskTemplate minimal = Fixtures.load("minimal.yaml");

        assertThat(strict.violations(minimal, Map.of("anything", List.of(1, 2)))).isEmpty();
        assertThat(lenient.violations(minimal, null)).isEmpty();
    }

    @Test
    void validates_against_the_draft_that_the_schema_names() {
        TaskTemplate template = Fixtures.load("numbers_2020.yaml");

        assertThat(lenient.violations(template, Map.of("values", List.of(1, 2)))).extracting(ContextViolation::toString)
                .containsExactly("$.values[1]: integer found, string expected");
    }

    @Test
    void notices_a_template_replaced_under_the_same_key() {
        TaskTemplate first = withSchema("replaced", Map.of("type", "object", "required", List.of("a")));
        TaskTemplate second = withSchema("replaced", Map.of("type", "object", "required", List.of("b")));

        assertThat(lenient.violations(first, Map.of("b", 1))).extracting(ContextViolation::path).containsExactly("$.a");
        assertThat(lenient.violations(second, Map.of("b", 1))).isEmpty();
    }

    @Test
    void gives_the_same_answers_when_many_threads_validate_at_once() {
        List<Integer> violationCounts = IntStream.range(0, 400).parallel()
                .mapToObj(i -> strict.violations(NUMBERS, i % 2 == 0 ? Map.of("even_number", i) : Map.of()).size())
                .toList();

        assertThat(violationCounts).containsOnly(1, 2);
        assertThat(IntStream.range(0, 400).filter(i -> violationCounts.get(i) != (i % 2 == 0 ? 1 : 2))).isEmpty();
    }

    private static TaskTemplate withSchema(String name, Map<String, Object> schema) {
        StepTemplate step = new StepTemplate("only", "com.example.Only", "java", "only", "unknown", List.of(), true, 3, false,
                null, null, null, 0);
        return new TaskTemplate(name, "default", "0.1.0", null, null, null, null, null, null, Json.tree(schema), List.of(step), null);
    }
}

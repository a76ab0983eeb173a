package io.tasker.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tasker.core.yaml.Problem;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TemplateRegistryTest {
    private static final TemplateLoader LOADER = new TemplateLoader("development");

    private final TemplateRegistry registry = new TemplateRegistry();

    @Test
    void keeps_the_same_name_in_several_namespaces_and_versions() {
        registry.loadDirectory(Fixtures.template("registry"), LOADER);

        assertThat(registry.get("billing", "charge", "1.0.0").stepTemplates()).extracting(StepTemplate::name).containsExactly("charge_card");
        assertThat(registry.get("billing", "charge", "2.0.0").stepTemplates()).extracting(StepTemplate::name)
                .containsExactly("reserve", "charge_card");
        assertThat(registry.get("shipping", "charge", "1.0.0").stepTemplates().getFirst().handlerLanguage()).isEqualTo("ruby");
    }

    @Test
    void loads_yaml_and_yml_files_recursively_and_nothing_else() {
        List<TaskTemplate> loaded = registry.loadDirectory(Fixtures.template("registry"), LOADER);

        assertThat(loaded).extracting(template -> Fixtures.TEMPLATES.relativize(template.sourceFile()).toString()).containsExactly(
                "registry/billing/charge_v1.yaml", "registry/billing/charge_v2.yml", "registry/shipping/charge.yaml");
    }

    @Test
    void lists_all_templates_by_namespace_name_and_version() {
        registry.loadDirectory(Fixtures.template("registry"), LOADER);
        registry.register(Fixtures.load("minimal.yaml"));

        assertThat(registry.all()).extracting(template -> template.key().toString())
                .containsExactly("billing.charge@1.0.0", "billing.charge@2.0.0", "default.minimal@0.1.0", "shipping.charge@1.0.0");
    }

    @Test
    void finds_nothing_for_a_key_that_is_not_registered() {
        registry.register(Fixtures.load("minimal.yaml"));

        assertThat(registry.find("default", "minimal", "0.1.0")).isPresent();
        assertThat(registry.find("default", "minimal", "0.2.0")).isEmpty();
        assertThat(registry.find(new TemplateKey("other", "minimal", "0.1.0"))).isEmpty();
    }

    @Test
    void get_names_the_templates_registered_under_the_same_name() {
        registry.loadDirectory(Fixtures.template("registry"), LOADER);

        assertThatThrownBy(() -> registry.get("billing", "charge", "3.0.0"))
                .isInstanceOf(TemplateNotFoundException.class)
                .hasMessage("no task template billing.charge@3.0.0 is registered; with the name \"charge\" there are:"
                        + " billing.charge@1.0.0, billing.charge@2.0.0, shipping.charge@1.0.0");
    }

    @Test
    void get_says_what_is_registered_when_no_template_has_that_name() {
        assertThatThrownBy(() -> registry.get("default", "refund", "0.1.0"))
                .hasMessage("no task template named \"refund\" is registered (registered: none)");
        registry.register(Fixtures.load("minimal.yaml"));
        assertThatThrownBy(() -> registry.get("default", "refund", "0.1.0"))
                .hasMessage("no task template named \"refund\" is registered (registered: default.minimal@0.1.0)");
    }

    @Test
    void reports_the_problems_of_every_file_of_a_directory_and_registers_none_of_them() {
        TemplateException e = catchThrowableOfType(TemplateException.class,
                () -> registry.loadDirectory(Fixtures.template("registry_broken"), LOADER));

        String dir = "src/test/resources/templates/registry_broken/";
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                dir + "a_cycle.yaml:5: step_templates[0].depends_on_step: dependency cycle one -> two -> one, expected steps"
                        + " that do not depend on themselves, directly or through other steps",
                dir + "nested/b_missing_handler.yml:3: step_templates[0].handler_class: is missing, expected the class of the"
                        + " step handler, such as Shop::ChargeCardHandler or com.example.ChargeCard",
                dir + "d_second.yaml: name: task template default.twice@0.1.0 is already registered from " + dir
                        + "c_first.yaml, expected a unique (namespace_name, name, version)");
        assertThat(registry.all()).isEmpty();
    }

    @Test
    void reports_a_directory_that_does_not_exist() {
        assertThatThrownBy(() -> registry.loadDirectory(Fixtures.template("no_such_directory"), LOADER))
                .isInstanceOf(TemplateException.class)
                .hasMessage(Fixtures.template("no_such_directory") + ": is not a directory, expected a directory of *.yaml or *.yml task templates");
    }

    @Test
    void registering_an_equal_template_again_changes_nothing_but_a_different_one_is_refused() {
        registry.register(Fixtures.load("minimal.yaml"));
        registry.register(Fixtures.load("minimal.yaml"));
        TaskTemplate other = new TemplateLoader("development").parse("""
                name: minimal
                step_templates: [{name: another_step, handler_class: com.example.Another}]
                """, "other.yaml");

        assertThatThrownBy(() -> registry.register(other)).isInstanceOf(TemplateException.class).hasMessage(
                "(template without a source file): name: task template default.minimal@0.1.0 is already registered from "
                        + Fixtures.template("minimal.yaml") + ", expected a unique (namespace_name, name, version)");
        assertThat(registry.all()).hasSize(1);
    }

    @Test
    void replace_swaps_the_template_under_its_key() {
        registry.register(Fixtures.load("minimal.yaml"));
        TaskTemplate revised = LOADER.parse("""
                name: minimal
                step_templates: [{name: revised_step, handler_class: com.example.Revised}]
                """, "revised.yaml");

        registry.replace(revised);

        assertThat(registry.get("default", "minimal", "0.1.0")).isSameAs(revised);
    }

    @Test
    void refuses_a_template_built_in_code_whose_steps_form_a_cycle() {
        TaskTemplate cyclic = new TaskTemplate("cyclic", "default", "0.1.0", null, null, null, null, null, null, null,
                List.of(step("a", "b"), step("b", "a")), null);

        assertThatThrownBy(() -> registry.register(cyclic)).isInstanceOf(TemplateException.class).hasMessage(
                "(template without a source file): step_templates[0].depends_on[0]: dependency cycle a -> b -> a, expected steps"
                        + " that do not depend on themselves, directly or through other steps");
    }

    @Test
    void registers_from_many_threads_at_once_without_losing_a_template() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> registrations = IntStream.range(0, 200).<Future<?>>mapToObj(version -> pool.submit(() ->
                    registry.register(new TaskTemplate("parallel", "default", version + ".0.0", null, null, null, null, null,
                            null, null, List.of(step("only")), null)))).toList();
            for (Future<?> registration : registrations) {
                registration.get();
            }
        }

        assertThat(registry.all()).hasSize(200);
    }

    private static StepTemplate step(String name, String... parents) {
        return new StepTemplate(name, "com.example.Step", "java", name, "unknown", List.of(parents), true, 3, false, null, null,
                null, 0);
    }
}

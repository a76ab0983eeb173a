package io.tasker.core.template;

import static io.tasker.core.template.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateLoaderTest {

    @Test
    void loads_every_key_of_a_tasker_template() {
        TaskTemplate template = load("ship_parcel.yaml");

        assertThat(template.key()).isEqualTo(new TemplateKey("logistics", "ship_parcel", "1.2.0"));
        assertThat(template.taskHandlerClass()).isEqualTo("ShipParcelTask");
        assertThat(template.moduleNamespace()).isEqualTo("Logistics");
        assertThat(template.description()).isEqualTo("Quote, label and notify for one parcel");
        assertThat(template.defaultDependentSystem()).isEqualTo("carrier_gateway");
        assertThat(template.namedSteps()).containsExactly("quote_rates", "check_address", "buy_label", "notify_customer");
        assertThat(template.schema().path("required").get(0).asText()).isEqualTo("parcel_id");
        assertThat(template.sourceFile()).isEqualTo(Fixtures.template("ship_parcel.yaml"));
        assertThat(template.stepTemplates()).extracting(StepTemplate::name)
                .containsExactly("quote_rates", "check_address", "buy_label", "notify_customer");
    }

    @Test
    void reads_every_key_of_a_step_template() {
        TaskTemplate template = load("ship_parcel.yaml");

        StepTemplate quote = template.step("quote_rates").orElseThrow();
        assertThat(quote.handlerClass()).isEqualTo("Logistics::QuoteRatesHandler");
        assertThat(quote.description()).isEqualTo("Ask the carriers for rates");
        assertThat(quote.dependentSystem()).isEqualTo("carrier_gateway");
        assertThat(quote.handlerConfig()).isEqualTo(Map.of("type", "api", "url", "https://carrier.example.test",
                "enable_exponential_backoff", true, "headers", Map.of("accept", "json")));
        assertThat(quote.customEvents()).containsExactly(new StepTemplate.CustomEvent("rates.quoted", "rates arrived"));
        StepTemplate address = template.step("check_address").orElseThrow();
        assertThat(address.dependentSystem()).isEqualTo("address_service");
        assertThat(address.retryLimit()).isEqualTo(5);
        assertThat(address.skippable()).isTrue();
        StepTemplate label = template.step("buy_label").orElseThrow();
        assertThat(label.dependsOn()).containsExactly("quote_rates", "check_address");
        assertThat(label.retryable()).isFalse();
        assertThat(label.timeoutSeconds()).isEqualTo(20);
    }

    @Test
    void joins_depends_on_step_and_depends_on_steps_without_duplicates() {
        StepTemplate notify = load("ship_parcel.yaml").step("notify_customer").orElseThrow();

        assertThat(notify.dependsOn()).containsExactly("buy_label", "quote_rates");
    }

    @Test
    void gives_absent_keys_tasker_defaults_and_needs_no_task_handler_class() {
        TaskTemplate template = load("minimal.yaml");

        assertThat(template.key()).isEqualTo(new TemplateKey("default", "minimal", "0.1.0"));
        assertThat(template.taskHandlerClass()).isNull();
        assertThat(template.schema()).isNull();
        assertThat(template.namedSteps()).isEmpty();
        StepTemplate step = template.stepTemplates().getFirst();
        assertThat(step.description()).isEqualTo("only_step");
        assertThat(step.dependentSystem()).isEqualTo("unknown");
        assertThat(step.dependsOn()).isEmpty();
        assertThat(step.retryable()).isTrue();
        assertThat(step.retryLimit()).isEqualTo(3);
        assertThat(step.skippable()).isFalse();
        assertThat(step.handlerConfig()).isNull();
        assertThat(step.timeoutSeconds()).isNull();
        assertThat(step.customEvents()).isEmpty();
    }

    @Test
    void merges_the_overrides_of_the_selected_environment_by_step_name() {
        TaskTemplate template = load("ship_parcel.yaml", "test");

        assertThat(template.step("quote_rates").orElseThrow().handlerConfig()).isEqualTo(Map.of("type", "api",
                "url", "http://localhost:9999", "enable_exponential_backoff", true,
                "headers", Map.of("accept", "json", "x-test", "yes")));
        assertThat(template.stepTemplates()).hasSize(4);
        assertThat(template.step("check_address").orElseThrow().retryLimit()).isEqualTo(5);
    }

    @Test
    void merges_nothing_for_an_environment_the_template_does_not_mention() {
        TaskTemplate development = load("ship_parcel.yaml", "development");
        TaskTemplate production = load("ship_parcel.yaml", "production");

        assertThat(development.step("quote_rates").orElseThrow().handlerConfig()).asInstanceOf(MAP).containsEntry("url", "https://carrier.example.test");
        assertThat(production.step("check_address").orElseThrow().retryLimit()).isEqualTo(10);
        assertThat(production.step("quote_rates").orElseThrow().handlerConfig()).asInstanceOf(MAP).containsEntry("url", "https://carrier.example.test");
    }

    @Test
    void resolves_the_language_from_handler_language_else_from_a_ruby_constant_path_else_java() {
        TaskTemplate template = load("languages.yaml");

        assertThat(template.stepTemplates()).extracting(StepTemplate::name, StepTemplate::handlerLanguage).containsExactly(
                tuple("ruby_by_constant_path", "ruby"),
                tuple("java_by_class_name", "java"),
                tuple("python_named_explicitly", "python"),
                tuple("java_named_explicitly", "java"));
        assertThat(template.defaultHandlerLanguage()).isNull();
    }

    @Test
    void a_default_handler_language_wins_over_the_class_name_but_not_over_the_step() {
        TaskTemplate template = load("languages_with_default.yaml");

        assertThat(template.defaultHandlerLanguage()).isEqualTo("python");
        assertThat(template.stepTemplates()).extracting(StepTemplate::handlerLanguage).containsExactly("python", "python", "ruby");
    }

    @Test
    void resolves_anchors_aliases_and_merge_keys() {
        TaskTemplate template = load("anchors.yaml");

        StepTemplate pick = template.step("pick").orElseThrow();
        StepTemplate pack = template.step("pack").orElseThrow();
        StepTemplate ship = template.step("ship").orElseThrow();
        assertThat(pick.dependentSystem()).isEqualTo("warehouse");
        assertThat(pick.retryLimit()).isEqualTo(7);
        assertThat(pack.retryLimit()).isEqualTo(2);
        assertThat(pack.dependsOn()).containsExactly("pick");
        assertThat(ship.handlerConfig()).isEqualTo(Map.of("timeout", 5L, "endpoints", List.of("a", "b")));
        assertThat(ship.dependentSystem()).isEqualTo("unknown");
    }

    @Test
    @SuppressWarnings("unchecked")
    void turns_handler_config_into_immutable_plain_java_data() {
        Map<String, Object> config = (Map<String, Object>) load("anchors.yaml").step("pick").orElseThrow().handlerConfig();

        assertThat(config.get("timeout")).isInstanceOf(Long.class);
        assertThat(config.get("endpoints")).isInstanceOf(List.class);
        assertThatThrownBy(() -> config.put("timeout", 6L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<Object>) config.get("endpoints")).add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void remembers_the_line_of_each_step() {
        assertThat(load("ship_parcel.yaml").stepTemplates()).extracting(StepTemplate::line).containsExactly(21, 28, 33, 38);
    }

    @Test
    void parses_a_template_given_as_text_under_a_pseudo_file_name() {
        TemplateLoader loader = new TemplateLoader("development");
        String yaml = """
                name: inline
                step_templates:
                  - name: only
                    handler_class: com.example.Only
                """;

        TaskTemplate template = loader.parse(yaml, "<request body>");

        assertThat(template.name()).isEqualTo("inline");
        assertThat(template.sourceFile()).isNull();
        assertThatThrownBy(() -> loader.parse(yaml.replace("handler_class", "handler"), "<request body>"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("<request body>:3: step_templates[0].handler_class: is missing")
                .hasMessageContaining("<request body>:4: step_templates[0].handler: unknown key");
    }
}

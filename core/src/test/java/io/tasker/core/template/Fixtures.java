package io.tasker.core.template;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;

/** The YAML fixture files of these tests, by their path relative to the module, as error messages name them. */
final class Fixtures {
    static final Path TEMPLATES = Path.of("src/test/resources/templates");

    private Fixtures() {
    }

    static Path template(String name) {
        return TEMPLATES.resolve(name);
    }

    static TaskTemplate load(String name) {
        return new TemplateLoader(TemplateLoader.DEFAULT_ENVIRONMENT).load(template(name));
    }

    static TaskTemplate load(String name, String environment) {
        return new TemplateLoader(environment).load(template(name));
    }

    /** The exception of loading a fixture that must fail. */
    static TemplateException failureOf(String name) {
        return failureOf(name, TemplateLoader.DEFAULT_ENVIRONMENT);
    }

    static TemplateException failureOf(String name, String environment) {
        return catchThrowableOfType(TemplateException.class, () -> new TemplateLoader(environment).load(template(name)));
    }
}

package io.tasker.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A validated Tasker task template (TASKER-COMPAT.md §2) with the environment overrides already merged.
 * Step templates are in file order; every dependency names an existing step and the graph is acyclic.
 *
 * @param schema the JSON Schema of the task context, or null
 * @param sourceFile the YAML file it came from, or null when built in code or parsed from text
 * @param sourceText the YAML text it was parsed from (before the environment overrides were merged), or null when
 *     built in code; kept so that the catalogue can store the template itself and processes without the file
 *     (workers, operator commands) can parse it again
 */
public record TaskTemplate(
        String name,
        String namespace,
        String version,
        String taskHandlerClass,
        String moduleNamespace,
        String description,
        String defaultDependentSystem,
        String defaultHandlerLanguage,
        List<String> namedSteps,
        JsonNode schema,
        List<StepTemplate> stepTemplates,
        Path sourceFile,
        String sourceText) {

    public static final String DEFAULT_NAMESPACE = "default";
    public static final String DEFAULT_VERSION = "0.1.0";
    public static final String DEFAULT_DEPENDENT_SYSTEM = "unknown";

    public TaskTemplate {
        namedSteps = namedSteps == null ? List.of() : List.copyOf(namedSteps);
        stepTemplates = List.copyOf(stepTemplates);
    }

    /** A template built in code: there is no YAML text to keep. */
    public TaskTemplate(String name, String namespace, String version, String taskHandlerClass, String moduleNamespace,
                        String description, String defaultDependentSystem, String defaultHandlerLanguage,
                        List<String> namedSteps, JsonNode schema, List<StepTemplate> stepTemplates, Path sourceFile) {
        this(name, namespace, version, taskHandlerClass, moduleNamespace, description, defaultDependentSystem,
                defaultHandlerLanguage, namedSteps, schema, stepTemplates, sourceFile, null);
    }

    public TemplateKey key() {
        return new TemplateKey(namespace, name, version);
    }

    /** The same template with other step templates (same names and dependencies: the caller keeps the graph). */
    public TaskTemplate withStepTemplates(List<StepTemplate> steps) {
        return new TaskTemplate(name, namespace, version, taskHandlerClass, moduleNamespace, description,
                defaultDependentSystem, defaultHandlerLanguage, namedSteps, schema, steps, sourceFile);
    }

    public Optional<StepTemplate> step(String stepName) {
        return stepTemplates.stream().filter(s -> s.name().equals(stepName)).findFirst();
    }
}

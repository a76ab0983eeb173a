package io.tasker.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasker.core.yaml.Problems;
import io.tasker.core.yaml.YamlList;
import io.tasker.core.yaml.YamlMap;
import io.tasker.core.yaml.YamlScalar;
import io.tasker.core.yaml.YamlValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the top level of a task template (TASKER-COMPAT.md §2). Keys that Tasker tolerates but does not use
 * ({@code custom_events}, {@code handler_config}, ...) are tolerated here too; {@code task_handler_class} is
 * optional because only the step handlers run here — a Tasker template that has it loads unchanged.
 */
final class TemplateReader {
    private static final String STEPS = "a non-empty list of step templates";

    private final Problems problems;
    private final Fields fields;
    private final String environment;

    TemplateReader(Problems problems, String environment) {
        this.problems = problems;
        this.fields = new Fields(problems);
        this.environment = environment;
    }

    /** The template, or empty when problems were found (they are in the problems given to the constructor). */
    Optional<TaskTemplate> read(YamlValue root, Path sourceFile, String sourceText) {
        Optional<YamlMap> map = fields.mapping(root, "(top level)", "a mapping with name and step_templates");
        Optional<TaskTemplate> template = map.map(m -> template(m, sourceFile, sourceText));
        return problems.isEmpty() ? template : Optional.empty();
    }

    private TaskTemplate template(YamlMap map, Path sourceFile, String sourceText) {
        String name = fields.requiredName(map, "name", "", ColumnLimits.TASK_NAME, "the name of the task").orElse(null);
        String defaultDependentSystem = fields.name(map, "default_dependent_system", "", ColumnLimits.DEPENDENT_SYSTEM).orElse(null);
        HandlerLanguage defaultLanguage = fields.language(map, "default_handler_language", "").orElse(null);
        fields.bool(map, "concurrent", "");
        List<ParsedStep> steps = steps(map, new StepReader(fields, defaultDependentSystem, defaultLanguage));
        Optional<List<Fields.Located>> namedSteps = fields.strings(map, "named_steps", "");
        new DependencyCheck(problems).check(steps, namedSteps.map(TemplateReader::names));
        return new TaskTemplate(
                name,
                fields.name(map, "namespace_name", "", ColumnLimits.NAMESPACE).orElse(TaskTemplate.DEFAULT_NAMESPACE),
                fields.name(map, "version", "", ColumnLimits.VERSION).orElse(TaskTemplate.DEFAULT_VERSION),
                fields.string(map, "task_handler_class", "").orElse(null),
                fields.string(map, "module_namespace", "").orElse(null),
                fields.text(map, "description", "", ColumnLimits.DESCRIPTION).orElse(null),
                defaultDependentSystem,
                defaultLanguage == null ? null : defaultLanguage.wireName(),
                namedSteps.map(TemplateReader::texts).orElse(null),
                schema(map),
                steps.stream().map(ParsedStep::template).toList(),
                sourceFile,
                sourceText);
    }

    private List<ParsedStep> steps(YamlMap map, StepReader reader) {
        Optional<YamlValue> value = map.get("step_templates");
        if (value.isEmpty()) {
            fields.missing(map, "step_templates", STEPS);
            return List.of();
        }
        if (!(value.get() instanceof YamlList list)) {
            problems.wrongValue(value.get(), "step_templates", STEPS);
            return List.of();
        }
        if (list.items().isEmpty()) {
            problems.add(list.position(), "step_templates", "is empty", STEPS);
        }
        YamlList merged = new StepOverrides(fields).apply(map, list, environment);
        List<ParsedStep> steps = new ArrayList<>();
        for (int i = 0; i < merged.items().size(); i++) {
            reader.read(merged.items().get(i), i).ifPresent(steps::add);
        }
        return steps;
    }

    private JsonNode schema(YamlMap map) {
        return map.get("schema").filter(value -> !(value instanceof YamlScalar scalar && scalar.isNull()))
                .flatMap(new SchemaCheck(problems)::read).orElse(null);
    }

    private static Set<String> names(List<Fields.Located> located) {
        return new LinkedHashSet<>(texts(located));
    }

    private static List<String> texts(List<Fields.Located> located) {
        return located.stream().map(Fields.Located::text).toList();
    }
}

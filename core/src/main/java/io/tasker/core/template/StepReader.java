package io.tasker.core.template;

import io.tasker.core.json.Json;
import io.tasker.core.yaml.YamlList;
import io.tasker.core.yaml.YamlMap;
import io.tasker.core.yaml.YamlValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one entry of {@code step_templates} (TASKER-COMPAT.md §2, step template table). */
final class StepReader {
    static final List<String> KEYS = List.of("name", "handler_class", "description", "dependent_system", "depends_on_step",
            "depends_on_steps", "default_retryable", "default_retry_limit", "skippable", "handler_config", "custom_events",
            "handler_language", "timeout_seconds");
    private static final List<String> CUSTOM_EVENT_KEYS = List.of("name", "description");

    private final Fields fields;
    private final String defaultDependentSystem;
    private final HandlerLanguage defaultLanguage;

    StepReader(Fields fields, String defaultDependentSystem, HandlerLanguage defaultLanguage) {
        this.fields = fields;
        this.defaultDependentSystem = defaultDependentSystem == null ? TaskTemplate.DEFAULT_DEPENDENT_SYSTEM : defaultDependentSystem;
        this.defaultLanguage = defaultLanguage;
    }

    /** Empty when the step has no usable name; its other problems are reported either way. */
    Optional<ParsedStep> read(YamlValue value, int index) {
        String path = "step_templates[" + index + "].";
        Optional<YamlMap> map = fields.mapping(value, "step_templates[" + index + "]", "a mapping with name and handler_class");
        if (map.isEmpty()) {
            return Optional.empty();
        }
        YamlMap step = map.get();
        fields.rejectUnknownKeys(step, KEYS, path);
        Optional<String> name = fields.requiredName(step, "name", path, ColumnLimits.STEP_NAME, "the name of the step");
        List<Fields.Located> dependencies = dependencies(step, path);
        StepTemplate template = template(step, path, name.orElse(null), dependencies);
        return name.map(text -> new ParsedStep(template, located(step, "name", path, text), dependencies));
    }

    private StepTemplate template(YamlMap map, String path, String name, List<Fields.Located> dependencies) {
        Optional<String> handlerClass = fields.requiredName(map, "handler_class", path, ColumnLimits.IDENTIFIER,
                "the class of the step handler, such as Shop::ChargeCardHandler or com.example.ChargeCard");
        return new StepTemplate(
                name,
                handlerClass.orElse(null),
                language(map, path, handlerClass.orElse(null)).wireName(),
                fields.text(map, "description", path, ColumnLimits.DESCRIPTION).orElse(name),
                fields.name(map, "dependent_system", path, ColumnLimits.DEPENDENT_SYSTEM).orElse(defaultDependentSystem),
                dependencies.stream().map(Fields.Located::text).toList(),
                fields.bool(map, "default_retryable", path).orElse(StepTemplate.DEFAULT_RETRYABLE),
                fields.positiveInt(map, "default_retry_limit", path).orElse(StepTemplate.DEFAULT_RETRY_LIMIT),
                fields.bool(map, "skippable", path).orElse(false),
                fields.mapping(map, "handler_config", path, "a mapping").map(c -> Json.freeze(c.toPlain())).orElse(null),
                fields.positiveInt(map, "timeout_seconds", path).orElse(null),
                customEvents(map, path),
                map.position().line());
    }

    private HandlerLanguage language(YamlMap map, String path, String handlerClass) {
        HandlerLanguage explicit = fields.language(map, "handler_language", path).orElse(null);
        return HandlerLanguage.resolve(explicit, defaultLanguage, handlerClass);
    }

    /** {@code depends_on_step} then {@code depends_on_steps}, each parent once. */
    private List<Fields.Located> dependencies(YamlMap map, String path) {
        Map<String, Fields.Located> parents = new LinkedHashMap<>();
        fields.string(map, "depends_on_step", path).ifPresent(parent -> parents.put(parent, located(map, "depends_on_step", path, parent)));
        fields.strings(map, "depends_on_steps", path).orElse(List.of()).forEach(parent -> parents.putIfAbsent(parent.text(), parent));
        return new ArrayList<>(parents.values());
    }

    private static Fields.Located located(YamlMap map, String key, String path, String text) {
        return new Fields.Located(text, map.get(key).orElseThrow().position(), path + key);
    }

    private List<StepTemplate.CustomEvent> customEvents(YamlMap map, String path) {
        List<StepTemplate.CustomEvent> events = new ArrayList<>();
        Optional<YamlList> list = fields.list(map, "custom_events", path, "a list of {name, description} mappings");
        List<YamlValue> items = list.map(YamlList::items).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            String eventPath = path + "custom_events[" + i + "]";
            fields.mapping(items.get(i), eventPath, "a mapping with name and description")
                    .flatMap(event -> customEvent(event, eventPath + "."))
                    .ifPresent(events::add);
        }
        return events;
    }

    private Optional<StepTemplate.CustomEvent> customEvent(YamlMap event, String path) {
        fields.rejectUnknownKeys(event, CUSTOM_EVENT_KEYS, path);
        Optional<String> description = fields.text(event, "description", path, ColumnLimits.DESCRIPTION);
        return fields.requiredName(event, "name", path, ColumnLimits.IDENTIFIER, "the name of the event")
                .map(name -> new StepTemplate.CustomEvent(name, description.orElse(null)));
    }
}

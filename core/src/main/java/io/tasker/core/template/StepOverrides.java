package io.tasker.core.template;

import io.tasker.core.yaml.YamlList;
import io.tasker.core.yaml.YamlMap;
import io.tasker.core.yaml.YamlScalar;
import io.tasker.core.yaml.YamlValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code environments} section: {@code environments.<env>.step_templates} entries are merged into the
 * step templates of the same name, as Tasker's {@code TaskBuilder} does for {@code Rails.env} (hashes deep
 * merged, other values replaced, names that match no step ignored). Every environment's section is checked,
 * not only the selected one, so that a mistake shows before the day it is deployed there.
 */
final class StepOverrides {
    private static final List<String> ENVIRONMENT_KEYS = List.of("step_templates");

    private final Fields fields;

    StepOverrides(Fields fields) {
        this.fields = fields;
    }

    /** The step templates with the overrides of {@code environment} merged in. */
    YamlList apply(YamlMap root, YamlList steps, String environment) {
        Optional<YamlMap> environments = fields.mapping(root, "environments", "", "a mapping from environment name to overrides");
        List<YamlMap> selected = new ArrayList<>();
        environments.ifPresent(envs -> envs.entries().forEach(env -> {
            List<YamlMap> overrides = overrides(env);
            if (env.key().equals(environment)) {
                selected.addAll(overrides);
            }
        }));
        List<YamlValue> merged = new ArrayList<>(steps.items());
        selected.forEach(override -> merge(merged, override));
        return new YamlList(merged, steps.position());
    }

    private List<YamlMap> overrides(YamlMap.Entry environment) {
        String path = "environments." + environment.key();
        if (environment.value() instanceof YamlScalar scalar && scalar.isNull()) {
            return List.of();
        }
        Optional<YamlMap> section = fields.mapping(environment.value(), path, "a mapping with step_templates");
        section.ifPresent(s -> fields.rejectUnknownKeys(s, ENVIRONMENT_KEYS, path + "."));
        Optional<YamlList> list = section.flatMap(s -> fields.list(s, "step_templates", path + ".", "a list of {name, ...overrides}"));
        List<YamlMap> overrides = new ArrayList<>();
        List<YamlValue> items = list.map(YamlList::items).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            override(items.get(i), path + ".step_templates[" + i + "]").ifPresent(overrides::add);
        }
        return overrides;
    }

    /** An override with a name and only step template keys; unknown keys are reported here and not merged. */
    private Optional<YamlMap> override(YamlValue value, String field) {
        return fields.mapping(value, field, "a mapping with the name of the step and the keys to override").flatMap(map -> {
            fields.rejectUnknownKeys(map, StepReader.KEYS, field + ".");
            List<YamlMap.Entry> known = map.entries().stream().filter(e -> StepReader.KEYS.contains(e.key())).toList();
            return fields.requiredName(map, "name", field + ".", ColumnLimits.STEP_NAME, "the name of the step to override")
                    .map(name -> new YamlMap(known, map.position()));
        });
    }

    private static void merge(List<YamlValue> steps, YamlMap override) {
        String name = (String) ((YamlScalar) override.get("name").orElseThrow()).value();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof YamlMap step && hasName(step, name)) {
                steps.set(i, step.deepMerge(withoutName(override)));
            }
        }
    }

    private static boolean hasName(YamlMap step, String name) {
        return step.get("name").filter(n -> n instanceof YamlScalar s && name.equals(s.value())).isPresent();
    }

    private static YamlMap withoutName(YamlMap override) {
        return new YamlMap(override.entries().stream().filter(e -> !e.key().equals("name")).toList(), override.position());
    }
}

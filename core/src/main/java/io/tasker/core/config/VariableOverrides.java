package io.tasker.core.config;

import io.tasker.core.template.HandlerLanguage;
import io.tasker.core.yaml.Position;
import io.tasker.core.yaml.Problems;
import io.tasker.core.yaml.YamlMap;
import io.tasker.core.yaml.YamlScalar;
import io.tasker.core.yaml.YamlValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code TASKER_<SECTION>_<KEY>} environment variables as one more layer of configuration. A variable that
 * starts like a section ({@code TASKER_DATABASE_...}) but names no setting is an error, because a typo
 * there would otherwise be silently ignored. Handler settings can be overridden when a file defines them,
 * since their type is only known from the value they replace.
 */
final class VariableOverrides {
    /** Read by the launcher and the loader themselves, never mapped to a setting. */
    static final Set<String> LAUNCHER_VARIABLES = Set.of("TASKER_ENV", "TASKER_CONFIG", "TASKER_HOME", "TASKER_JAVA_OPTS");
    private static final String PREFIX = "TASKER_";

    private final Problems problems;

    VariableOverrides(Problems problems) {
        this.problems = problems;
    }

    /** @param files the configuration merged from the files, for the handler settings that exist */
    YamlMap layer(Map<String, String> variables, YamlMap files) {
        YamlMap layer = new YamlMap(List.of(), Position.of("environment variables"));
        for (Map.Entry<String, String> variable : new TreeMap<>(variables).entrySet()) {
            if (variable.getKey().startsWith(PREFIX) && !LAUNCHER_VARIABLES.contains(variable.getKey())) {
                Optional<YamlMap> override = override(variable.getKey(), variable.getValue(), files);
                if (override.isPresent()) {
                    layer = layer.deepMerge(override.get());
                }
            }
        }
        return layer;
    }

    private Optional<YamlMap> override(String name, String text, YamlMap files) {
        Position position = Position.of("environment variable " + name);
        Optional<Setting> setting = Settings.byVariable(name).or(() -> handlerSetting(name, files));
        if (setting.isEmpty()) {
            reportIfItLooksLikeASetting(name, position, files);
            return Optional.empty();
        }
        YamlValue value = setting.get().type().fromVariable(text, position);
        if (!setting.get().type().accepts(value)) {
            problems.add(position, setting.get().path(), "got " + describe(text), setting.get().type().expected());
            return Optional.empty();
        }
        return Optional.of(nested(setting.get().path().split("\\."), value, position));
    }

    /** A key under {@code handlers.<language>} that a file defines, typed like the value there. */
    private static Optional<Setting> handlerSetting(String name, YamlMap files) {
        for (String language : HandlerLanguage.wireNames()) {
            for (YamlMap.Entry entry : handlerKeys(files, language)) {
                String path = Settings.HANDLERS + "." + language + "." + entry.key();
                if (Setting.variableFor(path).equals(name)) {
                    return typeLike(entry.value()).map(type -> new Setting(path, type));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<ValueType> typeLike(YamlValue existing) {
        if (!(existing instanceof YamlScalar scalar)) {
            return Optional.empty();
        }
        return Optional.of(switch (scalar.value()) {
            case Boolean flag -> new ValueType.Flag();
            case Long number -> new ValueType.Int(Integer.MIN_VALUE, Integer.MAX_VALUE);
            case Double number -> new ValueType.Decimal(-Double.MAX_VALUE, Double.MAX_VALUE);
            case null, default -> new ValueType.Text(true, text -> true, "a string");
        });
    }

    private void reportIfItLooksLikeASetting(String name, Position position, YamlMap files) {
        for (String section : Settings.SECTIONS) {
            if (name.startsWith(Setting.variableFor(section) + "_")) {
                problems.add(position, null, "names no setting", "one of " + String.join(", ", variablesOf(section, files)));
                return;
            }
        }
    }

    private static List<String> variablesOf(String section, YamlMap files) {
        if (!section.equals(Settings.HANDLERS)) {
            return Settings.under(section).stream().map(Setting::variable).toList();
        }
        return HandlerLanguage.wireNames().stream()
                .flatMap(language -> handlerKeys(files, language).stream()
                        .map(entry -> Setting.variableFor(Settings.HANDLERS + "." + language + "." + entry.key())))
                .toList();
    }

    private static List<YamlMap.Entry> handlerKeys(YamlMap files, String language) {
        return files.get(Settings.HANDLERS)
                .flatMap(handlers -> handlers instanceof YamlMap map ? map.get(language) : Optional.empty())
                .map(settings -> settings instanceof YamlMap map ? map.entries() : List.<YamlMap.Entry>of())
                .orElse(List.of());
    }

    private static YamlMap nested(String[] path, YamlValue value, Position position) {
        YamlValue inner = value;
        for (int i = path.length - 1; i >= 0; i--) {
            inner = new YamlMap(List.of(new YamlMap.Entry(path[i], position, inner)), position);
        }
        return (YamlMap) inner;
    }

    private static String describe(String text) {
        return text.isEmpty() ? "an empty value" : "\"" + text + "\"";
    }
}

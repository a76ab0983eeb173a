package io.tasker.core.config;

import io.tasker.core.template.TemplateLoader;
import io.tasker.core.yaml.Position;
import io.tasker.core.yaml.Problems;
import io.tasker.core.yaml.YamlMap;
import io.tasker.core.yaml.YamlParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the configuration, each source over the one before (the header of {@code config/tasker-core.yaml}
 * documents the order): the defaults on the classpath and their {@code environments.<TASKER_ENV>} section,
 * a user file and its section, then {@code TASKER_*} variables. Strict: every problem of every source is
 * collected and thrown as one {@link ConfigException}. The environment is passed in, never read here, except
 * by {@link #fromSystem()}.
 */
public final class ConfigLoader {
    /** Where the module {@code config} packages {@code tasker-core.yaml}. */
    public static final String DEFAULTS_RESOURCE = "io/tasker/config/tasker-core.yaml";
    public static final String ENVIRONMENT_VARIABLE = "TASKER_ENV";
    public static final String CONFIG_FILE_VARIABLE = "TASKER_CONFIG";
    public static final String DEFAULT_ENVIRONMENT = TemplateLoader.DEFAULT_ENVIRONMENT;

    private ConfigLoader() {
    }

    /** The defaults of {@code tasker-core.yaml}, without a user file or variables. */
    public static TaskerConfig defaults() {
        return Defaults.CONFIG;
    }

    /** Reads the process environment: {@code TASKER_CONFIG} names the user file, if any. */
    public static TaskerConfig fromSystem() {
        return load(null, System.getenv());
    }

    /**
     * @param userFile the user's file (e.g. from {@code --config}); when null, the file named by
     *     {@code TASKER_CONFIG} in {@code environment}; when neither, none
     * @param environment the process environment, or any map standing for it
     * @throws ConfigException listing every problem
     */
    public static TaskerConfig load(Path userFile, Map<String, String> environment) {
        Problems problems = new Problems();
        String selected = environmentName(environment);
        List<YamlMap> layers = new ArrayList<>(fileLayers(defaultsText(), "classpath:" + DEFAULTS_RESOURCE, selected, problems));
        userFile(userFile, environment).ifPresent(file -> read(file, problems)
                .ifPresent(text -> layers.addAll(fileLayers(text, file.toString(), selected, problems))));
        YamlMap files = merge(layers);
        YamlMap merged = files.deepMerge(new VariableOverrides(problems).layer(environment, files));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.list());
        }
        return new ConfigBinder(merged).bind();
    }

    /** {@code TASKER_ENV}, or {@value #DEFAULT_ENVIRONMENT} when it is not set: selects {@code environments} sections. */
    public static String environmentName(Map<String, String> environment) {
        String name = environment.get(ENVIRONMENT_VARIABLE);
        return name == null || name.isBlank() ? DEFAULT_ENVIRONMENT : name.strip();
    }

    private static Optional<Path> userFile(Path given, Map<String, String> environment) {
        if (given != null) {
            return Optional.of(given);
        }
        String named = environment.get(CONFIG_FILE_VARIABLE);
        return named == null || named.isBlank() ? Optional.empty() : Optional.of(Path.of(named.strip()));
    }

    private static List<YamlMap> fileLayers(String text, String source, String environment, Problems problems) {
        List<YamlMap> layers = new ArrayList<>();
        YamlParser.parse(text, source, problems).map(root -> new FileLayer(problems).check(root, environment)).ifPresent(checked -> {
            layers.add(checked.base());
            checked.environment().ifPresent(layers::add);
        });
        return layers;
    }

    private static YamlMap merge(List<YamlMap> layers) {
        YamlMap merged = new YamlMap(List.of(), Position.of("configuration"));
        for (YamlMap layer : layers) {
            merged = merged.deepMerge(layer);
        }
        return merged;
    }

    private static Optional<String> read(Path file, Problems problems) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            problems.add(Position.of(file.toString()), null,
                    "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", "a readable UTF-8 YAML file");
            return Optional.empty();
        }
    }

    private static String defaultsText() {
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS_RESOURCE + " is not on the class path; it ships in the tasker-config jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS_RESOURCE, e);
        }
    }

    /** Read once: the defaults never change while the JVM runs. */
    private static final class Defaults {
        static final TaskerConfig CONFIG = load(null, Map.of());
    }
}

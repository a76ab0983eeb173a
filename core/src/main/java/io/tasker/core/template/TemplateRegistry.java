package io.tasker.core.template;

import io.tasker.core.yaml.Position;
import io.tasker.core.yaml.Problem;
import io.tasker.core.yaml.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The task templates known to an engine, keyed by (namespace, name, version): the same name may exist in
 * several namespaces and versions. Thread-safe; lookups read an immutable snapshot without locking, and a
 * directory is registered all at once or not at all.
 */
public final class TemplateRegistry {
    private static final Comparator<TemplateKey> KEY_ORDER = Comparator.comparing(TemplateKey::namespace)
            .thenComparing(TemplateKey::name).thenComparing(TemplateKey::version);

    private volatile Map<TemplateKey, TaskTemplate> templates = Map.of();

    /**
     * Adds a template; registering an equal template again changes nothing.
     *
     * @throws TemplateException when a different template has the same key, or when a template built in code
     *     has duplicate step names, unknown dependencies or a cycle
     */
    public synchronized void register(TaskTemplate template) {
        registerAll(List.of(template));
    }

    /** Adds a template or replaces the one with the same key (a new revision of a template under development). */
    public synchronized void replace(TaskTemplate template) {
        throwIfAny(TemplateChecks.graphProblems(template));
        Map<TemplateKey, TaskTemplate> next = new HashMap<>(templates);
        next.put(template.key(), template);
        templates = Map.copyOf(next);
    }

    public Optional<TaskTemplate> find(TemplateKey key) {
        return Optional.ofNullable(templates.get(key));
    }

    public Optional<TaskTemplate> find(String namespace, String name, String version) {
        return find(new TemplateKey(namespace, name, version));
    }

    /** @throws TemplateNotFoundException naming the templates registered with that name, if any */
    public TaskTemplate get(TemplateKey key) {
        return find(key).orElseThrow(() -> new TemplateNotFoundException(key, notFoundMessage(key)));
    }

    public TaskTemplate get(String namespace, String name, String version) {
        return get(new TemplateKey(namespace, name, version));
    }

    /** Every template, ordered by namespace, name and version. */
    public List<TaskTemplate> all() {
        return templates.values().stream().sorted(Comparator.comparing(TaskTemplate::key, KEY_ORDER)).toList();
    }

    /**
     * Loads every {@code *.yaml} and {@code *.yml} file under {@code directory}, recursively, and registers
     * them together.
     *
     * @return the templates loaded, in file order
     * @throws TemplateException with the problems of every file (and keys defined twice); nothing is
     *     registered then
     */
    public synchronized List<TaskTemplate> loadDirectory(Path directory, TemplateLoader loader) {
        Problems problems = new Problems();
        List<TaskTemplate> loaded = new ArrayList<>();
        for (Path file : templateFiles(directory)) {
            try {
                loaded.add(loader.load(file));
            } catch (TemplateException e) {
                problems.addAll(e.problems());
            }
        }
        Map<TemplateKey, TaskTemplate> next = withAdded(loaded, problems);
        throwIfAny(problems.list());
        templates = next;
        return loaded;
    }

    private void registerAll(List<TaskTemplate> candidates) {
        Problems problems = new Problems();
        Map<TemplateKey, TaskTemplate> next = withAdded(candidates, problems);
        throwIfAny(problems.list());
        templates = next;
    }

    /** The registered templates and the candidates, reporting candidates that break a rule or take a taken key. */
    private Map<TemplateKey, TaskTemplate> withAdded(List<TaskTemplate> candidates, Problems problems) {
        Map<TemplateKey, TaskTemplate> next = new LinkedHashMap<>(templates);
        for (TaskTemplate template : candidates) {
            problems.addAll(TemplateChecks.graphProblems(template));
            TaskTemplate existing = next.putIfAbsent(template.key(), template);
            if (existing != null && !existing.equals(template)) {
                problems.add(TemplateChecks.positionOf(template), "name", "task template " + template.key()
                        + " is already registered from " + TemplateChecks.sourceOf(existing), "a unique (namespace_name, name, version)");
            }
        }
        return Map.copyOf(next);
    }

    private static List<Path> templateFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new TemplateException(List.of(new Problem(Position.of(directory.toString()), null,
                    "is not a directory", "a directory of *.yaml or *.yml task templates")));
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).filter(TemplateRegistry::isYaml).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the templates in " + directory, e);
        }
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static void throwIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new TemplateException(problems);
        }
    }

    private String notFoundMessage(TemplateKey key) {
        List<String> sameName = templates.keySet().stream().filter(k -> k.name().equals(key.name()))
                .sorted(KEY_ORDER).map(TemplateKey::toString).toList();
        if (!sameName.isEmpty()) {
            return "no task template " + key + " is registered; with the name \"" + key.name() + "\" there are: "
                    + String.join(", ", sameName);
        }
        String registered = templates.keySet().stream().sorted(KEY_ORDER).map(TemplateKey::toString).collect(Collectors.joining(", "));
        return "no task template named \"" + key.name() + "\" is registered (registered: "
                + (registered.isEmpty() ? "none" : registered) + ")";
    }
}

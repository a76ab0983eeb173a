package io.tasker.core.engine;

import io.tasker.core.handler.HandlerEnvironment;
import io.tasker.core.handler.HandlerResolutionException;
import io.tasker.core.handler.HandlerSpec;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepHandlerFactory;
import io.tasker.core.handler.TaskHandlerSpec;
import io.tasker.core.handler.TaskHooks;
import io.tasker.core.template.HandlerLanguage;
import io.tasker.core.template.StepTemplate;
import io.tasker.core.template.TaskTemplate;
import io.tasker.core.template.TemplateKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The step handlers of registered templates, resolved once per template step through the
 * {@link StepHandlerFactory} of the step's language. Factories come from {@link ServiceLoader}, so the
 * engine runs Java-only when the polyglot bridge is not on the class path. A template's {@code task_handler_class}
 * may give it task-level hooks ({@link TaskHooks}), asked of the factories of the languages its steps use.
 */
final class HandlerRegistry implements AutoCloseable {
    private final Map<String, StepHandlerFactory> factories = new HashMap<>();
    private final Map<TemplateKey, StepHandler[]> handlers = new ConcurrentHashMap<>();
    private final Map<TemplateKey, TemplateHooks> taskHooks = new ConcurrentHashMap<>();
    private final Set<String> annotatingTasks = ConcurrentHashMap.newKeySet();
    private Runnable onFirstAnnotatingTask;

    HandlerRegistry(List<StepHandlerFactory> factories, HandlerEnvironment environment) {
        for (StepHandlerFactory factory : factories) {
            this.factories.putIfAbsent(factory.language(), factory);
        }
        this.factories.values().forEach(f -> f.start(environment));
    }

    static List<StepHandlerFactory> discovered() {
        List<StepHandlerFactory> found = new ArrayList<>();
        ServiceLoader.load(StepHandlerFactory.class).forEach(found::add);
        return found;
    }

    /** Resolves every step handler of the template now, so a missing class fails before any task runs. */
    void resolve(TaskTemplate template) throws HandlerResolutionException {
        if (handlers.containsKey(template.key())) {
            return;
        }
        List<StepTemplate> steps = template.stepTemplates();
        StepHandler[] resolved = new StepHandler[steps.size()];
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            try {
                resolved[i] = create(template, steps.get(i));
            } catch (HandlerResolutionException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new HandlerResolutionException(String.join("\n", problems));
        }
        resolveTaskHooks(template);
        handlers.put(template.key(), resolved);
    }

    /** The task-level hooks of a registered template, if its task handler class defines any. */
    Optional<TemplateHooks> taskHooks(TemplateKey key) {
        return Optional.ofNullable(taskHooks.get(key));
    }

    /** Whether a template with this task name has an {@code update_annotations} hook (events carry the name only). */
    boolean annotates(String taskName) {
        return annotatingTasks.contains(taskName);
    }

    /**
     * Runs {@code action} once, when the first template with an {@code update_annotations} hook is resolved (now, if
     * one already is): the engine then starts listening to completions, and not before, since events cost work on
     * every transition.
     */
    synchronized void whenFirstAnnotatingTask(Runnable action) {
        if (annotatingTasks.isEmpty()) {
            onFirstAnnotatingTask = action;
        } else {
            action.run();
        }
    }

    private void resolveTaskHooks(TaskTemplate template) throws HandlerResolutionException {
        if (template.taskHandlerClass() == null) {
            return;
        }
        TaskHandlerSpec spec = new TaskHandlerSpec(template.namespace(), template.name(), template.version(),
                template.taskHandlerClass(), template.moduleNamespace(), template.sourceFile());
        for (String language : languagesOf(template)) {
            StepHandlerFactory factory = factories.get(language);
            Optional<TaskHooks> found = factory == null ? Optional.empty() : factory.taskHooks(spec);
            if (found.isPresent()) {
                remember(template, new TemplateHooks(qualifiedName(spec, language), found.get()));
                return;
            }
        }
    }

    /** The languages the template's steps use, Ruby first: no runtime starts that the template does not need anyway. */
    private static List<String> languagesOf(TaskTemplate template) {
        Set<String> used = template.stepTemplates().stream().map(StepTemplate::handlerLanguage)
                .collect(Collectors.toSet());
        return HandlerLanguage.wireNames().stream().filter(used::contains).toList();
    }

    private static String qualifiedName(TaskHandlerSpec spec, String language) {
        if (spec.moduleNamespace() == null) {
            return spec.taskHandlerClass();
        }
        String separator = HandlerLanguage.RUBY.wireName().equals(language) ? "::" : ".";
        return spec.moduleNamespace() + separator + spec.taskHandlerClass();
    }

    private void remember(TaskTemplate template, TemplateHooks hooks) {
        taskHooks.put(template.key(), hooks);
        if (hooks.defines(TaskHooks.Hook.UPDATE_ANNOTATIONS)) {
            Runnable first;
            synchronized (this) {
                first = annotatingTasks.isEmpty() ? onFirstAnnotatingTask : null;
                annotatingTasks.add(template.name());
                onFirstAnnotatingTask = null;
            }
            if (first != null) {
                first.run();
            }
        }
    }

    private StepHandler create(TaskTemplate template, StepTemplate step) throws HandlerResolutionException {
        StepHandlerFactory factory = factories.get(step.handlerLanguage());
        if (factory == null) {
            throw new HandlerResolutionException("step '" + step.name() + "' of task '" + template.name()
                    + "' is written in " + step.handlerLanguage() + ", but no handler factory for it is installed"
                    + " (installed: " + String.join(", ", factories.keySet()) + ")");
        }
        return factory.create(new HandlerSpec(template.name(), step.name(), step.handlerClass(),
                step.handlerLanguage(), step.handlerConfig(), template.sourceFile()));
    }

    /** The handlers of a registered template, by step index; looked up once per loaded task. */
    StepHandler[] handlers(TemplateKey key) {
        StepHandler[] resolved = handlers.get(key);
        if (resolved == null) {
            throw new IllegalStateException("handlers of " + key + " were not resolved");
        }
        return resolved;
    }

    @Override
    public void close() {
        factories.values().forEach(StepHandlerFactory::close);
    }
}

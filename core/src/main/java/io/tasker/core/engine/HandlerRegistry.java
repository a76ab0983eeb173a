package io.tasker.core.engine;

import io.tasker.core.handler.HandlerEnvironment;
import io.tasker.core.handler.HandlerResolutionException;
import io.tasker.core.handler.HandlerSpec;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepHandlerFactory;
import io.tasker.core.template.StepTemplate;
import io.tasker.core.template.TaskTemplate;
import io.tasker.core.template.TemplateKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The step handlers of registered templates, resolved once per template step through the
 * {@link StepHandlerFactory} of the step's language. Factories come from {@link ServiceLoader}, so the
 * engine runs Java-only when the polyglot bridge is not on the class path.
 */
final class HandlerRegistry implements AutoCloseable {
    private final Map<String, StepHandlerFactory> factories = new HashMap<>();
    private final Map<TemplateKey, StepHandler[]> handlers = new ConcurrentHashMap<>();

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
        handlers.put(template.key(), resolved);
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

package io.tasker.cli.validate;

import io.tasker.core.config.TaskerConfig;
import io.tasker.core.handler.HandlerEnvironment;
import io.tasker.core.handler.HandlerResolutionException;
import io.tasker.core.handler.HandlerSpec;
import io.tasker.core.handler.StepHandlerFactory;
import io.tasker.core.template.StepTemplate;
import io.tasker.core.template.TaskTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Builds the handler of every step the way the engine would — through the {@link StepHandlerFactory} of the
 * step's language, found with {@link ServiceLoader} — but without an engine or a database, and collects every
 * step whose handler cannot be built instead of stopping at the first.
 */
final class HandlerCheck implements AutoCloseable {

    private final Map<String, StepHandlerFactory> factories = new LinkedHashMap<>();

    HandlerCheck(List<Path> handlerRoots, TaskerConfig config, String environmentName) {
        ServiceLoader.load(StepHandlerFactory.class).forEach(factory -> factories.putIfAbsent(factory.language(), factory));
        HandlerEnvironment environment = new HandlerEnvironment(handlerRoots, Map.copyOf(config.handlers()),
                new NoEngineServices(), environmentName);
        factories.values().forEach(factory -> factory.start(environment));
    }

    /** One line per step whose handler cannot be built: {@code file:line: what is wrong}. */
    List<String> problems(TaskTemplate template) {
        List<String> problems = new ArrayList<>();
        for (StepTemplate step : template.stepTemplates()) {
            try {
                build(template, step);
            } catch (HandlerResolutionException e) {
                problems.add(template.sourceFile() + ":" + step.line() + ": " + e.getMessage());
            }
        }
        return problems;
    }

    private void build(TaskTemplate template, StepTemplate step) throws HandlerResolutionException {
        StepHandlerFactory factory = factories.get(step.handlerLanguage());
        if (factory == null) {
            throw new HandlerResolutionException("step '" + step.name() + "' is written in " + step.handlerLanguage()
                    + ", but no handler factory for it is installed (installed: " + String.join(", ", factories.keySet()) + ")");
        }
        factory.create(new HandlerSpec(template.name(), step.name(), step.handlerClass(), step.handlerLanguage(),
                step.handlerConfig(), template.sourceFile()));
    }

    @Override
    public void close() {
        factories.values().forEach(StepHandlerFactory::close);
    }
}

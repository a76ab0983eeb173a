package io.tasker.core.handler;

import io.tasker.core.config.ConfigLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the engine gives every {@link StepHandlerFactory} when it starts: the handler roots from
 * {@code --handlers}, the deployment's per-language settings ({@code handlers.<language>} in the
 * configuration), the engine services that guest code may reach through its handle, and the name of the
 * environment ({@code TASKER_ENV}) that guest frameworks report (Ruby's {@code Rails.env}).
 */
public record HandlerEnvironment(List<Path> handlerRoots, Map<String, Object> languageSettings, EngineServices services,
                                 String environmentName) {
    public HandlerEnvironment {
        handlerRoots = List.copyOf(handlerRoots);
        languageSettings = languageSettings == null ? Map.of() : Map.copyOf(languageSettings);
        environmentName = environmentName == null || environmentName.isBlank()
                ? ConfigLoader.DEFAULT_ENVIRONMENT : environmentName.strip();
    }

    /** An environment in the default {@code TASKER_ENV} ({@value ConfigLoader#DEFAULT_ENVIRONMENT}). */
    public HandlerEnvironment(List<Path> handlerRoots, Map<String, Object> languageSettings, EngineServices services) {
        this(handlerRoots, languageSettings, services, ConfigLoader.DEFAULT_ENVIRONMENT);
    }
}

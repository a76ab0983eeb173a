package io.tasker.core.handler;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the engine gives every {@link StepHandlerFactory} when it starts: the handler roots from
 * {@code --handlers}, the deployment's per-language settings ({@code handlers.<language>} in the
 * configuration), and the engine services that guest code may reach through its handle.
 */
public record HandlerEnvironment(List<Path> handlerRoots, Map<String, Object> languageSettings, EngineServices services) {
    public HandlerEnvironment {
        handlerRoots = List.copyOf(handlerRoots);
        languageSettings = languageSettings == null ? Map.of() : Map.copyOf(languageSettings);
    }
}

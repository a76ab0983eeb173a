package io.tasker.core.handler;

import java.nio.file.Path;

/**
 * What a {@link StepHandlerFactory} needs to build the handler of one step template: the class name as
 * written in the template, its language, the step's {@code handler_config}, and where the template came from.
 */
public record HandlerSpec(
        String taskName, String stepName, String handlerClass, String language, Object handlerConfig, Path templateFile) {
}

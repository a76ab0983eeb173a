package io.tasker.core.handler;

import java.nio.file.Path;

/**
 * What a {@link StepHandlerFactory} needs to find the task handler class of a template: the template's key,
 * its {@code task_handler_class} and {@code module_namespace} as written, and the file it came from.
 *
 * @param moduleNamespace the template's {@code module_namespace}, or null
 * @param templateFile null when the template was built in code
 */
public record TaskHandlerSpec(String namespace, String taskName, String version, String taskHandlerClass,
                              String moduleNamespace, Path templateFile) {
}

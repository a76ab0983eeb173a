package io.tasker.core.template;

import java.util.List;

/**
 * One step of a task template (TASKER-COMPAT.md §2, step template table).
 *
 * @param handlerLanguage resolved: explicit {@code handler_language}, else the template's
 *     {@code default_handler_language}, else {@code ruby} when the class name contains {@code ::}, else {@code java}
 * @param dependsOn {@code depends_on_step} ∪ {@code depends_on_steps}, in that order, without duplicates
 * @param handlerConfig the {@code handler_config} value as plain JSON-shaped Java data, or null
 * @param timeoutSeconds {@code timeout_seconds}, or null for the configured default
 * @param line the line of the step in its YAML file (0 when built in code), for error messages
 */
public record StepTemplate(
        String name,
        String handlerClass,
        String handlerLanguage,
        String description,
        String dependentSystem,
        List<String> dependsOn,
        boolean retryable,
        int retryLimit,
        boolean skippable,
        Object handlerConfig,
        Integer timeoutSeconds,
        List<CustomEvent> customEvents,
        int line) {

    public static final boolean DEFAULT_RETRYABLE = true;
    public static final int DEFAULT_RETRY_LIMIT = 3;

    public StepTemplate {
        dependsOn = List.copyOf(dependsOn);
        customEvents = customEvents == null ? List.of() : List.copyOf(customEvents);
    }

    /** The same step with other defaults for its workflow steps (what a task handler's hook may change). */
    public StepTemplate withDefaults(boolean newRetryable, int newRetryLimit, boolean newSkippable) {
        return new StepTemplate(name, handlerClass, handlerLanguage, description, dependentSystem, dependsOn,
                newRetryable, newRetryLimit, newSkippable, handlerConfig, timeoutSeconds, customEvents, line);
    }

    /** A custom event declared by a step template ({@code custom_events: [{name, description}]}). */
    public record CustomEvent(String name, String description) {
    }
}

package io.tasker.core.config;

import java.util.Map;

/**
 * The whole configuration, immutable once loaded. {@code config/tasker-core.yaml} documents every key
 * and its default; {@link ConfigLoader} reads that file, a user file and {@code TASKER_*} overrides.
 *
 * @param handlers per-language settings ({@code handlers.ruby}, {@code handlers.python}, ...) handed to
 *     the handler factories as they are
 */
public record TaskerConfig(
        BackoffConfig backoff,
        ExecutionConfig execution,
        DatabaseConfig database,
        EngineConfig engine,
        Map<String, Map<String, Object>> handlers) {

    public TaskerConfig {
        handlers = handlers == null ? Map.of() : Map.copyOf(handlers);
    }

    /** Every setting at the default documented in {@code config/tasker-core.yaml}. */
    public static TaskerConfig defaults() {
        return ConfigLoader.defaults();
    }
}

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
        Map<String, Map<String, Object>> handlers,
        WorkerConfig worker) {

    public TaskerConfig {
        handlers = handlers == null ? Map.of() : Map.copyOf(handlers);
        worker = worker == null ? WorkerConfig.DEFAULTS : worker;
    }

    /** A configuration with the default worker settings. */
    public TaskerConfig(BackoffConfig backoff, ExecutionConfig execution, DatabaseConfig database, EngineConfig engine,
                        Map<String, Map<String, Object>> handlers) {
        this(backoff, execution, database, engine, handlers, WorkerConfig.DEFAULTS);
    }

    public TaskerConfig withWorker(WorkerConfig changed) {
        return new TaskerConfig(backoff, execution, database, engine, handlers, changed);
    }

    public TaskerConfig withExecution(ExecutionConfig changed) {
        return new TaskerConfig(backoff, changed, database, engine, handlers, worker);
    }

    /** Every setting at the default documented in {@code config/tasker-core.yaml}. */
    public static TaskerConfig defaults() {
        return ConfigLoader.defaults();
    }
}

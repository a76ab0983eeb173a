package io.tasker.core.config;

import io.tasker.core.json.Json;
import io.tasker.core.yaml.YamlMap;
import io.tasker.core.yaml.YamlValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns the merged, already checked configuration into the immutable records. */
final class ConfigBinder {
    private final YamlMap merged;

    ConfigBinder(YamlMap merged) {
        this.merged = merged;
    }

    TaskerConfig bind() {
        return new TaskerConfig(backoff(), execution(), database(), engine(), handlers(), worker());
    }

    private BackoffConfig backoff() {
        return new BackoffConfig(
                integers("backoff.default_backoff_seconds"),
                integer("backoff.max_backoff_seconds"),
                decimal("backoff.backoff_multiplier"),
                flag("backoff.jitter_enabled"),
                decimal("backoff.jitter_max_percentage"));
    }

    private ExecutionConfig execution() {
        return new ExecutionConfig(
                integer("execution.max_concurrent_steps"),
                integer("execution.default_step_timeout_seconds"),
                integer("execution.max_apply_batch"),
                integer("execution.max_result_bytes"),
                integer("execution.orchestrator_threads"));
    }

    private DatabaseConfig database() {
        return new DatabaseConfig(
                text("database.url"),
                text("database.username"),
                text("database.password"),
                integer("database.pool_size"),
                integer("database.connect_timeout_seconds"),
                integer("database.statement_timeout_seconds"),
                text("database.embedded_data_directory"),
                flag("database.embedded_fsync"));
    }

    private EngineConfig engine() {
        return new EngineConfig(
                EngineConfig.IdentityStrategy.valueOf(text("engine.identity_strategy").toUpperCase(Locale.ROOT)),
                flag("engine.strict_context_validation"));
    }

    private WorkerConfig worker() {
        int lease = integer("worker.lease_seconds");
        int heartbeat = integer("worker.heartbeat_seconds");
        if (heartbeat * 2 > lease) {
            throw new ConfigException(List.of(new io.tasker.core.yaml.Problem(
                    io.tasker.core.yaml.Position.of("configuration"), "worker.heartbeat_seconds",
                    "is " + heartbeat + ", more than half of worker.lease_seconds (" + lease + ")",
                    "at most " + lease / 2 + ", so that a lease is renewed at least twice before it can expire")));
        }
        return new WorkerConfig(
                integer("worker.lease_seconds"),
                integer("worker.heartbeat_seconds"),
                integer("worker.claim_batch_size"),
                integer("worker.max_owned_tasks"),
                integer("worker.poll_interval_ms"),
                integer("worker.shutdown_grace_seconds"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> handlers() {
        Map<String, Map<String, Object>> handlers = new LinkedHashMap<>();
        valueAt(Settings.HANDLERS).map(v -> ((YamlMap) v).entries()).orElse(List.of())
                .forEach(e -> handlers.put(e.key(), (Map<String, Object>) Json.freeze(e.value().toPlain())));
        return handlers;
    }

    private int integer(String path) {
        return (Integer) value(path);
    }

    private double decimal(String path) {
        return (Double) value(path);
    }

    private boolean flag(String path) {
        return (Boolean) value(path);
    }

    private String text(String path) {
        return (String) value(path);
    }

    @SuppressWarnings("unchecked")
    private List<Integer> integers(String path) {
        return (List<Integer>) value(path);
    }

    private Object value(String path) {
        YamlValue value = valueAt(path).orElseThrow(() ->
                new IllegalStateException("the default configuration " + ConfigLoader.DEFAULTS_RESOURCE + " has no " + path));
        return Settings.required(path).type().convert(value);
    }

    private Optional<YamlValue> valueAt(String path) {
        Optional<YamlValue> current = Optional.of(merged);
        for (String key : path.split("\\.")) {
            current = current.flatMap(value -> value instanceof YamlMap map ? map.get(key) : Optional.empty());
        }
        return current;
    }
}

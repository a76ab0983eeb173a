package io.tasker.core.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request for a new task (Tasker's {@code TaskRequest}, TASKER-COMPAT.md §5) plus an optional explicit
 * idempotency key: a repeated key returns the task it already names.
 *
 * @param requestedAt null for "now" by the engine's clock
 */
public record TaskRequest(
        String namespace,
        String name,
        String version,
        Map<String, Object> context,
        String initiator,
        String sourceSystem,
        String reason,
        List<String> tags,
        List<String> bypassSteps,
        String idempotencyKey,
        int priority,
        Instant requestedAt) {

    public static final String UNKNOWN = "unknown";

    public TaskRequest {
        context = context == null ? Map.of() : context;
        initiator = initiator == null ? UNKNOWN : initiator;
        sourceSystem = sourceSystem == null ? UNKNOWN : sourceSystem;
        reason = reason == null ? UNKNOWN : reason;
        tags = tags == null ? List.of() : List.copyOf(tags);
        bypassSteps = bypassSteps == null ? List.of() : List.copyOf(bypassSteps);
    }

    /** A request with Tasker's defaults for everything but the template and the context. */
    public static TaskRequest of(String namespace, String name, String version, Map<String, Object> context) {
        return new TaskRequest(namespace, name, version, context, null, null, null, null, null, null, 0, null);
    }

    public TaskRequest withIdempotencyKey(String key) {
        return new TaskRequest(namespace, name, version, context, initiator, sourceSystem, reason, tags, bypassSteps,
                key, priority, requestedAt);
    }
}

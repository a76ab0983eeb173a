package io.tasker.core.events;

import java.time.Instant;
import java.util.Map;

/**
 * A lifecycle event with Tasker's name (TASKER-COMPAT.md §4), e.g. {@code step.completed}, and its payload
 * fields ({@code task_id}, {@code step_name}, {@code from_state}, {@code to_state}, ...).
 */
public record TaskerEvent(String name, Instant timestamp, Map<String, Object> payload) {
    public TaskerEvent {
        payload = Map.copyOf(payload);
    }

    public Object get(String field) {
        return payload.get(field);
    }
}

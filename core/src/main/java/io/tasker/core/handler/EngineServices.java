package io.tasker.core.handler;

import java.util.Map;

/**
 * The part of the engine that handler code may use (the polyglot bridge exports it to guests as the
 * handle): create a task, read a task's status, publish a custom event, log with a task's correlation id.
 */
public interface EngineServices {
    long createTask(String namespace, String name, String version, Map<String, Object> context, String idempotencyKey);

    String taskStatus(long taskId);

    void publishCustomEvent(long taskId, String eventName, Map<String, Object> payload);

    void log(long taskId, String level, String message, Map<String, Object> fields);
}

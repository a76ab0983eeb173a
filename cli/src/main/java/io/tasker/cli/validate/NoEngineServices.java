package io.tasker.cli.validate;

import io.tasker.core.handler.EngineServices;
import java.util.Map;

/**
 * The engine services of {@code tasker validate}, where no engine exists: handlers are only built, never run, so
 * a handler that reaches for the engine while being built is told why it cannot.
 */
final class NoEngineServices implements EngineServices {

    private static final String REASON = " is not available while 'tasker validate' checks a template: it runs no task"
            + " and opens no database";

    @Override
    public long createTask(String namespace, String name, String version, Map<String, Object> context, String idempotencyKey) {
        throw new IllegalStateException("creating a task" + REASON);
    }

    @Override
    public String taskStatus(long taskId) {
        throw new IllegalStateException("reading a task's status" + REASON);
    }

    @Override
    public void publishCustomEvent(long taskId, String eventName, Map<String, Object> payload) {
        throw new IllegalStateException("publishing an event" + REASON);
    }

    @Override
    public void log(long taskId, String level, String message, Map<String, Object> fields) {
        throw new IllegalStateException("logging for a task" + REASON);
    }
}

package io.tasker.core.engine;

/** A task request that cannot become a task: unknown template, invalid context, conflicting idempotency key. */
public final class TaskCreationException extends RuntimeException {
    public TaskCreationException(String message) {
        super(message);
    }

    public TaskCreationException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.tasker.core.engine;

/** No task with the given id, or no step with the given name in it. */
public final class TaskNotFoundException extends RuntimeException {
    public TaskNotFoundException(String message) {
        super(message);
    }
}

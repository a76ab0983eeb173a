package io.tasker.core.query;

import io.tasker.core.model.TaskState;

/**
 * Which tasks a listing returns, newest first. Null fields mean "any".
 *
 * @param state a task state as stored ({@code pending}, {@code error}, ...), or null
 * @param beforeTaskId keyset cursor: only tasks with a smaller id (the last id of the previous page), or null
 * @param limit how many tasks at most, 1 to {@link #MAX_LIMIT}
 * @throws IllegalArgumentException naming the field and what is expected
 */
public record TaskFilter(String state, String namespace, String name, int limit, Long beforeTaskId) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 10_000;

    public TaskFilter {
        if (state != null) {
            TaskState.fromDb(state);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: got " + limit + ", expected 1 to " + MAX_LIMIT);
        }
    }

    /** The newest {@value #DEFAULT_LIMIT} tasks of any state, namespace and name. */
    public static TaskFilter newest() {
        return new TaskFilter(null, null, null, DEFAULT_LIMIT, null);
    }

    public TaskFilter inState(String newState) {
        return new TaskFilter(newState, namespace, name, limit, beforeTaskId);
    }

    public TaskFilter inNamespace(String newNamespace) {
        return new TaskFilter(state, newNamespace, name, limit, beforeTaskId);
    }

    public TaskFilter named(String newName) {
        return new TaskFilter(state, namespace, newName, limit, beforeTaskId);
    }

    public TaskFilter limitedTo(int newLimit) {
        return new TaskFilter(state, namespace, name, newLimit, beforeTaskId);
    }

    /** The page after one whose last (oldest) task had {@code taskId}. */
    public TaskFilter before(long taskId) {
        return new TaskFilter(state, namespace, name, limit, taskId);
    }
}

package io.tasker.core.model;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The six task states of Tasker (TASKER-COMPAT.md §3.1), with their one transition table. */
public enum TaskState {
    PENDING("pending"),
    IN_PROGRESS("in_progress"),
    COMPLETE("complete"),
    ERROR("error"),
    CANCELLED("cancelled"),
    RESOLVED_MANUALLY("resolved_manually");

    private static final Map<TaskState, Set<TaskState>> ALLOWED = new EnumMap<>(TaskState.class);

    static {
        ALLOWED.put(PENDING, EnumSet.of(IN_PROGRESS, CANCELLED, ERROR));
        ALLOWED.put(IN_PROGRESS, EnumSet.of(COMPLETE, ERROR, CANCELLED, PENDING));
        ALLOWED.put(ERROR, EnumSet.of(PENDING, RESOLVED_MANUALLY));
        ALLOWED.put(COMPLETE, EnumSet.of(CANCELLED));
        ALLOWED.put(RESOLVED_MANUALLY, EnumSet.of(CANCELLED));
        ALLOWED.put(CANCELLED, EnumSet.noneOf(TaskState.class));
    }

    private final String dbName;

    TaskState(String dbName) {
        this.dbName = dbName;
    }

    public String dbName() {
        return dbName;
    }

    /** End of normal processing: nothing will run for the task any more without an operator. */
    public boolean isFinished() {
        return this == COMPLETE || this == CANCELLED || this == RESOLVED_MANUALLY || this == ERROR;
    }

    public boolean isSuccessful() {
        return this == COMPLETE || this == RESOLVED_MANUALLY;
    }

    public boolean canTransitionTo(TaskState to) {
        return ALLOWED.get(this).contains(to);
    }

    /** The one guarded move: returns {@code to} or throws naming both states. */
    public TaskState transitionTo(TaskState to) {
        if (!canTransitionTo(to)) {
            throw new IllegalTransitionException("task", dbName, to.dbName);
        }
        return to;
    }

    public static TaskState fromDb(String name) {
        if (name == null) {
            return PENDING;
        }
        for (TaskState state : values()) {
            if (state.dbName.equals(name)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown task state '" + name + "'");
    }
}

package io.tasker.core.model;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The six workflow step states of Tasker (TASKER-COMPAT.md §3.2), with their one transition table. */
public enum StepState {
    PENDING("pending"),
    IN_PROGRESS("in_progress"),
    COMPLETE("complete"),
    ERROR("error"),
    CANCELLED("cancelled"),
    RESOLVED_MANUALLY("resolved_manually");

    private static final Map<StepState, Set<StepState>> ALLOWED = new EnumMap<>(StepState.class);

    static {
        ALLOWED.put(PENDING, EnumSet.of(IN_PROGRESS, ERROR, CANCELLED, RESOLVED_MANUALLY));
        ALLOWED.put(IN_PROGRESS, EnumSet.of(COMPLETE, ERROR, CANCELLED));
        ALLOWED.put(ERROR, EnumSet.of(PENDING, RESOLVED_MANUALLY));
        ALLOWED.put(COMPLETE, EnumSet.noneOf(StepState.class));
        ALLOWED.put(CANCELLED, EnumSet.noneOf(StepState.class));
        ALLOWED.put(RESOLVED_MANUALLY, EnumSet.noneOf(StepState.class));
    }

    private final String dbName;

    StepState(String dbName) {
        this.dbName = dbName;
    }

    /** The name stored in {@code to_state}/{@code from_state} columns. */
    public String dbName() {
        return dbName;
    }

    /** A parent in this state lets its children run. */
    public boolean satisfiesDependency() {
        return this == COMPLETE || this == RESOLVED_MANUALLY;
    }

    public boolean isTerminal() {
        return this == COMPLETE || this == CANCELLED || this == RESOLVED_MANUALLY;
    }

    public boolean canTransitionTo(StepState to) {
        return ALLOWED.get(this).contains(to);
    }

    /** The one guarded move: returns {@code to} or throws naming both states. */
    public StepState transitionTo(StepState to) {
        if (!canTransitionTo(to)) {
            throw new IllegalTransitionException("step", dbName, to.dbName);
        }
        return to;
    }

    public static StepState fromDb(String name) {
        if (name == null) {
            return PENDING;
        }
        for (StepState state : values()) {
            if (state.dbName.equals(name)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown step state '" + name + "'");
    }
}

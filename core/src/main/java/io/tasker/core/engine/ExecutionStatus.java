package io.tasker.core.engine;

/** Tasker's task execution status (TASKER-COMPAT.md §3.4), first matching row wins. */
public enum ExecutionStatus {
    HAS_READY_STEPS("has_ready_steps"),
    PROCESSING("processing"),
    BLOCKED_BY_FAILURES("blocked_by_failures"),
    ALL_COMPLETE("all_complete"),
    WAITING_FOR_DEPENDENCIES("waiting_for_dependencies");

    private final String dbName;

    ExecutionStatus(String dbName) {
        this.dbName = dbName;
    }

    public String dbName() {
        return dbName;
    }
}

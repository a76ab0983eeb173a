package io.tasker.core.engine;

import java.time.Instant;

/** Another worker holds the task's lease (it is running the task), so this engine may not run it now. */
public final class TaskLeasedException extends RuntimeException {
    private final long taskId;
    private final String holder;
    private final Instant until;

    public TaskLeasedException(long taskId, String holder, Instant until) {
        super("task " + taskId + " is being run by worker " + holder + " (lease until " + until
                + "); it can be run here once that worker settles it or its lease expires");
        this.taskId = taskId;
        this.holder = holder;
        this.until = until;
    }

    public long taskId() {
        return taskId;
    }

    public String holder() {
        return holder;
    }

    public Instant until() {
        return until;
    }
}

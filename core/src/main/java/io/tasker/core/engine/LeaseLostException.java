package io.tasker.core.engine;

/**
 * This engine's lease on a task ended while it was running it (the lease expired and another worker
 * reclaimed the task, or an operator took it): what this engine had not yet written was refused.
 */
public final class LeaseLostException extends RuntimeException {
    public LeaseLostException(long taskId) {
        super("the lease on task " + taskId + " was lost (its claim token moved on: another worker or an operator"
                + " claimed it); this engine's unwritten results for it were refused");
    }
}

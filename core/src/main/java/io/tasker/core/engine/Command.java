package io.tasker.core.engine;

import io.tasker.core.persistence.LeaseStore;
import java.util.concurrent.CompletableFuture;

/** What the orchestrator thread is asked to do; everything that changes a task goes through it. */
sealed interface Command {

    /**
     * Run a task until it settles: finished, or waiting for a backoff to elapse.
     *
     * @param claimed the lease the caller already took and the task as its claim read it (a worker's claim from
     *     the queue); null when the orchestrator is to claim and read the task itself
     */
    record Run(long taskId, LeaseStore.ClaimedTask claimed, CompletableFuture<TaskResult> done) implements Command {
        Run(long taskId, CompletableFuture<TaskResult> done) {
            this(taskId, null, done);
        }

        /** The token of the caller's lease, or null. */
        Long claimToken() {
            return claimed == null ? null : claimed.token();
        }
    }

    /** Stop starting attempts: tasks with nothing in flight are released to the queue (a worker stopping). */
    record Drain() implements Command {
    }

    /** Drop every task held and hand their leases back (a stopping worker whose grace period ended). */
    record Abandon(CompletableFuture<java.util.Map<Long, Long>> released) implements Command {
    }

    /** An attempt ended; {@code generation} tells outcomes of attempts started before a reset apart. */
    record Finished(ActiveTask task, int generation, int index, int attempt, StepOutcome outcome) implements Command {
    }

    /** An operator's action on a task. */
    record Operate(long taskId, Operation operation, CompletableFuture<TaskResult> done) implements Command {
    }
}

package io.tasker.core.engine;

import java.util.concurrent.CompletableFuture;

/** What the orchestrator thread is asked to do; everything that changes a task goes through it. */
sealed interface Command {

    /** Run a task until it settles: finished, or waiting for a backoff to elapse. */
    record Run(long taskId, CompletableFuture<TaskResult> done) implements Command {
    }

    /** An attempt ended; {@code generation} tells outcomes of attempts started before a reset apart. */
    record Finished(ActiveTask task, int generation, int index, int attempt, StepOutcome outcome) implements Command {
    }

    /** An operator's action on a task. */
    record Operate(long taskId, Operation operation, CompletableFuture<TaskResult> done) implements Command {
    }
}

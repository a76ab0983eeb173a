package io.tasker.core.engine;

import io.tasker.core.json.StorableValues;
import io.tasker.core.model.IllegalTransitionException;
import io.tasker.core.model.StepState;
import io.tasker.core.model.TaskState;
import io.tasker.core.persistence.ChangeSet;
import java.util.List;

/**
 * Operator actions (cancel, retry, resolve a step, reset a step). Each checks everything first and only
 * then changes the draft, so a refused action changes nothing.
 */
final class Operations {
    private Operations() {
    }

    static void apply(ActiveTask task, Operation operation, Cycle cycle) {
        switch (operation) {
            case Operation.Cancel cancel -> cancel(task.graph, cancel.actor(), cycle);
            case Operation.Retry retry -> retry(task.graph, retry.actor(), cycle);
            case Operation.ResolveStep resolve -> resolve(task.graph, resolve, cycle);
            case Operation.ResetStep reset -> reset(task.graph, reset, cycle);
        }
    }

    private static void cancel(TaskGraph graph, Actor actor, Cycle cycle) {
        requireTask(graph, TaskState.CANCELLED);
        moveTask(graph, TaskState.CANCELLED, actor, cycle);
        for (int i = 0; i < graph.size(); i++) {
            StepRecord step = graph.step(i);
            if (step.state() == StepState.PENDING || step.state() == StepState.IN_PROGRESS) {
                cycle.stepChanged(graph, step, step.cancelled(), ChangeSet.UNCHANGED, actor.metadata(),
                        List.of(StepState.CANCELLED));
            }
        }
    }

    private static void retry(TaskGraph graph, Actor actor, Cycle cycle) {
        requireTask(graph, TaskState.PENDING);
        if (graph.state() != TaskState.ERROR) {
            throw new IllegalTransitionException("task", graph.state().dbName(), TaskState.PENDING.dbName());
        }
        moveTask(graph, TaskState.PENDING, actor, cycle);
        for (int i = 0; i < graph.size(); i++) {
            StepRecord step = graph.step(i);
            if (step.state() == StepState.ERROR) {
                StepRecord fresh = Readiness.permanentlyBlocked(step) ? withNewAttempts(graph, step) : step;
                StepRecord pending = fresh.withState(StepState.PENDING);
                cycle.stepChanged(graph, step, pending, ChangeSet.UNCHANGED, actor.metadata(), List.of(StepState.PENDING));
            }
        }
    }

    private static void resolve(TaskGraph graph, Operation.ResolveStep resolve, Cycle cycle) {
        int index = stepIndex(graph, resolve.stepName());
        StepRecord step = graph.step(index);
        step.state().transitionTo(StepState.RESOLVED_MANUALLY);
        Object results = StorableValues.toStorable(resolve.results());
        cycle.stepChanged(graph, step, step.resolvedManually(results, cycle.now), results, resolve.actor().metadata(),
                List.of(StepState.RESOLVED_MANUALLY));
        reopenIfUnblocked(graph, resolve.actor(), cycle);
    }

    private static void reset(TaskGraph graph, Operation.ResetStep reset, Cycle cycle) {
        int index = stepIndex(graph, reset.stepName());
        StepRecord step = graph.step(index);
        if (step.state().isTerminal() || step.state() == StepState.IN_PROGRESS) {
            throw new OperationRefusedException("step '" + reset.stepName() + "' is " + step.state().dbName()
                    + "; only a pending or failed step can have its attempts reset");
        }
        StepRecord fresh = withNewAttempts(graph, step);
        // A failed step goes back to pending, so the reset is audited as a transition with the actor's metadata.
        boolean failed = step.state() == StepState.ERROR;
        cycle.stepChanged(graph, step, failed ? fresh.withState(StepState.PENDING) : fresh, ChangeSet.UNCHANGED,
                reset.actor().metadata(), failed ? List.of(StepState.PENDING) : List.of());
        reopenIfUnblocked(graph, reset.actor(), cycle);
    }

    private static StepRecord withNewAttempts(TaskGraph graph, StepRecord step) {
        StepRecord reset = step.withAttemptsReset();
        boolean templateRetryable = graph.stepTemplate(step.index()).retryable();
        return templateRetryable ? reset : new StepRecord(reset.stepId(), reset.index(), reset.state(), reset.sortKey(),
                0, reset.retryLimit(), false, reset.inProcess(), reset.processed(), reset.processedAt(),
                reset.lastAttemptedAt(), null, reset.lastFailureAt(), reset.results());
    }

    /** A task in error whose blocking steps were all dealt with may run again. */
    private static void reopenIfUnblocked(TaskGraph graph, Actor actor, Cycle cycle) {
        if (graph.state() != TaskState.ERROR) {
            return;
        }
        for (int i = 0; i < graph.size(); i++) {
            if (Readiness.permanentlyBlocked(graph.step(i))) {
                return;
            }
        }
        moveTask(graph, TaskState.PENDING, actor, cycle);
    }

    private static void requireTask(TaskGraph graph, TaskState to) {
        graph.state().transitionTo(to);
    }

    private static void moveTask(TaskGraph graph, TaskState to, Actor actor, Cycle cycle) {
        TaskState from = graph.state();
        int sortKey = graph.moveTask(to);
        cycle.taskMoved(graph, from, to, sortKey, actor.metadata());
        graph.scheduleNextRun(null);
    }

    private static int stepIndex(TaskGraph graph, String name) {
        Integer index = graph.indexOf(name);
        if (index == null) {
            throw new TaskNotFoundException("task " + graph.taskId() + " has no step '" + name + "'");
        }
        return index;
    }
}

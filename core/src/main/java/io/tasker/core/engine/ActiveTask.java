package io.tasker.core.engine;

import io.tasker.core.handler.StepHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A task loaded by the orchestrator: its graph, who waits for its run to settle, and its attempts in flight. */
final class ActiveTask {
    final TaskGraph graph;
    final StepHandler[] handlers;
    /** The fencing token of this engine's lease on the task: every write of the task names it. */
    final long claimToken;
    final List<CompletableFuture<TaskResult>> runWaiters = new ArrayList<>();
    private final boolean[] queued;
    private int queuedCount;
    int inFlight;

    ActiveTask(TaskGraph graph, StepHandler[] handlers, long claimToken) {
        this.graph = graph;
        this.handlers = handlers;
        this.claimToken = claimToken;
        this.queued = new boolean[graph.size()];
    }

    /** Marks a step as waiting in the ready queue; false when it already was. */
    boolean markQueued(int index) {
        if (queued[index]) {
            return false;
        }
        queued[index] = true;
        queuedCount++;
        return true;
    }

    void unmarkQueued(int index) {
        if (queued[index]) {
            queued[index] = false;
            queuedCount--;
        }
    }

    boolean hasQueued() {
        return queuedCount > 0;
    }

    boolean running() {
        return !runWaiters.isEmpty();
    }

    long taskId() {
        return graph.taskId();
    }
}

package io.tasker.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A task loaded by the orchestrator: its graph, who waits for its run to settle, and its attempts in flight. */
final class ActiveTask {
    final TaskGraph graph;
    final List<CompletableFuture<TaskResult>> runWaiters = new ArrayList<>();
    final boolean[] queued;
    int inFlight;

    ActiveTask(TaskGraph graph) {
        this.graph = graph;
        this.queued = new boolean[graph.size()];
    }

    boolean running() {
        return !runWaiters.isEmpty();
    }

    long taskId() {
        return graph.taskId();
    }
}

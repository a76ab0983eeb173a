package io.tasker.core.engine;

import io.tasker.core.model.StepState;
import java.time.Instant;

/**
 * Where a task stands, decided from its steps alone: the counts of §3.4, its execution status, and the
 * earliest time a waiting step becomes eligible again.
 *
 * @param nextEligibleAt the earliest backoff end among errored steps that will be retried, or null
 */
record TaskAssessment(int total, int completed, int inProgress, int ready, int failed, int blocked,
                      ExecutionStatus status, Instant nextEligibleAt) {

    static TaskAssessment of(TaskGraph graph, Instant now) {
        int completed = 0;
        int inProgress = 0;
        int ready = 0;
        int failed = 0;
        int blocked = 0;
        Instant next = null;
        for (int i = 0; i < graph.size(); i++) {
            StepRecord step = graph.step(i);
            if (step.state().satisfiesDependency()) {
                completed++;
            } else if (step.state() == StepState.IN_PROGRESS) {
                inProgress++;
            } else if (graph.isReady(i, now)) {
                ready++;
            }
            if (step.state() == StepState.ERROR) {
                failed++;
                if (Readiness.permanentlyBlocked(step)) {
                    blocked++;
                } else if (graph.dependenciesSatisfied(i)) {
                    Instant at = Readiness.eligibleAt(step);
                    next = next == null || at.isBefore(next) ? at : next;
                }
            }
        }
        return new TaskAssessment(graph.size(), completed, inProgress, ready, failed, blocked,
                status(graph.size(), completed, inProgress, ready, blocked), next);
    }

    private static ExecutionStatus status(int total, int completed, int inProgress, int ready, int blocked) {
        if (ready > 0) {
            return ExecutionStatus.HAS_READY_STEPS;
        }
        if (inProgress > 0) {
            return ExecutionStatus.PROCESSING;
        }
        if (blocked > 0) {
            return ExecutionStatus.BLOCKED_BY_FAILURES;
        }
        if (completed == total && total > 0) {
            return ExecutionStatus.ALL_COMPLETE;
        }
        return ExecutionStatus.WAITING_FOR_DEPENDENCIES;
    }
}

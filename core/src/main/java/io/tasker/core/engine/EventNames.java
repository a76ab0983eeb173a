package io.tasker.core.engine;

import io.tasker.core.model.StepState;
import io.tasker.core.model.TaskState;

/** Tasker's event name for each transition (TASKER-COMPAT.md §3.1, §3.2). */
final class EventNames {
    private EventNames() {
    }

    static String task(TaskState from, TaskState to) {
        return switch (to) {
            case PENDING -> from == TaskState.ERROR ? "task.retry_requested" : "task.initialize_requested";
            case IN_PROGRESS -> "task.start_requested";
            case COMPLETE -> "task.completed";
            case ERROR -> "task.failed";
            case CANCELLED -> "task.cancelled";
            case RESOLVED_MANUALLY -> "task.resolved_manually";
        };
    }

    static String step(StepState from, StepState to) {
        return switch (to) {
            case PENDING -> from == StepState.ERROR ? "step.retry_requested" : "step.initialize_requested";
            case IN_PROGRESS -> "step.execution_requested";
            case COMPLETE -> "step.completed";
            case ERROR -> "step.failed";
            case CANCELLED -> "step.cancelled";
            case RESOLVED_MANUALLY -> "step.resolved_manually";
        };
    }
}

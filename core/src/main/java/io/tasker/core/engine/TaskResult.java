package io.tasker.core.engine;

import io.tasker.core.template.TemplateKey;
import java.time.Instant;
import java.util.List;

/**
 * Where a task stands after a run settled or an operation applied: its state, when it has work again
 * (for a task waiting out a backoff), and every step.
 *
 * @param nextRunAt when a {@code pending} task has a step eligible again, or null
 */
public record TaskResult(long taskId, TemplateKey key, String status, Instant nextRunAt, List<StepResult> steps) {

    public TaskResult {
        steps = List.copyOf(steps);
    }

    /** One step: its state, executions so far, stored results, and the last error message (or null). */
    public record StepResult(String name, String status, int attempts, Object results, String error) {
    }

    public boolean isComplete() {
        return "complete".equals(status);
    }

    /** The task is back in {@code pending} with a retry scheduled: run it again at {@link #nextRunAt()}. */
    public boolean isWaiting() {
        return "pending".equals(status) && nextRunAt != null;
    }

    public StepResult step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("task " + taskId + " has no step '" + name + "'"));
    }
}

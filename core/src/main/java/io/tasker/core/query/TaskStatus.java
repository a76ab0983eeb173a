package io.tasker.core.query;

import io.tasker.core.template.TemplateKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task as an operator sees it: where it stands and every step, read as stored.
 *
 * @param state the task's current state (its most recent transition)
 * @param updatedAt the last change of the task row or of its state
 * @param nextRunAt when a waiting task has a step eligible again, or null
 */
public record TaskStatus(
        long taskId,
        TemplateKey key,
        String state,
        Instant createdAt,
        Instant updatedAt,
        Map<String, Object> context,
        List<String> tags,
        String initiator,
        String sourceSystem,
        String reason,
        String idempotencyKey,
        Instant nextRunAt,
        List<StepStatus> steps) {

    public TaskStatus {
        tags = List.copyOf(tags);
        steps = List.copyOf(steps);
    }

    /**
     * One step as stored.
     *
     * @param retryLimit the attempts it may have, or null when the row has none
     * @param results the stored results (for a failed step: what the handler returned plus the failure's fields)
     * @param error for a step in {@code error}: the failure's class and message from its results, else null
     */
    public record StepStatus(
            String name,
            String state,
            int attempts,
            Integer retryLimit,
            boolean retryable,
            Instant lastAttemptedAt,
            Object results,
            String error) {
    }

    public TaskStatus withSteps(List<StepStatus> newSteps) {
        return new TaskStatus(taskId, key, state, createdAt, updatedAt, context, tags, initiator, sourceSystem, reason,
                idempotencyKey, nextRunAt, newSteps);
    }

    public Optional<StepStatus> step(String name) {
        return steps.stream().filter(step -> step.name().equals(name)).findFirst();
    }

    public List<String> stepNames() {
        return steps.stream().map(StepStatus::name).toList();
    }
}
